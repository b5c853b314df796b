/**
 * The table's body rows: one per area, page or section, each cell listing its
 * role's duties (`Duty`: the title opens the text and the link to the callout).
 */
import {memo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import Translate from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, useDutyCount, visuallyHiddenClassName} from '@theme/RolesUtils';
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {tableRowId, versionKey} from 'docusaurus-plugin-roles/client';
import {Duty, type HandoutDetail} from '@theme/RoleComparisonTable/Duty';
import {DUTY_LINK_ATTRIBUTE} from '@theme/RoleComparisonTable/links';
import {NO_ENTRIES, type Column, type GroupBy, type Row} from '@theme/RoleComparisonTable/model';

import styles from './styles.module.css';

/**
 * About how tall a duty is, in `em`: its title, its disclosure, and its page
 * when the row is an area. Sizes a list the browser has not laid out.
 */
const DUTY_HEIGHT_EM = {withPage: 3.4, withoutPage: 2.4};

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

/**
 * The row header's label: a link to the page or section when the row is one.
 * `data-ref` is the page's number in the printed list of pages.
 */
function RowLabel({row, plainLinks, pageRef}: {row: Row; plainLinks: boolean; pageRef: number | undefined}): ReactNode {
  const brokenLinks = useBrokenLinks();
  if (row.href === undefined) return row.label;
  // Registered like the duties' links, so a row pointing at a missing
  // section fails the build's broken-anchor check.
  if (plainLinks) brokenLinks.collectLink(row.href);
  return plainLinks ? (
    <a href={row.href} className={RolesClassNames.table.rowLink} data-ref={pageRef} {...{[DUTY_LINK_ATTRIBUTE]: ''}}>
      {row.label}
    </a>
  ) : (
    <Link to={row.href} className={RolesClassNames.table.rowLink} data-ref={pageRef}>
      {row.label}
    </Link>
  );
}

/**
 * A section row says its page on the same line ("Glossary › A"), so that a
 * heading such as "A" is never read alone; a page row's categories go above.
 */
function RowName({row, groupBy, plainLinks, pageRef}: {row: Row; groupBy: GroupBy; plainLinks: boolean; pageRef: number | undefined}): ReactNode {
  const label = <RowLabel row={row} plainLinks={plainLinks} pageRef={pageRef} />;
  if (groupBy === 'section' && row.context) {
    return (
      <span className={styles.areaLabel}>
        <span className={clsx(RolesClassNames.table.rowPage, styles.rowPage)}>{row.context}</span>
        <span aria-hidden="true" className={styles.rowPageSeparator}>
          {' › '}
        </span>
        <span className={visuallyHiddenClassName}>: </span>
        {label}
      </span>
    );
  }
  return (
    <>
      {row.context && <span className={styles.rowContext}>{row.context}</span>}
      <span className={styles.areaLabel}>{label}</span>
    </>
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
  handout: HandoutDetail | false;
  /** Id of the row header, the target of the "jump to" links. */
  headerId: string;
  /** Labels of the docs versions, when the table shows several versions of one docs instance. */
  versionLabels: ReadonlyMap<string, string> | undefined;
  /** Each page's number in the printed list of pages, by permalink. */
  pageRefs: ReadonlyMap<string, number>;
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
    previous.headerId !== next.headerId ||
    previous.versionLabels !== next.versionLabels ||
    previous.pageRefs !== next.pageRefs ||
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
  headerId,
  versionLabels,
  pageRefs,
}: GroupRowProps): ReactNode {
  const dutyCount = useDutyCount();
  return (
    <tr role="row" className={clsx(rowClassName(row, groupBy), styles.row)}>
      {/* Focusable from script only: the "jump to" links move the focus here, so Tab goes on from this row. */}
      <th scope="row" role="rowheader" id={headerId} tabIndex={-1} className={styles.rowHeader}>
        {/* Stays in view while a tall row scrolls by (see styles.module.css). */}
        <div className={styles.rowHeaderInner}>
          <RowName row={row} groupBy={groupBy} plainLinks={plainLinks} pageRef={row.page === undefined ? undefined : pageRefs.get(row.page)} />
          {row.description && <span className={styles.description}>{row.description}</span>}
          <span className={styles.count}>{dutyCount(count)}</span>
        </div>
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
                      versionLabel={entry.version === null ? undefined : versionLabels?.get(versionKey(entry))}
                      pageRef={pageRefs.get(entry.permalink)}
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
