/** The filter state hook: the reader's choices in the URL query on the table page, in local state elsewhere. */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useHistory, useLocation} from '@docusaurus/router';
import {NO_FILTERS, filtersToSearch, parseFilters, type FilterState} from '@theme/RoleComparisonTable/filters';

/** The current filters and the ways the controls change them. */
export interface FilterApi {
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
export function useFilters(syncWithUrl: boolean): FilterApi {
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
