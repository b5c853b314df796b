/** The table's body rows: one per area, each cell listing its role's duties (linked, marked when shared). */
import {memo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import Translate, {translate} from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, useDutyCount, useListFormat, visuallyHiddenClassName} from '@theme/RolesUtils';
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {tableRowId} from 'docusaurus-plugin-roles/client';
import {DUTY_LINK_ATTRIBUTE} from '@theme/RoleComparisonTable/links';
import {NO_ENTRIES, type Column, type Row} from '@theme/RoleComparisonTable/model';

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
 * One duty: a link to its callout, anchored so the callout can link back.
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
}: {
  entry: RoleEntry;
  /** Only the first shown occurrence of a shared duty takes the id: ids are unique. */
  anchored: boolean;
  /** The URL hash points at this duty. */
  targeted: boolean;
  labels: ReadonlyMap<string, string>;
  plainLinks: boolean;
}): ReactNode {
  const rowId = tableRowId(entry.permalink, entry.id);
  // The permalink already has the baseUrl and the site's trailing-slash form.
  const href = `${entry.permalink}#${entry.id}`;
  const brokenLinks = useBrokenLinks();
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
    </li>
  );
});

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

interface AreaRowProps {
  row: Row;
  /** Shown columns, in order. */
  columns: readonly Column[];
  /** The row's shown duties per shown column (same order as `columns`). */
  cells: readonly (readonly RoleEntry[])[];
  /** How many distinct duties the row shows. */
  count: number;
  labels: ReadonlyMap<string, string>;
  targetId: string | undefined;
  plainLinks: boolean;
}

/** Same props, comparing the cells' duties one by one (the arrays are rebuilt per filter). */
function sameAreaRow(previous: AreaRowProps, next: AreaRowProps): boolean {
  if (
    previous.row !== next.row ||
    previous.columns !== next.columns ||
    previous.count !== next.count ||
    previous.labels !== next.labels ||
    previous.targetId !== next.targetId ||
    previous.plainLinks !== next.plainLinks ||
    previous.cells.length !== next.cells.length
  ) {
    return false;
  }
  return previous.cells.every((cell, index) => {
    const other = next.cells[index];
    return other !== undefined && cell.length === other.length && cell.every((entry, at) => entry === other[at]);
  });
}

/** One area: its header cell, then one cell per shown role. */
export const AreaRow = memo(function AreaRow({
  row,
  columns,
  cells,
  count,
  labels,
  targetId,
  plainLinks,
}: AreaRowProps): ReactNode {
  const dutyCount = useDutyCount();
  return (
    <tr role="row" className={clsx(RolesClassNames.table.area(row.key), styles.row)}>
      <th scope="row" role="rowheader" className={styles.rowHeader}>
        <span className={styles.areaLabel}>{row.label}</span>
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
              <ul className={styles.duties}>
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
}, sameAreaRow);
