/**
 * The site-wide comparison table: one row per area, one column per role, each
 * cell listing that role's duties in that area with links to their callouts.
 *
 * The server renders the complete table (no filters), so it is whole without
 * JavaScript. Once hydrated, filter controls appear above it; on the table
 * page (`syncWithUrl`) their state lives in the URL query, elsewhere in local
 * state. Filtering is built for large sites: each duty's search text is
 * folded once, the query is deferred, and unchanged rows and duties skip
 * re-rendering.
 */
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useIsBrowser from '@docusaurus/useIsBrowser';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useHistory, useLocation} from '@docusaurus/router';
import Translate, {translate} from '@docusaurus/Translate';
import {usePluralForm} from '@docusaurus/theme-common';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, useDutyCount, useListFormat, useRolesData, useTargetId} from '@theme/RolesUtils';
import type {Props} from '@theme/RoleComparisonTable';
import type {AreaInfo, RoleEntry, RoleInfo} from '../../types.js';
import {normalizePagePath, tableRowId} from '../../client/anchors.js';

import styles from './styles.module.css';

/* -------------------------------------------------------------------------- */
/* Model: what the props (not the reader's filters) put in the table          */
/* -------------------------------------------------------------------------- */

/** A column: a configured role, or an unknown key found in the entries. */
interface Column {
  key: string;
  label: string;
  description: string | undefined;
  /** A configured role: the reader may hide it. Unknown keys always show. */
  configured: boolean;
}

/** A row: an area that has at least one duty in the table. */
interface Row {
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
interface TableModel {
  entries: RoleEntry[];
  columns: Column[];
  rows: Row[];
}

/** Narrows the entries by the props and lists the columns and rows; keeps all orders stable. */
function buildModel(
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

/* -------------------------------------------------------------------------- */
/* Filters: the reader's choices, in the URL on the page or in local state    */
/* -------------------------------------------------------------------------- */

type View = 'all' | 'shared' | 'differ';
type Sort = 'source' | 'title';

/** What the reader chose. `roles: null` means every role is shown. */
interface FilterState {
  readonly q: string;
  readonly roles: readonly string[] | null;
  readonly area: string;
  readonly view: View;
  readonly sort: Sort;
}

/** Everything shown: what the server renders and "Clear filters" restores. */
const NO_FILTERS: FilterState = Object.freeze({q: '', roles: null, area: '', view: 'all', sort: 'source'});

const FILTER_PARAMS = new Set(['q', 'roles', 'area', 'view', 'sort']);

/** Reads the filters from a query string; a missing or unknown value means "all". */
function parseFilters(search: string): FilterState {
  const params = new URLSearchParams(search);
  const roles = params.get('roles');
  const view = params.get('view');
  return {
    q: params.get('q') ?? '',
    roles: roles === null ? null : roles.split(',').filter(Boolean),
    area: params.get('area') ?? '',
    view: view === 'shared' || view === 'differ' ? view : 'all',
    sort: params.get('sort') === 'title' ? 'title' : 'source',
  };
}

/**
 * The query string for `filters`, keeping any other parameter of `search`.
 * Built by hand so the role list keeps readable commas (`roles=a,b`).
 */
function filtersToSearch(search: string, filters: FilterState): string {
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if (!FILTER_PARAMS.has(name)) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  if (filters.q) parts.push(`q=${encodeURIComponent(filters.q)}`);
  if (filters.roles) parts.push(`roles=${filters.roles.map(encodeURIComponent).join(',')}`);
  if (filters.area) parts.push(`area=${encodeURIComponent(filters.area)}`);
  if (filters.view !== 'all') parts.push(`view=${filters.view}`);
  if (filters.sort !== 'source') parts.push(`sort=${filters.sort}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

interface FilterApi {
  filters: FilterState;
  /** Typing in the filter: replaces the history entry (one per keystroke would be noise). */
  setQuery: (q: string) => void;
  /** Writes a pending query to the URL now (when the field loses focus). */
  flushQuery: () => void;
  /** A discrete choice (role, area, view, sort): a new history entry, so back undoes it. */
  change: (patch: Partial<Omit<FilterState, 'q'>>) => void;
  reset: () => void;
}

/**
 * How long typing pauses before the query is written to the URL. Every URL
 * change re-renders each router `<Link>` on the page (thousands on a large
 * site), so it happens once per pause, not once per keystroke.
 */
const QUERY_URL_DELAY_MS = 300;

/**
 * The filter state. With `syncWithUrl`, every value is derived from the URL
 * except the text being typed, which is mirrored in local state: Docusaurus
 * delivers a new location asynchronously (after preloading the route), and
 * the URL is only written once typing pauses.
 */
function useFilters(syncWithUrl: boolean): FilterApi {
  const location = useLocation();
  const history = useHistory();
  const fromUrl = useMemo(() => (syncWithUrl ? parseFilters(location.search) : NO_FILTERS), [
    syncWithUrl,
    location.search,
  ]);
  const [local, setLocal] = useState<FilterState>(NO_FILTERS);
  const [query, setQueryState] = useState(fromUrl.q);
  const queryRef = useRef(query);
  const pending = useRef<{timer: ReturnType<typeof setTimeout>; at: unknown} | null>(null);

  const updateQuery = useCallback((q: string) => {
    queryRef.current = q;
    setQueryState(q);
  }, []);
  const cancelPending = useCallback(() => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
  }, []);
  useEffect(() => cancelPending, [cancelPending]);

  // Back/forward or a pushed change brings its own text; our own `replace`
  // does not (the field may already hold newer text).
  useEffect(() => {
    if (syncWithUrl && history.action !== 'REPLACE') updateQuery(fromUrl.q);
  }, [syncWithUrl, fromUrl.q, history, updateQuery]);

  // Docusaurus moves the focus to the top of the page on every pushed
  // navigation (its skip-to-content reset), but a filter change is not a new
  // page: give the focus back to the control the reader was using.
  const focusToRestore = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = focusToRestore.current;
    focusToRestore.current = null;
    if (!element) return undefined;
    const frame = requestAnimationFrame(() => {
      if (element.isConnected && document.activeElement !== element) element.focus({preventScroll: true});
    });
    return () => cancelAnimationFrame(frame);
  }, [location.search]);

  const navigate = useCallback(
    (next: (current: FilterState) => FilterState, mode: 'push' | 'replace') => {
      // `history.location` is current even while React still renders the
      // previous location, so quick successive changes do not undo each other.
      const {pathname, search, hash} = history.location;
      const target = {pathname, search: filtersToSearch(search, next(parseFilters(search))), hash};
      if (target.search === search) return;
      if (mode === 'push' && document.activeElement instanceof HTMLElement) {
        focusToRestore.current = document.activeElement;
      }
      history[mode](target);
    },
    [history],
  );

  const flushQuery = useCallback(() => {
    const scheduled = pending.current;
    if (!scheduled) return;
    cancelPending();
    // The reader went elsewhere meanwhile (back, a link): leave that entry alone.
    if (history.location !== scheduled.at) return;
    navigate((current) => ({...current, q: queryRef.current}), 'replace');
  }, [history, navigate, cancelPending]);

  const setQuery = useCallback(
    (q: string) => {
      updateQuery(q);
      if (!syncWithUrl) return;
      cancelPending();
      pending.current = {timer: setTimeout(flushQuery, QUERY_URL_DELAY_MS), at: history.location};
    },
    [syncWithUrl, history, updateQuery, cancelPending, flushQuery],
  );
  const change = useCallback(
    (patch: Partial<Omit<FilterState, 'q'>>) => {
      if (syncWithUrl) {
        // The new entry carries the text typed so far, pending or not.
        cancelPending();
        navigate((current) => ({...current, ...patch, q: queryRef.current}), 'push');
      } else {
        setLocal((current) => ({...current, ...patch}));
      }
    },
    [syncWithUrl, navigate, cancelPending],
  );
  const reset = useCallback(() => {
    updateQuery('');
    if (syncWithUrl) {
      cancelPending();
      navigate(() => NO_FILTERS, 'push');
    } else {
      setLocal(NO_FILTERS);
    }
  }, [syncWithUrl, navigate, cancelPending, updateQuery]);

  const base = syncWithUrl ? fromUrl : local;
  const filters = useMemo(() => ({...base, q: query}), [base, query]);
  return {filters, setQuery, flushQuery, change, reset};
}

/** Lower case without diacritics, so "Pédiatrie" matches "pediatrie". */
function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A duty with its folded search text, computed once per entry. */
interface Searchable {
  entry: RoleEntry;
  haystack: string;
}

/** Compares titles as the site's language sorts them. */
function useCollator(): Intl.Collator {
  const {i18n} = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  return useMemo(() => {
    try {
      return new Intl.Collator(lang, {sensitivity: 'base', numeric: true});
    } catch {
      return new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});
    }
  }, [lang]);
}

/** The shown duties of one area, per shown column, and how many there are. */
interface AreaGroup {
  count: number;
  cells: Map<string, RoleEntry[]>;
}

const NO_ENTRIES: readonly RoleEntry[] = Object.freeze([]);

/* -------------------------------------------------------------------------- */
/* Rendering                                                                   */
/* -------------------------------------------------------------------------- */

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

/** Marks the table's duty links for the delegated navigation handler. */
const DUTY_LINK_ATTRIBUTE = 'data-role-duty-link';

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

/** The duty link an event happened in, if any, inside `container`. */
function dutyLinkOf(event: SyntheticEvent<HTMLElement>): HTMLAnchorElement | undefined {
  const target = event.target;
  if (!(target instanceof Element)) return undefined;
  const anchor = target.closest(`a[${DUTY_LINK_ATTRIBUTE}]`);
  return anchor instanceof HTMLAnchorElement && event.currentTarget.contains(anchor) ? anchor : undefined;
}

/**
 * What `<Link>` does for each link, done once for the whole table: a plain
 * left click navigates client-side (modified clicks open tabs as usual), and
 * hovering, touching or focusing a link preloads its page.
 */
function useDutyLinkNavigation(): {
  onClick: (event: MouseEvent<HTMLElement>) => void;
  onPreload: (event: SyntheticEvent<HTMLElement>) => void;
} {
  const history = useHistory();
  const preloaded = useRef(new Set<string>());
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = dutyLinkOf(event);
      if (!anchor || (anchor.target && anchor.target !== '_self')) return;
      const url = new URL(anchor.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      history.push(`${url.pathname}${url.search}${url.hash}`);
    },
    [history],
  );
  const onPreload = useCallback((event: SyntheticEvent<HTMLElement>) => {
    const anchor = dutyLinkOf(event);
    if (!anchor) return;
    const {pathname} = new URL(anchor.href);
    if (preloaded.current.has(pathname)) return;
    preloaded.current.add(pathname);
    // Absent outside a real Docusaurus client (a test renderer).
    void window.docusaurus?.preload(pathname);
  }, []);
  return {onClick, onPreload};
}

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

/** Formats "Showing 12 of 47 duties" with the locale's plural rules (on the total). */
function useShowingCount(): (shown: number, total: number) => string {
  const {selectMessage} = usePluralForm();
  return (shown, total) =>
    selectMessage(
      total,
      translate(
        {
          id: 'theme.roles.table.status',
          description:
            'Live status above the roles table: how many duties the filters show, out of all. ' +
            'Use as many plural forms (separated by "|") as your language supports',
          message: 'Showing {shown} of {total} duty|Showing {shown} of {total} duties',
        },
        {shown, total},
      ),
    );
}

/** Total row: how many duties the table shows, and how many are shared. */
function TotalRow({count, shared, columnCount}: {count: number; shared: number; columnCount: number}): ReactNode {
  const dutyCount = useDutyCount();
  const sharedCount = useSharedCount();
  return (
    <tfoot role="rowgroup">
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
const AreaRow = memo(function AreaRow({
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

interface ControlsProps {
  filters: FilterState;
  /** Roles the reader may hide (configured roles among the columns). */
  toggleable: readonly Column[];
  /** Shown role keys. */
  shownRoles: ReadonlySet<string>;
  areas: readonly Row[];
  api: FilterApi;
}

/** The filter form: native controls only, so keyboards and screen readers know them. */
function FilterControls({filters, toggleable, shownRoles, areas, api}: ControlsProps): ReactNode {
  const id = useId();
  const {setQuery, flushQuery, change, reset} = api;
  const onRole = (event: ChangeEvent<HTMLInputElement>) => {
    const {value, checked} = event.target;
    const shown = toggleable
      .map((column) => column.key)
      .filter((key) => (key === value ? checked : shownRoles.has(key)));
    // All shown is the default: leave the parameter out.
    change({roles: shown.length === toggleable.length ? null : shown});
  };
  const views: {value: View; label: string}[] = [
    {
      value: 'all',
      label: translate({
        id: 'theme.roles.table.view.all',
        description: 'Table filter option: show every duty',
        message: 'All duties',
      }),
    },
    {
      value: 'shared',
      label: translate({
        id: 'theme.roles.table.view.shared',
        description: 'Table filter option: only duties done by several roles',
        message: 'Shared duties',
      }),
    },
    {
      value: 'differ',
      label: translate({
        id: 'theme.roles.table.view.differ',
        description: 'Table filter option: only duties done by a single role',
        message: 'Only where the roles differ',
      }),
    },
  ];
  return (
    <form
      className={clsx(RolesClassNames.table.controls, styles.controls)}
      aria-label={translate({
        id: 'theme.roles.table.filters',
        description: 'Accessible name of the form that filters the roles table',
        message: 'Filter the table',
      })}
      role="search"
      onSubmit={(event) => event.preventDefault()}>
      <div className={styles.controlRow}>
        <div className={clsx(styles.field, styles.fieldGrow)}>
          <label htmlFor={`${id}-q`} className={styles.label}>
            <Translate id="theme.roles.table.filter" description="Label of the text filter of the roles table">
              Filter duties
            </Translate>
          </label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            className={clsx(RolesClassNames.table.filter, styles.input)}
            value={filters.q}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
            onBlur={flushQuery}
            onKeyDown={(event) => {
              if (event.key === 'Enter') flushQuery();
            }}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-area`} className={styles.label}>
            <Translate id="theme.roles.table.areaFilter" description="Label of the area filter of the roles table">
              Area
            </Translate>
          </label>
          <select
            id={`${id}-area`}
            name="area"
            className={clsx(RolesClassNames.table.areaSelect, styles.input)}
            value={filters.area}
            onChange={(event) => change({area: event.target.value})}>
            <option value="">
              {translate({
                id: 'theme.roles.table.allAreas',
                description: 'Option of the area filter that shows every area',
                message: 'All areas',
              })}
            </option>
            {areas.map((area) => (
              <option key={area.key} value={area.key}>
                {area.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-sort`} className={styles.label}>
            <Translate id="theme.roles.table.sort" description="Label of the sort order select of the roles table">
              Sort
            </Translate>
          </label>
          <select
            id={`${id}-sort`}
            name="sort"
            className={clsx(RolesClassNames.table.sort, styles.input)}
            value={filters.sort}
            onChange={(event) => change({sort: event.target.value === 'title' ? 'title' : 'source'})}>
            <option value="source">
              {translate({
                id: 'theme.roles.table.sort.source',
                description: 'Sort option: duties in the order they appear in the docs',
                message: 'Order in the docs',
              })}
            </option>
            <option value="title">
              {translate({
                id: 'theme.roles.table.sort.title',
                description: 'Sort option: duties alphabetically by title',
                message: 'Title A–Z',
              })}
            </option>
          </select>
        </div>
      </div>
      <div className={styles.controlRow}>
        {toggleable.length > 0 && (
          <fieldset className={clsx(RolesClassNames.table.roles, styles.fieldset)}>
            <legend className={styles.label}>
              <Translate id="theme.roles.table.rolesFilter" description="Legend of the role checkboxes of the roles table">
                Roles
              </Translate>
            </legend>
            {toggleable.map((column) => (
              <label key={column.key} className={styles.choice}>
                <input
                  type="checkbox"
                  name="role"
                  value={column.key}
                  checked={shownRoles.has(column.key)}
                  onChange={onRole}
                />
                {column.label}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className={clsx(RolesClassNames.table.views, styles.fieldset)}>
          <legend className={styles.label}>
            <Translate id="theme.roles.table.view" description="Legend of the view radio buttons of the roles table">
              Show
            </Translate>
          </legend>
          {views.map((view) => (
            <label key={view.value} className={styles.choice}>
              <input
                type="radio"
                name="view"
                value={view.value}
                checked={filters.view === view.value}
                onChange={() => change({view: view.value})}
              />
              {view.label}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className={clsx(RolesClassNames.table.reset, 'button button--secondary button--sm', styles.reset)}
          onClick={reset}>
          <Translate id="theme.roles.table.reset" description="Button that clears the filters of the roles table">
            Clear filters
          </Translate>
        </button>
      </div>
    </form>
  );
}

/**
 * Renders the duties as a real `<table>` (caption, column and row headers),
 * or a short paragraph when there is nothing to show.
 */
export default function RoleComparisonTable(props: Props): ReactNode {
  const {caption, className, filters: withFilters = true, syncWithUrl = false} = props;
  const {entries: allEntries, page, pluginId, version, roles: onlyRoles, areas: onlyAreas} = props;
  const data = useRolesData();
  const isBrowser = useIsBrowser();
  const targetId = useTargetId();
  const captionId = useId();
  const regionRef = useRef<HTMLDivElement>(null);
  const model = useMemo(
    () =>
      buildModel(allEntries, data.roles, data.areas, {page, pluginId, version, roles: onlyRoles, areas: onlyAreas}),
    [allEntries, data.roles, data.areas, page, pluginId, version, onlyRoles, onlyAreas],
  );
  const defaultCaption = useDefaultCaption(model.columns);
  const showingCount = useShowingCount();
  const collator = useCollator();
  const api = useFilters(withFilters && syncWithUrl);
  const {siteConfig} = useDocusaurusContext();
  const plainLinks = siteConfig.future.experimental_router !== 'hash';
  const linkNavigation = useDutyLinkNavigation();

  // The server and the hydration render show everything, so the markup
  // matches and the table is complete without JavaScript.
  const active = isBrowser && withFilters ? api.filters : NO_FILTERS;
  // The controls answer at once; the table follows in an interruptible
  // background render, so typing or clicking never waits for thousands of rows.
  const deferred = useDeferredValue(active);
  const {q: query, view, sort} = deferred;
  const area = model.rows.some((row) => row.key === deferred.area) ? deferred.area : '';
  // A string key: the parsed list is a new array on every URL change.
  const rolesKey = deferred.roles === null ? null : deferred.roles.join(',');

  const labels = useMemo(
    () => new Map(model.columns.map((column) => [column.key, column.label] as const)),
    [model.columns],
  );
  const toggleable = useMemo(() => model.columns.filter((column) => column.configured), [model.columns]);
  const columns = useMemo(() => {
    const shown = rolesKey === null ? null : new Set(rolesKey.split(','));
    return model.columns.filter((column) => !column.configured || shown === null || shown.has(column.key));
  }, [model.columns, rolesKey]);
  const shownRoles = useMemo(() => new Set(columns.map((column) => column.key)), [columns]);
  // The checkboxes follow the reader's choice at once, not the deferred table.
  const activeRolesKey = active.roles === null ? null : active.roles.join(',');
  const checkedRoles = useMemo(
    () => new Set(activeRolesKey === null ? toggleable.map((column) => column.key) : activeRolesKey.split(',')),
    [toggleable, activeRolesKey],
  );

  // Folded once per entry, not per keystroke.
  const searchable = useMemo(
    (): Searchable[] =>
      model.entries.map((entry) => ({entry, haystack: foldText(`${entry.title}\n${entry.text}`)})),
    [model.entries],
  );
  const ordered = useMemo(
    () =>
      sort === 'title'
        ? [...searchable].sort((a, b) => collator.compare(a.entry.title, b.entry.title))
        : searchable,
    [searchable, sort, collator],
  );
  const shown = useMemo(() => {
    const words = foldText(query).split(/\s+/).filter(Boolean);
    return ordered
      .filter(
        ({entry, haystack}) =>
          (area === '' || entry.area === area) &&
          (view === 'all' || (view === 'shared' ? entry.roles.length > 1 : entry.roles.length === 1)) &&
          entry.roles.some((key) => shownRoles.has(key)) &&
          words.every((word) => haystack.includes(word)),
      )
      .map(({entry}) => entry);
  }, [ordered, query, area, view, shownRoles]);

  // One pass: each shown duty into its area and its shown roles' cells.
  const grouped = useMemo(() => {
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
  }, [shown, shownRoles]);

  // Content inserted above the table after hydration moves a duty the
  // browser already scrolled to: bring it back below the navbar.
  useEffect(() => {
    if (!isBrowser || !withFilters || !targetId) return;
    const target = document.getElementById(targetId);
    if (target && regionRef.current?.contains(target)) target.scrollIntoView({block: 'start'});
    // Only when the controls first appear, not on every hash change.
  }, [isBrowser]);

  if (model.entries.length === 0) {
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

  const rows = model.rows.filter((row) => grouped.byArea.has(row.key));
  return (
    <div className={clsx(RolesClassNames.table.container, styles.container, className)}>
      {withFilters && isBrowser && (
        <FilterControls
          filters={api.filters}
          toggleable={toggleable}
          shownRoles={checkedRoles}
          areas={model.rows}
          api={api}
        />
      )}
      {withFilters && (
        // Rendered on the server too, so screen readers know the region
        // before it first changes.
        <p role="status" aria-live="polite" className={clsx(RolesClassNames.table.status, styles.status)}>
          {showingCount(shown.length, model.entries.length)}
        </p>
      )}
      {/* A focusable, named region so keyboard users can scroll a wide table. */}
      <div
        ref={regionRef}
        className={styles.wrapper}
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        // Delegated from the duty links (see `Duty`); the links stay the
        // interactive elements for keyboards and assistive technology.
        onClick={linkNavigation.onClick}
        onMouseOver={linkNavigation.onPreload}
        onTouchStart={linkNavigation.onPreload}
        onFocus={linkNavigation.onPreload}>
        <table role="table" className={styles.table}>
          <caption id={captionId} className={styles.caption}>
            {caption ?? defaultCaption}
          </caption>
          <thead role="rowgroup" className={styles.head}>
            <tr role="row">
              <th scope="col" role="columnheader" className={styles.corner}>
                <Translate
                  id="theme.roles.table.areaHeader"
                  description="Header of the first column (areas) of the roles table">
                  Area
                </Translate>
              </th>
              {columns.map((column) => (
                <ColumnHeader key={column.key} column={column} count={grouped.byColumn.get(column.key) ?? 0} />
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.length > 0 ? (
              rows.map((row) => {
                const group = grouped.byArea.get(row.key);
                return (
                  <AreaRow
                    key={row.key}
                    row={row}
                    columns={columns}
                    cells={columns.map((column) => group?.cells.get(column.key) ?? NO_ENTRIES)}
                    count={group?.count ?? 0}
                    labels={labels}
                    targetId={targetId}
                    plainLinks={plainLinks}
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
          <TotalRow count={shown.length} shared={grouped.shared} columnCount={columns.length} />
        </table>
      </div>
    </div>
  );
}
