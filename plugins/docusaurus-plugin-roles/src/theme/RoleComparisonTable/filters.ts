/** Filters: the reader's choices, their query-string form, and matching duties against them (pure functions). */
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {isGroupBy, type GroupBy} from '@theme/RoleComparisonTable/model';
import {foldText, matchesQuery, parseQuery, type SearchIndex} from '@theme/RoleComparisonTable/search';

// Kept here too, where it used to live, for components swizzled before `search` existed.
export {foldText};

/** Which duties the "Show" choice keeps: all, shared by several roles, or done by one. */
export type View = 'all' | 'shared' | 'differ';
type Sort = 'source' | 'title';

/**
 * What the reader chose. `roles: null` means every role is shown, `group:
 * null` the table's own grouping (its `groupBy` prop).
 */
export interface FilterState {
  readonly q: string;
  readonly roles: readonly string[] | null;
  readonly area: string;
  readonly view: View;
  readonly sort: Sort;
  readonly group: GroupBy | null;
}

/** Everything shown: what the server renders and "Clear filters" restores. */
export const NO_FILTERS: FilterState = Object.freeze({
  q: '',
  roles: null,
  area: '',
  view: 'all',
  sort: 'source',
  group: null,
});

const FILTER_PARAMS = new Set(['q', 'roles', 'area', 'view', 'sort', 'group']);

/** Reads the filters from a query string; a missing or unknown value means "all". */
export function parseFilters(search: string): FilterState {
  const params = new URLSearchParams(search);
  const roles = params.get('roles');
  const view = params.get('view');
  const group = params.get('group');
  return {
    q: params.get('q') ?? '',
    roles: roles === null ? null : roles.split(',').filter(Boolean),
    area: params.get('area') ?? '',
    view: view === 'shared' || view === 'differ' ? view : 'all',
    sort: params.get('sort') === 'title' ? 'title' : 'source',
    group: isGroupBy(group) ? group : null,
  };
}

/**
 * The query string for `filters`, keeping any other parameter of `search`.
 * Built by hand so the role list keeps readable commas (`roles=a,b`).
 */
export function filtersToSearch(search: string, filters: FilterState): string {
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if (!FILTER_PARAMS.has(name)) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  if (filters.q) parts.push(`q=${encodeURIComponent(filters.q)}`);
  if (filters.roles) parts.push(`roles=${filters.roles.map(encodeURIComponent).join(',')}`);
  if (filters.area) parts.push(`area=${encodeURIComponent(filters.area)}`);
  if (filters.view !== 'all') parts.push(`view=${filters.view}`);
  if (filters.sort !== 'source') parts.push(`sort=${filters.sort}`);
  if (filters.group) parts.push(`group=${filters.group}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A duty with its search index (`indexText` of its title and text), computed once per entry. */
export interface Searchable {
  entry: RoleEntry;
  haystack: SearchIndex;
}

/** The duties (in the given order) that pass the area, view, role and text filters. */
export function matchingEntries(
  ordered: readonly Searchable[],
  {query, area, view, shownRoles}: {query: string; area: string; view: View; shownRoles: ReadonlySet<string>},
): RoleEntry[] {
  const parsed = parseQuery(query);
  return ordered
    .filter(
      ({entry, haystack}) =>
        (area === '' || entry.area === area) &&
        (view === 'all' || (view === 'shared' ? entry.roles.length > 1 : entry.roles.length === 1)) &&
        entry.roles.some((key) => shownRoles.has(key)) &&
        matchesQuery(haystack, parsed),
    )
    .map(({entry}) => entry);
}
