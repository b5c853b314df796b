/**
 * The table's body rows: one per area, page or section, each cell listing its
 * role's duties (linked, marked when shared, their text in a disclosure).
 */
import {memo, useContext, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import Translate, {translate} from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import RoleProvenance from '@theme/RoleProvenance';
import {RolesClassNames, useDutyCount, useListFormat, visuallyHiddenClassName} from '@theme/RolesUtils';
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {tableRowId} from 'docusaurus-plugin-roles/client';
import {HandoffIndex, dutyHandoffs} from '@theme/RoleHandoffs/table';
import {splitLead} from '@theme/RoleComparisonTable/lead';
import {DUTY_LINK_ATTRIBUTE} from '@theme/RoleComparisonTable/links';
import {NO_ENTRIES, type Column, type GroupBy, type Row} from '@theme/RoleComparisonTable/model';

import styles from './styles.module.css';

/** "Shared" marker of a duty done by several roles: text, not colour only. */
function SharedMarker({entry, labels}: {entry: RoleEntry; labels: ReadonlyMap<string, string>}): ReactNode {
  const formatList = useListFormat();
  return (
    <span
      className={clsx(RolesClassNames.table.shared, styles.shared)}
      title={translate(
        {
          id: 'theme.roles.table.sharedWith',
          description: 'Tooltip of the "Shared" marker: the roles that share the duty',
          message: 'Shared by {roles}',
        },
        {roles: formatList(entry.roles.map((key) => labels.get(key) ?? key))},
      )}>
      <Translate id="theme.roles.table.shared" description="Marker of a duty shared by several roles">
        Shared
      </Translate>
    </span>
  );
}

/**
 * The duty's text, in a native disclosure: closed on screen (the table stays
 * scannable), opened by click, Enter or Space, announced as expandable by
 * screen readers, and open in print (`styles.module.css`). It is in the
 * server-rendered HTML, so it needs no JavaScript.
 *
 * A plain function, not a component, like `dutyPage`: a large table holds
 * thousands of duties, and each component would be one more fiber to mount.
 * For the same reason the markup is lean: stable class names only, the text
 * straight in the disclosure.
 */
function dutyText(entry: RoleEntry, handout: boolean): ReactNode {
  return (
    <details className={RolesClassNames.table.dutyText}>
      <summary
        // The visible words, then which duty: "Read more" alone would be
        // ambiguous in a screen reader's list of controls.
        aria-label={translate(
          {
            id: 'theme.roles.table.readMoreLabel',
            description: 'Accessible name of the disclosure that shows the text of a duty in the roles table',
            message: 'Read more: {title}',
          },
          {title: entry.title},
        )}>
        {translate({
          id: 'theme.roles.table.readMore',
          description: 'Disclosure that shows the text of a duty in the roles table',
          message: 'Read more',
        })}
      </summary>
      {handout ? <HandoutText text={entry.text} /> : entry.text}
      {/* Where the duty comes from; a one-page handout leaves it out. */}
      {!handout && <RoleProvenance citation={entry.citation} reviewed={entry.reviewed} />}
    </details>
  );
}

/** The text in two parts: a printed handout keeps only the first sentence, to fit on one sheet. */
function HandoutText({text}: {text: string}): ReactNode {
  const {lead, rest} = splitLead(text);
  return (
    <>
      {lead}
      {rest && <span className={styles.handoutRest}> {rest}</span>}
    </>
  );
}

/** The page a duty comes from, for groupings whose rows do not say it (a plain function, see `dutyText`). */
function dutyPage(entry: RoleEntry): ReactNode {
  return (
    <span className={RolesClassNames.table.dutyPage}>
      {translate(
        {
          id: 'theme.roles.table.dutyPage',
          description: 'Under a duty in the roles table: the title of the page the duty comes from',
          message: 'Page: {page}',
        },
        {page: entry.pageTitle},
      )}
    </span>
  );
}

/**
 * One duty: a link to its callout, anchored so the callout can link back,
 * then where it comes from (when the row does not say it) and its text.
 *
 * The link is a plain `<a>`, not `<Link>`: a large table holds thousands, and
 * each `<Link>` subscribes to the router (re-rendering on every filter change
 * written to the URL) and sets up its own IntersectionObserver. The table's
 * single delegated handler (`useDutyLinkNavigation`) gives them the same
 * client-side navigation and preloading. `plainLinks` is false only for the
 * hash router, where `<Link>` must rewrite the URL.
 */
const Duty = memo(function Duty({
  entry,
  anchored,
  targeted,
  labels,
  plainLinks,
  showPage,
  handout,
}: {
  entry: RoleEntry;
  /** Only the first shown occurrence of a shared duty takes the id: ids are unique. */
  anchored: boolean;
  /** The URL hash points at this duty. */
  targeted: boolean;
  labels: ReadonlyMap<string, string>;
  plainLinks: boolean;
  /** Say which page the duty comes from (the row is an area). */
  showPage: boolean;
  /** The table prints as a handout: the text's first sentence only. */
  handout: boolean;
}): ReactNode {
  const rowId = tableRowId(entry.permalink, entry.id);
  // The permalink already has the baseUrl and the site's trailing-slash form.
  const href = `${entry.permalink}#${entry.id}`;
  const brokenLinks = useBrokenLinks();
  const handoffIndex = useContext(HandoffIndex);
  // Registers the row anchor with Docusaurus's broken-anchor check, so a
  // callout's "compare" link to a missing row fails the build.
  if (anchored) brokenLinks.collectAnchor(rowId);
  // And the link itself, as `<Link>` would, so a duty pointing at a missing
  // callout fails the build too.
  if (plainLinks) brokenLinks.collectLink(href);
  return (
    <li
      id={anchored ? rowId : undefined}
      className={clsx(
        RolesClassNames.table.duty,
        styles.duty,
        targeted && anchored && [RolesClassNames.table.dutyTarget, styles.targeted],
      )}>
      {plainLinks ? (
        <a href={href} {...{[DUTY_LINK_ATTRIBUTE]: ''}}>
          {entry.title}
        </a>
      ) : (
        <Link to={href}>{entry.title}</Link>
      )}
      {entry.roles.length > 1 && (
        <>
          {' '}
          <SharedMarker entry={entry} labels={labels} />
        </>
      )}
      {showPage && dutyPage(entry)}
      {(entry.text !== '' || entry.citation || entry.reviewed) && dutyText(entry, handout)}
      {dutyHandoffs(entry, handoffIndex, labels, plainLinks ? (link) => brokenLinks.collectLink(link) : undefined)}
    </li>
  );
});

/**
 * About how tall a duty is, in `em`: its title, its disclosure, and its page
 * when the row is an area. Sizes a list the browser has not laid out.
 */
const DUTY_HEIGHT_EM = {withPage: 5.2, withoutPage: 3.6};

/** Empty cell: a dash for the eye, words for screen readers. */
function NoDuties(): ReactNode {
  return (
    <>
      <span aria-hidden="true" className={styles.none}>
        –
      </span>
      <span className={visuallyHiddenClassName}>
        <Translate
          id="theme.roles.table.noDuties"
          description="Screen-reader text of an empty cell of the roles table">
          No duties
        </Translate>
      </span>
    </>
  );
}

/** The row header's label: a link to the page or section when the row is one. */
function RowLabel({row, plainLinks}: {row: Row; plainLinks: boolean}): ReactNode {
  const brokenLinks = useBrokenLinks();
  if (row.href === undefined) return row.label;
  // Registered like the duties' links, so a row pointing at a missing
  // section fails the build's broken-anchor check.
  if (plainLinks) brokenLinks.collectLink(row.href);
  return plainLinks ? (
    <a href={row.href} className={RolesClassNames.table.rowLink} {...{[DUTY_LINK_ATTRIBUTE]: ''}}>
      {row.label}
    </a>
  ) : (
    <Link to={row.href} className={RolesClassNames.table.rowLink}>
      {row.label}
    </Link>
  );
}

/** Class of a row, by what it groups. */
function rowClassName(row: Row, groupBy: GroupBy): string {
  if (groupBy === 'page') return RolesClassNames.table.pageRow;
  if (groupBy === 'section') return RolesClassNames.table.sectionRow;
  return RolesClassNames.table.area(row.key);
}

interface GroupRowProps {
  row: Row;
  groupBy: GroupBy;
  /** Shown columns, in order. */
  columns: readonly Column[];
  /** The row's shown duties per shown column (same order as `columns`). */
  cells: readonly (readonly RoleEntry[])[];
  /** How many distinct duties the row shows. */
  count: number;
  labels: ReadonlyMap<string, string>;
  targetId: string | undefined;
  plainLinks: boolean;
  handout: boolean;
}

/** Same props, comparing the cells' duties one by one (the arrays are rebuilt per filter). */
function sameGroupRow(previous: GroupRowProps, next: GroupRowProps): boolean {
  if (
    previous.row !== next.row ||
    previous.groupBy !== next.groupBy ||
    previous.columns !== next.columns ||
    previous.count !== next.count ||
    previous.labels !== next.labels ||
    previous.targetId !== next.targetId ||
    previous.plainLinks !== next.plainLinks ||
    previous.handout !== next.handout ||
    previous.cells.length !== next.cells.length
  ) {
    return false;
  }
  return previous.cells.every((cell, index) => {
    const other = next.cells[index];
    return other !== undefined && cell.length === other.length && cell.every((entry, at) => entry === other[at]);
  });
}

/** One area, page or section: its header cell, then one cell per shown role. */
export const GroupRow = memo(function GroupRow({
  row,
  groupBy,
  columns,
  cells,
  count,
  labels,
  targetId,
  plainLinks,
  handout,
}: GroupRowProps): ReactNode {
  const dutyCount = useDutyCount();
  return (
    <tr role="row" className={clsx(rowClassName(row, groupBy), styles.row)}>
      <th scope="row" role="rowheader" className={styles.rowHeader}>
        {row.context && <span className={styles.rowContext}>{row.context}</span>}
        <span className={styles.areaLabel}>
          <RowLabel row={row} plainLinks={plainLinks} />
        </span>
        {row.description && <span className={styles.description}>{row.description}</span>}
        <span className={styles.count}>{dutyCount(count)}</span>
      </th>
      {columns.map((column, index) => {
        const duties = cells[index] ?? NO_ENTRIES;
        return (
          <td key={column.key} role="cell" className={styles.cell} data-role-label={column.label}>
            {/* The column header, repeated for the stacked phone layout; the
                table headers already name the cell for screen readers. */}
            <span className={styles.cellRole} aria-hidden="true">
              <RoleBadge roleKey={column.key} />
            </span>
            {duties.length > 0 ? (
              <ul
                className={styles.duties}
                // The height the list takes while the browser skips it (off
                // screen: see `styles.module.css`).
                style={{
                  containIntrinsicHeight: `${duties.length * DUTY_HEIGHT_EM[groupBy === 'area' ? 'withPage' : 'withoutPage']}em`,
                }}>
                {duties.map((entry) => {
                  // The first shown column of the duty's roles owns the anchor.
                  const owner = columns.find((candidate) => entry.roles.includes(candidate.key));
                  const anchored = owner === column;
                  return (
                    <Duty
                      key={`${entry.permalink}#${entry.id}`}
                      entry={entry}
                      anchored={anchored}
                      targeted={anchored && targetId === tableRowId(entry.permalink, entry.id)}
                      labels={labels}
                      plainLinks={plainLinks}
                      showPage={groupBy === 'area'}
                      handout={handout}
                    />
                  );
                })}
              </ul>
            ) : (
              <NoDuties />
            )}
          </td>
        );
      })}
    </tr>
  );
}, sameGroupRow);
