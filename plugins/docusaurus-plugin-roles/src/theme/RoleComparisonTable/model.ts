/**
 * Model: what the props (not the reader's filters) put in the table, the
 * rows of each grouping (areas, pages, sections), and how shown duties group
 * into cells.
 */
import type {Props} from '@theme/RoleComparisonTable';
import type {AreaInfo, RoleEntry, RoleInfo} from 'docusaurus-plugin-roles';
import {inVersionScope, normalizePagePath, type VersionScope} from 'docusaurus-plugin-roles/client';

/** A column: a configured role, or an unknown key found in the entries. */
export interface Column {
  key: string;
  label: string;
  description: string | undefined;
  /** A configured role: the reader may hide it. Unknown keys always show. */
  configured: boolean;
}

/** How the rows group the duties: by area, by page, or by section (heading) of a page. */
export type GroupBy = 'area' | 'page' | 'section';

/** Every grouping, in the order the group-by control offers them. */
export const GROUP_BYS: readonly GroupBy[] = ['area', 'page', 'section'];

/** Whether a value (a prop, a URL parameter) names a grouping. */
export function isGroupBy(value: unknown): value is GroupBy {
  return GROUP_BYS.includes(value as GroupBy);
}

/** A row: an area, a page or a section that has at least one duty in the table. */
export interface Row {
  key: string;
  label: string;
  description: string | undefined;
  /** Where the row header links: the page, or the section's heading (pages and sections only). */
  href?: string;
  /** What the label alone does not say: the page of a section, the categories of a page. */
  context?: string;
  /** The page's permalink (pages and sections only). */
  page?: string;
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

/** The props that narrow what the table shows, the `version` prop resolved to a scope. */
type ScopeProps = {
  readonly [K in 'page' | 'path' | 'category' | 'pluginId' | 'roles' | 'areas']?: Props[K] | undefined;
} & {
  /** The docs versions shown (`undefined` or `null`: every version). */
  readonly versionScope?: VersionScope | undefined;
};

/**
 * A page path or path prefix from a prop, with the site's `baseUrl` (the
 * entries' permalinks have it), whether or not the author wrote it.
 */
export function withBaseUrl(pathname: string, baseUrl: string): string {
  if (!pathname.startsWith('/') || pathname.startsWith(baseUrl) || `${pathname}/` === baseUrl) return pathname;
  return `${baseUrl}${pathname.replace(/^\/+/, '')}`;
}

/** Whether `pagePath` is `prefix` or below it, segment by segment (both normalized). */
function isUnder(pagePath: string, prefix: string): boolean {
  return prefix === '/' || pagePath === prefix || pagePath.startsWith(`${prefix}/`);
}

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
  {page, path, category, pluginId, versionScope, roles: onlyRoles, areas: onlyAreas}: ScopeProps,
  baseUrl = '/',
): TableModel {
  const pagePath = page === undefined ? undefined : normalizePagePath(withBaseUrl(page, baseUrl));
  const prefix = path === undefined ? undefined : normalizePagePath(withBaseUrl(path, baseUrl));
  const scoped = allEntries.filter(
    (entry) =>
      (pagePath === undefined || normalizePagePath(entry.permalink) === pagePath) &&
      (prefix === undefined || isUnder(normalizePagePath(entry.permalink), prefix)) &&
      (category === undefined || entry.categories.includes(category)) &&
      (pluginId === undefined || entry.pluginId === pluginId) &&
      (versionScope === undefined || inVersionScope(entry, versionScope)),
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

/** The page a duty is on: its permalink without `#`, in one form. */
function pageKey(entry: RoleEntry): string {
  return normalizePagePath(entry.permalink);
}

/** The row a duty belongs to under a grouping. */
export function rowKeyOf(entry: RoleEntry, groupBy: GroupBy): string {
  if (groupBy === 'area') return entry.area;
  if (groupBy === 'page') return pageKey(entry);
  return `${pageKey(entry)}#${entry.sectionId ?? ''}`;
}

/** Categories all `lists` start with: said once by the table's scope, not on every row. */
function commonPrefixLength(lists: readonly (readonly string[])[]): number {
  const [first = [], ...rest] = lists;
  let length = 0;
  while (length < first.length && rest.every((list) => list[length] === first[length])) length += 1;
  return length;
}

/**
 * The rows of a grouping, in reading order. Areas come in configured order
 * (`areaRows`). Pages come as the reader meets them: each docs instance and
 * version as the entries list them, then by the page's sidebar position.
 * Sections come in page order, then in the order of the page. Rows are built
 * from every duty in scope (not only the shown ones), so they keep their
 * order and their keys while the reader filters.
 */
export function groupRows(entries: readonly RoleEntry[], groupBy: GroupBy, areaRows: readonly Row[]): Row[] {
  if (groupBy === 'area') return [...areaRows];
  const scopes = new Map<string, number>();
  const firsts = new Map<string, {entry: RoleEntry; index: number}>();
  entries.forEach((entry, index) => {
    // Docs of one instance and version, the posts of one blog, the pages of one pages plugin.
    const scope = `${entry.kind}\0${entry.pluginId}\0${entry.version}`;
    if (!scopes.has(scope)) scopes.set(scope, scopes.size);
    const key = rowKeyOf(entry, groupBy);
    if (!firsts.has(key)) firsts.set(key, {entry, index});
  });
  const ordered = [...firsts].sort(([, a], [, b]) => {
    const scope = (entry: RoleEntry) => scopes.get(`${entry.kind}\0${entry.pluginId}\0${entry.version}`)!;
    return (
      scope(a.entry) - scope(b.entry) ||
      a.entry.pagePosition - b.entry.pagePosition ||
      (pageKey(a.entry) === pageKey(b.entry) ? a.entry.line - b.entry.line : 0) ||
      a.index - b.index
    );
  });
  if (groupBy === 'page') {
    const skip = commonPrefixLength(ordered.map(([, {entry}]) => entry.categories));
    return ordered.map(([key, {entry}]): Row => {
      const categories = entry.categories.slice(skip);
      return {
        key,
        label: entry.pageTitle,
        description: undefined,
        href: entry.permalink,
        context: categories.length > 0 ? categories.join(' › ') : undefined,
        page: entry.permalink,
      };
    });
  }
  const severalPages = new Set(ordered.map(([, {entry}]) => pageKey(entry))).size > 1;
  return ordered.map(([key, {entry}]): Row => {
    const {pageTitle} = entry;
    const inSection = entry.sectionId !== null;
    return {
      key,
      // Duties above the first heading belong to the top of their page.
      label: inSection ? (entry.sectionTitle ?? entry.sectionId!) : pageTitle,
      description: undefined,
      href: inSection ? `${entry.permalink}#${entry.sectionId}` : entry.permalink,
      context: severalPages && inSection ? pageTitle : undefined,
      page: entry.permalink,
    };
  });
}

/** The shown duties of one row, per shown column, and how many there are. */
export interface RowGroup {
  count: number;
  cells: Map<string, RoleEntry[]>;
}

/** The shown duties grouped by row and counted per column, with how many are shared. */
export interface GroupedDuties {
  byRow: Map<string, RowGroup>;
  byColumn: Map<string, number>;
  shared: number;
}

/** The duties of an empty cell: one shared, frozen array. */
export const NO_ENTRIES: readonly RoleEntry[] = Object.freeze([]);

/** One pass: each shown duty into its row and its shown roles' cells. */
export function groupDuties(
  shown: readonly RoleEntry[],
  shownRoles: ReadonlySet<string>,
  groupBy: GroupBy = 'area',
): GroupedDuties {
  const byRow = new Map<string, RowGroup>();
  const byColumn = new Map<string, number>();
  let shared = 0;
  for (const entry of shown) {
    if (entry.roles.length > 1) shared += 1;
    const key = rowKeyOf(entry, groupBy);
    let group = byRow.get(key);
    if (!group) {
      group = {count: 0, cells: new Map()};
      byRow.set(key, group);
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
  return {byRow, byColumn, shared};
}
