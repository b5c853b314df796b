/** Filters: the reader's choices, their query-string form, and matching duties against them (pure functions). */
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {isGroupBy, type GroupBy} from '@theme/RoleComparisonTable/model';
import {foldText, matchesQuery, parseQuery, type SearchIndex} from '@theme/RoleComparisonTable/search';

// Kept here too, where it used to live, for components swizzled before `search` existed.
export {foldText};
import {inAudience} from '@theme/RoleComparisonTable/audience';

/**
 * Which duties the "Show" choice keeps: all, shared by several roles, done
 * by one, or (on the table page, for staff) those due for review, as a list.
 */
export type View = 'all' | 'shared' | 'differ' | 'review';
type Sort = 'source' | 'title';

/**
 * What the reader chose. `roles: null` means every role is shown, `group:
 * null` the table's own grouping (its `groupBy` prop).
 */
export interface FilterState {
  readonly q: string;
  readonly roles: readonly string[] | null;
  readonly area: string;
  /** An audience key, `''` for every audience. */
  readonly audience: string;
  readonly view: View;
  readonly sort: Sort;
  readonly group: GroupBy | null;
}

/** Everything shown: what the server renders and "Clear filters" restores. */
export const NO_FILTERS: FilterState = Object.freeze({
  q: '',
  roles: null,
  area: '',
  audience: '',
  view: 'all',
  sort: 'source',
  group: null,
});

const FILTER_PARAMS = new Set(['q', 'roles', 'area', 'audience', 'view', 'sort', 'group']);
const VIEWS: readonly View[] = ['shared', 'differ', 'review'];

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
    audience: params.get('audience') ?? '',
    view: VIEWS.includes(view as View) ? (view as View) : 'all',
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
  if (filters.audience) parts.push(`audience=${encodeURIComponent(filters.audience)}`);
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

/** Whether a duty passes the "Show" choice (`isDue` decides the review view). */
function inView(entry: RoleEntry, view: View, isDue: (entry: RoleEntry) => boolean): boolean {
  if (view === 'all') return true;
  if (view === 'review') return isDue(entry);
  return view === 'shared' ? entry.roles.length > 1 : entry.roles.length === 1;
}

/** The duties (in the given order) that pass the area, audience, view, role and text filters. */
export function matchingEntries(
  ordered: readonly Searchable[],
  {
    query,
    area,
    audience = '',
    view,
    shownRoles,
    isDue = () => false,
  }: {
    query: string;
    area: string;
    audience?: string;
    view: View;
    shownRoles: ReadonlySet<string>;
    /** Whether a duty is due for review (the review view). */
    isDue?: (entry: RoleEntry) => boolean;
  },
): RoleEntry[] {
  const parsed = parseQuery(query);
  const audiences = audience === '' ? null : [audience];
  return ordered
    .filter(
      ({entry, haystack}) =>
        (area === '' || entry.area === area) &&
        inAudience(entry, audiences) &&
        inView(entry, view, isDue) &&
        entry.roles.some((key) => shownRoles.has(key)) &&
        matchesQuery(haystack, parsed),
    )
    .map(({entry}) => entry);
}
