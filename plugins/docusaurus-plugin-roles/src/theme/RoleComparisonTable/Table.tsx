/** The `<table>` itself: caption, column headers, one row per area, page or section (or a no-match row) and the total row. */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, useDutyCount, type CSSVariables} from '@theme/RolesUtils';
import {useSharedCount} from '@theme/RoleComparisonTable/i18n';
import {NO_ENTRIES, type Column, type GroupBy, type GroupedDuties, type Row} from '@theme/RoleComparisonTable/model';
import {GroupRow} from '@theme/RoleComparisonTable/Rows';

import styles from './styles.module.css';

/** Header cell of a role column: badge, description and duty count. */
function ColumnHeader({column, count}: {column: Column; count: number}): ReactNode {
  const dutyCount = useDutyCount();
  return (
    <th scope="col" role="columnheader" className={styles.columnHeader}>
      <RoleBadge roleKey={column.key} />
      {column.description && <span className={styles.description}>{column.description}</span>}
      <span className={styles.count}>{dutyCount(count)}</span>
    </th>
  );
}

/** Header of the first column: what the rows are. */
function CornerHeader({groupBy}: {groupBy: GroupBy}): ReactNode {
  if (groupBy === 'page') {
    return (
      <Translate id="theme.roles.table.pageHeader" description="Header of the first column of the roles table when rows are pages">
        Page
      </Translate>
    );
  }
  if (groupBy === 'section') {
    return (
      <Translate
        id="theme.roles.table.sectionHeader"
        description="Header of the first column of the roles table when rows are sections (headings) of pages">
        Section
      </Translate>
    );
  }
  return (
    <Translate id="theme.roles.table.areaHeader" description="Header of the first column (areas) of the roles table">
      Area
    </Translate>
  );
}

/** Total row: how many duties the table shows, and how many are shared. */
function TotalRow({count, shared, columnCount}: {count: number; shared: number; columnCount: number}): ReactNode {
  const dutyCount = useDutyCount();
  const sharedCount = useSharedCount();
  return (
    <tfoot role="rowgroup" className={styles.foot}>
      <tr role="row" className={styles.total}>
        <th scope="row" role="rowheader">
          <Translate id="theme.roles.table.total" description="Header of the total row of the roles table">
            Total
          </Translate>
        </th>
        <td role="cell" colSpan={Math.max(columnCount, 1)}>
          {dutyCount(count)}
          {shared > 0 && ` (${sharedCount(shared)})`}
        </td>
      </tr>
    </tfoot>
  );
}

/** What the table shows once the filters are applied. */
interface DutyTableProps {
  /** Id of the caption, which names the scrollable region around the table. */
  captionId: string;
  caption: ReactNode;
  /** Shown columns, in order. */
  columns: readonly Column[];
  /** What the rows are. */
  groupBy: GroupBy;
  /** Rows (areas, pages or sections) with at least one shown duty, in order. */
  rows: readonly Row[];
  /** The shown duties by area and column. */
  grouped: GroupedDuties;
  /** How many distinct duties the table shows. */
  shownCount: number;
  labels: ReadonlyMap<string, string>;
  targetId: string | undefined;
  plainLinks: boolean;
  /** Replaces the header of the first column (default: what the rows are). */
  rowHeader: ReactNode | undefined;
  /** The table prints as a handout (`RoleComparisonTable`'s `handout` prop). */
  handout: boolean;
}

/** The duties as a real `<table>`: caption, column and row headers, and a total row. */
export function DutyTable({
  captionId,
  caption,
  columns,
  groupBy,
  rows,
  grouped,
  shownCount,
  labels,
  targetId,
  plainLinks,
  rowHeader,
  handout,
}: DutyTableProps): ReactNode {
  return (
    <table role="table" className={styles.table} style={{'--role-columns': String(columns.length)} as CSSVariables}>
      <caption id={captionId} className={styles.caption}>
        {caption}
      </caption>
      <thead role="rowgroup" className={styles.head}>
        <tr role="row">
          <th scope="col" role="columnheader" className={styles.corner}>
            {rowHeader ?? <CornerHeader groupBy={groupBy} />}
          </th>
          {columns.map((column) => (
            <ColumnHeader key={column.key} column={column} count={grouped.byColumn.get(column.key) ?? 0} />
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.length > 0 ? (
          rows.map((row) => {
            const group = grouped.byRow.get(row.key);
            return (
              <GroupRow
                key={row.key}
                row={row}
                groupBy={groupBy}
                columns={columns}
                cells={columns.map((column) => group?.cells.get(column.key) ?? NO_ENTRIES)}
                count={group?.count ?? 0}
                labels={labels}
                targetId={targetId}
                plainLinks={plainLinks}
                handout={handout}
              />
            );
          })
        ) : (
          <tr role="row" className={styles.row}>
            <td
              role="cell"
              colSpan={columns.length + 1}
              className={clsx(RolesClassNames.table.noMatch, styles.noMatch)}>
              <Translate
                id="theme.roles.table.noMatch"
                description="Shown in the roles table when the filters match no duty">
                No duties match these filters.
              </Translate>
            </td>
          </tr>
        )}
      </tbody>
      <TotalRow count={shownCount} shared={grouped.shared} columnCount={columns.length} />
    </table>
  );
}
