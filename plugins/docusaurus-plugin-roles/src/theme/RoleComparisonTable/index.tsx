/**
 * The site-wide comparison table: one row per area, one column per role, each
 * cell listing that role's duties in that area with links to their callouts.
 * Pure render from props and global data, so it is complete in the SSR HTML.
 */
import {useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import Translate, {translate} from '@docusaurus/Translate';
import {usePluralForm} from '@docusaurus/theme-common';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, useDutyCount, useListFormat, useRolesData, useTargetId} from '@theme/RolesUtils';
import type {Props} from '@theme/RoleComparisonTable';
import type {AreaInfo, RoleEntry, RoleInfo} from '../../types.js';
import {normalizePagePath, tableRowId} from '../../client/anchors.js';

import styles from './styles.module.css';

/** A column: a configured role, or an unknown key found in the entries. */
interface Column {
  key: string;
  label: string;
  description: string | undefined;
  /** Entries of this column (in the order given). */
  entries: RoleEntry[];
}

/** A row: an area and its entries (in the order given). */
interface Row {
  key: string;
  label: string;
  description: string | undefined;
  entries: RoleEntry[];
}

/**
 * Orders keys as configured, then appends keys the configuration lacks (in
 * first-seen order) so that no duty silently disappears from the table;
 * `only` (a prop) restricts to the listed configured keys instead.
 */
function orderKeys(configured: readonly string[], seen: readonly string[], only?: readonly string[]): string[] {
  if (only) {
    return configured.filter((key) => only.includes(key));
  }
  return [...new Set([...configured, ...seen])];
}

/** The props that narrow what the table shows. */
type Filters = {readonly [K in 'page' | 'pluginId' | 'version' | 'roles' | 'areas']?: Props[K] | undefined};

/** Entries, columns and rows once the props' filters are applied. */
interface TableModel {
  entries: RoleEntry[];
  columns: Column[];
  rows: Row[];
}

/** Filters the entries and groups them by area and role; keeps all orders stable. */
function buildModel(
  allEntries: readonly RoleEntry[],
  roles: readonly RoleInfo[],
  areas: readonly AreaInfo[],
  {page, pluginId, version, roles: onlyRoles, areas: onlyAreas}: Filters,
): TableModel {
  const pagePath = page === undefined ? undefined : normalizePagePath(page);
  const scoped = allEntries.filter(
    (entry) =>
      (pagePath === undefined || normalizePagePath(entry.permalink) === pagePath) &&
      (pluginId === undefined || entry.pluginId === pluginId) &&
      (version === undefined || entry.version === version),
  );
  const roleKeys = orderKeys(
    roles.map((role) => role.key),
    scoped.flatMap((entry) => entry.roles),
    onlyRoles,
  );
  const areaKeys = orderKeys(
    areas.map((area) => area.key),
    scoped.map((entry) => entry.area),
    onlyAreas,
  );
  // A duty is shown when its area is a row and one of its roles a column.
  const entries = scoped.filter(
    (entry) => areaKeys.includes(entry.area) && entry.roles.some((key) => roleKeys.includes(key)),
  );
  const columns = roleKeys.map((key): Column => {
    const role = roles.find((candidate) => candidate.key === key);
    return {
      key,
      label: role?.label ?? key,
      description: role?.description,
      entries: entries.filter((entry) => entry.roles.includes(key)),
    };
  });
  const rows = areaKeys
    .map((key): Row => {
      const area = areas.find((candidate) => candidate.key === key);
      return {
        key,
        label: area?.label ?? key,
        description: area?.description,
        entries: entries.filter((entry) => entry.area === key),
      };
    })
    .filter((row) => row.entries.length > 0);
  return {entries, columns, rows};
}

/** "Shared" marker of a duty done by several roles: text, not colour only. */
function SharedMarker({entry, columns}: {entry: RoleEntry; columns: readonly Column[]}): ReactNode {
  const formatList = useListFormat();
  const labels = entry.roles.map((key) => columns.find((column) => column.key === key)?.label ?? key);
  return (
    <span
      className={clsx(RolesClassNames.table.shared, styles.shared)}
      title={translate(
        {
          id: 'theme.roles.table.sharedWith',
          description: 'Tooltip of the "Shared" marker: the roles that share the duty',
          message: 'Shared by {roles}',
        },
        {roles: formatList(labels)},
      )}>
      <Translate id="theme.roles.table.shared" description="Marker of a duty shared by several roles">
        Shared
      </Translate>
    </span>
  );
}

/** One duty: a link to its callout, anchored so the callout can link back. */
function Duty({
  entry,
  anchored,
  targetId,
  columns,
}: {
  entry: RoleEntry;
  /** Only the first occurrence of a shared duty takes the id: ids are unique. */
  anchored: boolean;
  targetId: string | undefined;
  columns: readonly Column[];
}): ReactNode {
  const rowId = tableRowId(entry.permalink, entry.id);
  // Registers the row anchor with Docusaurus's broken-anchor check, so a
  // callout's "compare" link to a missing row fails the build.
  const brokenLinks = useBrokenLinks();
  if (anchored) brokenLinks.collectAnchor(rowId);
  return (
    <li
      id={anchored ? rowId : undefined}
      className={clsx(RolesClassNames.table.duty, styles.duty, targetId === rowId && styles.targeted)}>
      <Link to={`${entry.permalink}#${entry.id}`}>{entry.title}</Link>
      {entry.roles.length > 1 && (
        <>
          {' '}
          <SharedMarker entry={entry} columns={columns} />
        </>
      )}
    </li>
  );
}

/** Header cell of a role column: badge, description and duty count. */
function ColumnHeader({column}: {column: Column}): ReactNode {
  const dutyCount = useDutyCount();
  return (
    <th scope="col" className={styles.columnHeader}>
      <RoleBadge roleKey={column.key} />
      {column.description && <span className={styles.description}>{column.description}</span>}
      <span className={styles.count}>{dutyCount(column.entries.length)}</span>
    </th>
  );
}

/** Header cell of an area row: label, description and duty count. */
function RowHeader({row}: {row: Row}): ReactNode {
  const dutyCount = useDutyCount();
  return (
    <th scope="row" className={styles.rowHeader}>
      <span className={styles.areaLabel}>{row.label}</span>
      {row.description && <span className={styles.description}>{row.description}</span>}
      <span className={styles.count}>{dutyCount(row.entries.length)}</span>
    </th>
  );
}

/** Caption built from the configured role labels, e.g. "Duties by area: A and B". */
function useDefaultCaption(columns: readonly Column[]): string {
  const formatList = useListFormat();
  if (columns.length === 0) {
    return translate({
      id: 'theme.roles.table.captionNoRoles',
      description: 'Default caption of the roles comparison table when no role is configured',
      message: 'Duties by area',
    });
  }
  return translate(
    {
      id: 'theme.roles.table.caption',
      description: 'Default caption of the roles comparison table; {roles} is the list of role labels',
      message: 'Duties by area: {roles}',
    },
    {roles: formatList(columns.map((column) => column.label))},
  );
}

/** Formats "2 shared" with the locale's plural rules. */
function useSharedCount(): (count: number) => string {
  const {selectMessage} = usePluralForm();
  return (count) =>
    selectMessage(
      count,
      translate(
        {
          id: 'theme.roles.table.sharedCount',
          description:
            'Pluralized number of duties shared by several roles, shown in the total row. ' +
            'Use as many plural forms (separated by "|") as your language supports',
          message: '{count} shared|{count} shared',
        },
        {count},
      ),
    );
}

/** Total row: how many duties the table shows, and how many are shared. */
function TotalRow({entries, columnCount}: {entries: readonly RoleEntry[]; columnCount: number}): ReactNode {
  const dutyCount = useDutyCount();
  const sharedCount = useSharedCount();
  const shared = entries.filter((entry) => entry.roles.length > 1).length;
  return (
    <tfoot>
      <tr className={styles.total}>
        <th scope="row">
          <Translate id="theme.roles.table.total" description="Header of the total row of the roles table">
            Total
          </Translate>
        </th>
        <td colSpan={columnCount}>
          {dutyCount(entries.length)}
          {shared > 0 && ` (${sharedCount(shared)})`}
        </td>
      </tr>
    </tfoot>
  );
}

/** Empty cell: a dash for the eye, words for screen readers. */
function NoDuties(): ReactNode {
  return (
    <>
      <span aria-hidden="true" className={styles.none}>
        –
      </span>
      <span className={styles.visuallyHidden}>
        <Translate
          id="theme.roles.table.noDuties"
          description="Screen-reader text of an empty cell of the roles table">
          No duties
        </Translate>
      </span>
    </>
  );
}

/** The cell of one role in one area: its duties, or "No duties". */
function DutyCell({
  row,
  column,
  columns,
  targetId,
}: {
  row: Row;
  column: Column;
  columns: readonly Column[];
  targetId: string | undefined;
}): ReactNode {
  const duties = row.entries.filter((entry) => entry.roles.includes(column.key));
  return (
    <td className={styles.cell}>
      {duties.length > 0 ? (
        <ul className={styles.duties}>
          {duties.map((entry) => (
            <Duty
              key={`${entry.permalink}#${entry.id}`}
              entry={entry}
              // The first shown column of the duty's roles owns the anchor.
              anchored={columns.find((candidate) => entry.roles.includes(candidate.key)) === column}
              targetId={targetId}
              columns={columns}
            />
          ))}
        </ul>
      ) : (
        <NoDuties />
      )}
    </td>
  );
}

/**
 * Renders the duties as a real `<table>` (caption, column and row headers),
 * or a short paragraph when there is nothing to show.
 */
export default function RoleComparisonTable(props: Props): ReactNode {
  const {caption, className} = props;
  const {entries: allEntries, page, pluginId, version, roles: onlyRoles, areas: onlyAreas} = props;
  const data = useRolesData();
  const targetId = useTargetId();
  const captionId = useId();
  const {entries, columns, rows} = useMemo(
    () =>
      buildModel(allEntries, data.roles, data.areas, {page, pluginId, version, roles: onlyRoles, areas: onlyAreas}),
    [allEntries, data.roles, data.areas, page, pluginId, version, onlyRoles, onlyAreas],
  );
  const defaultCaption = useDefaultCaption(columns);

  if (entries.length === 0) {
    return (
      <p className={clsx(RolesClassNames.table.container, RolesClassNames.table.empty, styles.empty, className)}>
        <Translate
          id="theme.roles.table.empty"
          description="Shown instead of the roles table when no duty matches">
          No duties have been described here yet.
        </Translate>
      </p>
    );
  }

  return (
    // A focusable, named region so keyboard users can scroll a wide table.
    <div
      className={clsx(RolesClassNames.table.container, styles.wrapper, className)}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className={styles.caption}>
          {caption ?? defaultCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              <Translate
                id="theme.roles.table.areaHeader"
                description="Header of the first column (areas) of the roles table">
                Area
              </Translate>
            </th>
            {columns.map((column) => (
              <ColumnHeader key={column.key} column={column} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={RolesClassNames.table.area(row.key)}>
              <RowHeader row={row} />
              {columns.map((column) => (
                <DutyCell key={column.key} row={row} column={column} columns={columns} targetId={targetId} />
              ))}
            </tr>
          ))}
        </tbody>
        <TotalRow entries={entries} columnCount={columns.length} />
      </table>
    </div>
  );
}
