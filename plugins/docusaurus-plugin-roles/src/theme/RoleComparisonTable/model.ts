/** Model: what the props (not the reader's filters) put in the table, and how shown duties group into cells. */
import type {Props} from '@theme/RoleComparisonTable';
import type {AreaInfo, RoleEntry, RoleInfo} from 'docusaurus-plugin-roles';
import {normalizePagePath} from 'docusaurus-plugin-roles/client';

/** A column: a configured role, or an unknown key found in the entries. */
export interface Column {
  key: string;
  label: string;
  description: string | undefined;
  /** A configured role: the reader may hide it. Unknown keys always show. */
  configured: boolean;
}

/** A row: an area that has at least one duty in the table. */
export interface Row {
  key: string;
  label: string;
  description: string | undefined;
}

/**
 * Orders keys as configured, then appends keys the configuration lacks (in
 * first-seen order) so that no duty silently disappears from the table;
 * `only` (a prop) restricts to the listed configured keys instead.
 */
function orderKeys(configured: readonly string[], seen: Iterable<string>, only?: readonly string[]): string[] {
  if (only) {
    return configured.filter((key) => only.includes(key));
  }
  return [...new Set([...configured, ...seen])];
}

/** The props that narrow what the table shows. */
type ScopeProps = {readonly [K in 'page' | 'pluginId' | 'version' | 'roles' | 'areas']?: Props[K] | undefined};

/** Entries, columns and rows once the props' narrowing is applied. */
export interface TableModel {
  entries: RoleEntry[];
  columns: Column[];
  rows: Row[];
}

/** Narrows the entries by the props and lists the columns and rows; keeps all orders stable. */
export function buildModel(
  allEntries: readonly RoleEntry[],
  roles: readonly RoleInfo[],
  areas: readonly AreaInfo[],
  {page, pluginId, version, roles: onlyRoles, areas: onlyAreas}: ScopeProps,
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
  const roleSet = new Set(roleKeys);
  const areaSet = new Set(areaKeys);
  // A duty is shown when its area is a row and one of its roles a column.
  const entries = scoped.filter(
    (entry) => areaSet.has(entry.area) && entry.roles.some((key) => roleSet.has(key)),
  );
  const usedAreas = new Set(entries.map((entry) => entry.area));
  const columns = roleKeys.map((key): Column => {
    const role = roles.find((candidate) => candidate.key === key);
    return {key, label: role?.label ?? key, description: role?.description, configured: role !== undefined};
  });
  const rows = areaKeys
    .filter((key) => usedAreas.has(key))
    .map((key): Row => {
      const area = areas.find((candidate) => candidate.key === key);
      return {key, label: area?.label ?? key, description: area?.description};
    });
  return {entries, columns, rows};
}

/** The shown duties of one area, per shown column, and how many there are. */
export interface AreaGroup {
  count: number;
  cells: Map<string, RoleEntry[]>;
}

/** The shown duties grouped by area and counted per column, with how many are shared. */
export interface GroupedDuties {
  byArea: Map<string, AreaGroup>;
  byColumn: Map<string, number>;
  shared: number;
}

/** The duties of an empty cell: one shared, frozen array. */
export const NO_ENTRIES: readonly RoleEntry[] = Object.freeze([]);

/** One pass: each shown duty into its area and its shown roles' cells. */
export function groupDuties(shown: readonly RoleEntry[], shownRoles: ReadonlySet<string>): GroupedDuties {
  const byArea = new Map<string, AreaGroup>();
  const byColumn = new Map<string, number>();
  let shared = 0;
  for (const entry of shown) {
    if (entry.roles.length > 1) shared += 1;
    let group = byArea.get(entry.area);
    if (!group) {
      group = {count: 0, cells: new Map()};
      byArea.set(entry.area, group);
    }
    group.count += 1;
    for (const key of entry.roles) {
      if (!shownRoles.has(key)) continue;
      const cell = group.cells.get(key);
      if (cell) cell.push(entry);
      else group.cells.set(key, [entry]);
      byColumn.set(key, (byColumn.get(key) ?? 0) + 1);
    }
  }
  return {byArea, byColumn, shared};
}
