/**
 * The site-wide comparison table: one row per area (or per page, or per
 * section of a page: `groupBy`), one column per role, each cell listing that
 * role's duties in that row with links to their callouts and their text in a
 * disclosure.
 *
 * The server renders the complete table (no filters), so it is whole without
 * JavaScript. Once hydrated, filter controls appear above it; on the table
 * page (`syncWithUrl`) their state lives in the URL query, elsewhere in local
 * state. Filtering is built for large sites: each duty's search text is
 * folded once, the query is deferred, and unchanged rows and duties skip
 * re-rendering.
 *
 * This module composes the parts: the model (`model.ts`), the filters
 * (`filters.ts`, `useFilters.ts`, `Controls.tsx`), the table (`Table.tsx`,
 * `Rows.tsx`), its links (`links.ts`) and its messages (`i18n.ts`).
 */
import {useDeferredValue, useEffect, useId, useMemo, useRef, type ReactNode, type RefObject} from 'react';
import clsx from 'clsx';
import useIsBrowser from '@docusaurus/useIsBrowser';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Translate from '@docusaurus/Translate';
import {RolesClassNames, RolesInstance, useInHandout, useRolesData, useTargetId, type CSSVariables} from '@theme/RolesUtils';
import HandoutFooter from '@theme/RoleHandout/Footer';
import RoleFlow from '@theme/RoleFlow';
import {hasHandoffs} from '@theme/RoleFlow/model';
import type {Props} from '@theme/RoleComparisonTable';
import {FilterControls} from '@theme/RoleComparisonTable/Controls';
import {NO_FILTERS, matchingEntries, type Searchable} from '@theme/RoleComparisonTable/filters';
import {useCaptionDetails, useCollator, useDefaultCaption, useShowingCount} from '@theme/RoleComparisonTable/i18n';
import {JumpNav} from '@theme/RoleComparisonTable/JumpNav';
import {useFirstPaintLimit, usePrinting, useTableFit} from '@theme/RoleComparisonTable/layout';
import {audienceScope, inAudience} from '@theme/RoleComparisonTable/audience';
import RoleReviewList from '@theme/RoleReviewList';
import {reviewStatus, todayIso} from 'docusaurus-plugin-roles/client';
import {HandoffIndex} from '@theme/RoleHandoffs/table';
import {useDutyLinkNavigation} from '@theme/RoleComparisonTable/links';
import {buildModel, groupDuties, groupRows, isGroupBy} from '@theme/RoleComparisonTable/model';
import {PrintedPages, numberPages} from '@theme/RoleComparisonTable/PrintedPages';
import {indexText} from '@theme/RoleComparisonTable/search';
import {DutyTable} from '@theme/RoleComparisonTable/Table';
import {useFilters} from '@theme/RoleComparisonTable/useFilters';
import {describeShownVersions, useDocsVersions, useVersionScope} from '@theme/RoleComparisonTable/versions';

import styles from './styles.module.css';

/**
 * Opens every closed duty disclosure of the table while the page prints, and
 * closes them again after, for browsers without `::details-content` (where
 * the print style opens them without JavaScript).
 */
function usePrintOpensDuties(regionRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const beforePrint = () => {
      const closed = regionRef.current?.querySelectorAll<HTMLDetailsElement>('details:not([open])') ?? [];
      opened = [...closed];
      for (const details of opened) details.open = true;
    };
    const afterPrint = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, [regionRef]);
}

/** The rows a table needs "jump to" links for: a table with controls and enough rows to cross. */
const JUMP_NAV_MIN_ROWS = 3;

/**
 * Renders the duties as a real `<table>` (caption, column and row headers),
 * or a short paragraph when there is nothing to show.
 */
export default function RoleComparisonTable({instance, ...props}: Props): ReactNode {
  return (
    <RolesInstance instance={instance}>
      <ComparisonTable {...props} />
    </RolesInstance>
  );
}

/** The table, inside its plugin instance. */
function ComparisonTable(props: Omit<Props, 'instance'>): ReactNode {
  const {caption, rowHeader, className, filters: withFilters = true, syncWithUrl = false, flow = 'auto'} = props;
  const {entries: everyEntry, page, path, category, pluginId, version, roles: onlyRoles, areas: onlyAreas} = props;
  // Inside a `RoleHandout`, the table is part of the handout.
  const inHandout = useInHandout();
  const handout = props.handout === 'titles' ? 'titles' : props.handout === true || inHandout ? 'lead' : false;
  // Written in MDX, so checked at run time too: an unknown value means areas.
  const defaultGroupBy = isGroupBy(props.groupBy) ? props.groupBy : 'area';
  const data = useRolesData();
  const isBrowser = useIsBrowser();
  const targetId = useTargetId();
  const idPrefix = useId();
  const captionId = `${idPrefix}-caption`;
  const regionRef = useRef<HTMLDivElement>(null);
  const tableBoxRef = useRef<HTMLDivElement>(null);
  const {siteConfig} = useDocusaurusContext();
  const versionScope = useVersionScope(version);
  const docsVersions = useDocsVersions();
  // A journey or a handout is for patients unless its `audience` prop says otherwise.
  const audienceKeys = useMemo(
    () => audienceScope(props.audience, {handout: handout !== false, groupBy: defaultGroupBy}, data.audiences ?? []),
    [props.audience, handout, defaultGroupBy, data.audiences],
  );
  const allEntries = useMemo(
    () => (audienceKeys === null ? everyEntry : everyEntry.filter((entry) => inAudience(entry, audienceKeys))),
    [everyEntry, audienceKeys],
  );
  const model = useMemo(
    () =>
      buildModel(
        allEntries,
        data.roles,
        data.areas,
        {page, path, category, pluginId, versionScope, roles: onlyRoles, areas: onlyAreas},
        siteConfig.baseUrl,
      ),
    [allEntries, data.roles, data.areas, page, path, category, pluginId, versionScope, onlyRoles, onlyAreas, siteConfig.baseUrl],
  );
  const showingCount = useShowingCount();
  const collator = useCollator();
  const api = useFilters(withFilters && syncWithUrl);
  const plainLinks = siteConfig.future.experimental_router !== 'hash';
  const linkNavigation = useDutyLinkNavigation();
  const printing = usePrinting();
  const {overflows, headHeight} = useTableFit(regionRef, tableBoxRef);
  // A link to a duty (`#role-…`) must find it rendered when the page shows.
  const limit = useFirstPaintLimit(captionId, typeof window !== 'undefined' && window.location.hash.length > 1);

  // The server and the hydration render show everything, so the markup
  // matches and the table is complete without JavaScript.
  const active = isBrowser && withFilters ? api.filters : NO_FILTERS;
  // The controls answer at once; the table follows in an interruptible
  // background render, so typing or clicking never waits for thousands of rows.
  const deferred = useDeferredValue(active);
  const {q: query, view, sort} = deferred;
  const groupBy = deferred.group ?? defaultGroupBy;
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

  // Indexed once per entry, not per keystroke.
  const searchable = useMemo(
    (): Searchable[] => model.entries.map((entry) => ({entry, haystack: indexText(`${entry.title}\n${entry.text}`)})),
    [model.entries],
  );
  const ordered = useMemo(
    () =>
      sort === 'title'
        ? [...searchable].sort((a, b) => collator.compare(a.entry.title, b.entry.title))
        : searchable,
    [searchable, sort, collator],
  );
  // The review view counts from the reader's today (it shows only once hydrated).
  const today = isBrowser ? todayIso() : '';
  const dueSoonDays = data.dueSoonDays ?? 30;
  const audience = (data.audiences ?? []).some((each) => each.key === deferred.audience) ? deferred.audience : '';
  const shown = useMemo(
    () =>
      matchingEntries(ordered, {
        query,
        area,
        audience,
        view,
        shownRoles,
        isDue: (entry) => reviewStatus(entry.reviewDue ?? null, today, dueSoonDays) !== 'current',
      }),
    [ordered, query, area, audience, view, shownRoles, today, dueSoonDays],
  );

  // Every row of the grouping, in reading order; then one pass puts each
  // shown duty into its row and its shown roles' cells.
  const allRows = useMemo(() => groupRows(model.entries, groupBy, model.rows), [model.entries, groupBy, model.rows]);
  const grouped = useMemo(() => groupDuties(shown, shownRoles, groupBy), [shown, shownRoles, groupBy]);
  // Stable per row of the grouping, whatever the filters show.
  const headerIds = useMemo(
    () => new Map(allRows.map((row, index) => [row.key, `${idPrefix}-row-${index}`] as const)),
    [allRows, idPrefix],
  );
  const pageRefs = useMemo(() => numberPages(model.entries), [model.entries]);
  const versions = useMemo(() => describeShownVersions(model.entries, docsVersions), [model.entries, docsVersions]);

  // The caption says what is shown: the shown roles, then the area, view and version.
  const defaultCaption = useDefaultCaption(columns, groupBy);
  const captionDetails = useCaptionDetails({
    area: model.rows.find((row) => row.key === area)?.label,
    view,
    version: versions.caption,
  });

  // The other ends of handoffs, among every entry given (a journey's may leave it).
  const handoffIndex = useMemo(
    () => new Map(everyEntry.map((entry) => [`${entry.permalink}#${entry.id}`, entry] as const)),
    [everyEntry],
  );
  const flowShown =
    (flow === 'only' || flow === true || (flow === 'auto' && groupBy !== 'area')) && hasHandoffs(model.entries);

  usePrintOpensDuties(regionRef);

  // Content inserted above the table after hydration moves a duty the
  // browser already scrolled to: bring it back below the navbar.
  useEffect(() => {
    if (!isBrowser || !withFilters || !targetId) return;
    const target = document.getElementById(targetId);
    if (target && regionRef.current?.contains(target)) target.scrollIntoView({block: 'start'});
    // Only when the controls first appear, not on every hash change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

  const rows = allRows.filter((row) => grouped.byRow.has(row.key));
  const flowView = flowShown && (
    <RoleFlow entries={model.entries} allEntries={everyEntry} groupBy={groupBy === 'section' ? 'section' : 'page'} />
  );
  if (flow === 'only') {
    return flowView || <RoleFlow entries={[]} className={className} />;
  }
  return (
    <div
      className={clsx(
        RolesClassNames.table.container,
        RolesClassNames.table.groupedBy(groupBy),
        styles.container,
        handout && [RolesClassNames.table.handout, styles.handout, handout === 'titles' && styles.handoutTitles],
        className,
      )}
      // Busy while the table still shows the previous choice or is still
      // filling after a client-side navigation: assistive technology waits
      // to announce the new count, and tests wait for it.
      aria-busy={deferred !== active || limit !== Infinity ? true : undefined}>
      {flowView}
      {withFilters && isBrowser && (
        <FilterControls
          filters={api.filters}
          toggleable={toggleable}
          shownRoles={checkedRoles}
          areas={model.rows}
          groupBy={active.group ?? defaultGroupBy}
          defaultGroupBy={defaultGroupBy}
          api={api}
          audiences={audienceKeys === null ? (data.audiences ?? []) : []}
          reviewView={syncWithUrl}
        />
      )}
      {withFilters && (
        // Rendered on the server too, so screen readers know the region
        // before it first changes.
        <p role="status" aria-live="polite" className={clsx(RolesClassNames.table.status, styles.status)}>
          {showingCount(shown.length, model.entries.length)}
        </p>
      )}
      {withFilters && rows.length >= JUMP_NAV_MIN_ROWS && <JumpNav rows={rows} groupBy={groupBy} headerIds={headerIds} />}
      {view === 'review' && syncWithUrl ? (
        <RoleReviewList entries={shown} today={today} dueSoonDays={dueSoonDays} labels={labels} />
      ) : (
      /* A focusable, named region so keyboard users can scroll a wide table. */
      <div
        ref={regionRef}
        className={clsx(styles.wrapper, overflows === false && styles.fits, overflows === true && styles.scrollBox)}
        style={{'--role-table-head-height': `${headHeight}px`} as CSSVariables}
        role="region"
        aria-labelledby={captionId}
        // A tab stop only while it scrolls sideways: then keyboards need it.
        tabIndex={overflows === false ? undefined : 0}
        // Delegated from the duty links (see `Duty`); the links stay the
        // interactive elements for keyboards and assistive technology.
        onClick={linkNavigation.onClick}
        onMouseOver={linkNavigation.onPreload}
        onTouchStart={linkNavigation.onPreload}
        onFocus={linkNavigation.onPreload}>
        <div ref={tableBoxRef} className={styles.tableBox}>
          <HandoffIndex.Provider value={handoffIndex}>
          <DutyTable
            captionId={captionId}
            caption={caption ?? defaultCaption}
            captionDetails={captionDetails}
            columns={columns}
            groupBy={groupBy}
            rows={rows}
            grouped={grouped}
            shownCount={shown.length}
            labels={labels}
            targetId={targetId}
            plainLinks={plainLinks}
            rowHeader={rowHeader}
            handout={handout}
            headerIds={headerIds}
            versionLabels={versions.perDuty}
            pageRefs={pageRefs}
            printing={printing}
            limit={limit}
          />
          </HandoffIndex.Provider>
        </div>
      </div>
      )}
      {!handout && <PrintedPages entries={model.entries} pageRefs={pageRefs} />}
      {props.handout !== undefined && props.handout !== false && !inHandout && <HandoutFooter />}
    </div>
  );
}
