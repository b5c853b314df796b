/**
 * The `<table>` itself: caption, column headers, one row per area, page or
 * section (or a no-match row) and the total row; printed, one table per row.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, useDutyCount, type CSSVariables} from '@theme/RolesUtils';
import {useSharedCount} from '@theme/RoleComparisonTable/i18n';
import {FIRST_PAINT_ROWS} from '@theme/RoleComparisonTable/layout';
import {NO_ENTRIES, type Column, type GroupBy, type GroupedDuties, type Row} from '@theme/RoleComparisonTable/model';
import {GroupRow} from '@theme/RoleComparisonTable/Rows';
import type {HandoutDetail} from '@theme/RoleComparisonTable/Duty';

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
export interface DutyTableProps {
  /** Id of the caption, which names the scrollable region around the table. */
  captionId: string;
  caption: ReactNode;
  /** What else restricts what is shown (an area, a view, a docs version): said under the caption. */
  captionDetails: readonly string[];
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
  /** The table prints as a handout (`RoleComparisonTable`'s `handout` prop): what it keeps of each duty. */
  handout: HandoutDetail | false;
  /** The row headers' ids, by row key (targets of the "jump to" links). */
  headerIds: ReadonlyMap<string, string>;
  /** Labels of the docs versions, when several versions of one docs instance are shown. */
  versionLabels: ReadonlyMap<string, string> | undefined;
  /** Each page's number in the printed list of pages, by permalink. */
  pageRefs: ReadonlyMap<string, number>;
  /** The page is printing: each row becomes a table of its own (see `layout.ts`). */
  printing: boolean;
  /** At most this many duties per cell, and rows (`Infinity`: all); see `useFirstPaintLimit`. */
  limit: number;
}

/** The caption: what the table shows, then what else restricts it. */
function Caption({id, caption, details}: {id: string; caption: ReactNode; details: readonly string[]}): ReactNode {
  return (
    <caption id={id} className={styles.caption}>
      {caption}
      {details.length > 0 && ' '}
      {details.length > 0 && (
        <span className={clsx(RolesClassNames.table.captionDetails, styles.captionDetails)}>{details.join(' · ')}</span>
      )}
    </caption>
  );
}

/** The header row: what the rows are, then one header per shown role. */
function ColumnHeaders({columns, grouped, groupBy, rowHeader}: Pick<DutyTableProps, 'columns' | 'grouped' | 'groupBy' | 'rowHeader'>): ReactNode {
  return (
    <tr role="row">
      <th scope="col" role="columnheader" className={styles.corner}>
        {rowHeader ?? <CornerHeader groupBy={groupBy} />}
      </th>
      {columns.map((column) => (
        <ColumnHeader key={column.key} column={column} count={grouped.byColumn.get(column.key) ?? 0} />
      ))}
    </tr>
  );
}

/** One body row, its cells cut to `limit` duties for a first paint. */
function BodyRow({row, props}: {row: Row; props: DutyTableProps}): ReactNode {
  const {columns, grouped, groupBy, labels, targetId, plainLinks, handout, headerIds, versionLabels, pageRefs, limit} = props;
  const group = grouped.byRow.get(row.key);
  return (
    <GroupRow
      row={row}
      groupBy={groupBy}
      columns={columns}
      cells={columns.map((column) => {
        const cell = group?.cells.get(column.key) ?? NO_ENTRIES;
        return cell.length > limit ? cell.slice(0, limit) : cell;
      })}
      count={group?.count ?? 0}
      labels={labels}
      targetId={targetId}
      plainLinks={plainLinks}
      handout={handout}
      headerId={headerIds.get(row.key) ?? ''}
      versionLabels={versionLabels}
      pageRefs={pageRefs}
    />
  );
}

/** The row shown when the filters match no duty. */
function NoMatchRow({columnCount}: {columnCount: number}): ReactNode {
  return (
    <tr role="row" className={styles.row}>
      <td role="cell" colSpan={columnCount + 1} className={clsx(RolesClassNames.table.noMatch, styles.noMatch)}>
        <Translate id="theme.roles.table.noMatch" description="Shown in the roles table when the filters match no duty">
          No duties match these filters.
        </Translate>
      </td>
    </tr>
  );
}

/** The duties as a real `<table>`: caption, column and row headers, and a total row. */
export function DutyTable(props: DutyTableProps): ReactNode {
  const {captionId, caption, captionDetails, columns, rows, grouped, shownCount, handout, printing, limit} = props;
  if (printing && !handout && rows.length > 0) return <PrintedTables {...props} />;
  const shownRows = limit === Infinity ? rows : rows.slice(0, FIRST_PAINT_ROWS);
  return (
    <table role="table" className={styles.table} style={{'--role-columns': String(columns.length)} as CSSVariables}>
      <Caption id={captionId} caption={caption} details={captionDetails} />
      <thead role="rowgroup" className={styles.head}>
        <ColumnHeaders {...props} />
      </thead>
      <tbody role="rowgroup">
        {shownRows.length > 0 ? (
          shownRows.map((row) => <BodyRow key={row.key} row={row} props={props} />)
        ) : (
          <NoMatchRow columnCount={columns.length} />
        )}
      </tbody>
      <TotalRow count={shownCount} shared={grouped.shared} columnCount={columns.length} />
    </table>
  );
}

/**
 * The table as printed: one table per row, each with its own header (the
 * row's name, then the roles), which the browser repeats at the top of every
 * sheet the row spans. Rendered only while printing.
 */
function PrintedTables(props: DutyTableProps): ReactNode {
  const {captionId, caption, captionDetails, columns, rows, grouped, shownCount, groupBy} = props;
  const dutyCount = useDutyCount();
  const sharedCount = useSharedCount();
  return (
    <div className={styles.printed}>
      <p id={captionId} className={styles.caption}>
        {caption}
        {captionDetails.length > 0 && ' '}
        {captionDetails.length > 0 && <span className={styles.captionDetails}>{captionDetails.join(' · ')}</span>}
      </p>
      {rows.map((row) => (
        <table
          key={row.key}
          role="table"
          aria-label={row.label}
          className={clsx(styles.table, styles.printedTable)}
          style={{'--role-columns': String(columns.length)} as CSSVariables}>
          <thead role="rowgroup" className={styles.head}>
            <tr role="row">
              {/* The row's name heads its own table: its row header and the corner are not printed. */}
              <th scope="colgroup" colSpan={columns.length} className={styles.printedRowName}>
                {groupBy === 'section' && row.context ? `${row.context} › ${row.label}` : row.label}
              </th>
            </tr>
            <ColumnHeaders {...props} />
          </thead>
          <tbody role="rowgroup">
            <BodyRow row={row} props={props} />
          </tbody>
        </table>
      ))}
      <p className={styles.printedTotal}>
        {dutyCount(shownCount)}
        {grouped.shared > 0 && ` (${sharedCount(grouped.shared)})`}
      </p>
    </div>
  );
}
