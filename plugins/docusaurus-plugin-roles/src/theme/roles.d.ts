/**
 * Types of the `@theme/…` modules this plugin provides, for the components
 * that import each other through the alias and for sites that swizzle them.
 * A site's `tsc` reads them through the package's types (the build links
 * this file from `lib/index.d.ts`), as it reads theme-classic's.
 * Types come from the package (`import('docusaurus-plugin-roles')`), and the
 * table's inner modules from their own declarations: an ambient module may
 * not import a relative path, but an `import('…')` type may.
 */

declare module '@theme/RolesUtils' {
  import type {CSSProperties, ReactNode} from 'react';

  type RoleInfo = import('docusaurus-plugin-roles').RoleInfo;
  type RolesGlobalData = import('docusaurus-plugin-roles').RolesGlobalData;

  /** Name under which the plugin publishes its global data. */
  export const PLUGIN_NAME: 'docusaurus-plugin-roles';
  /** Class of text that screen readers read but that is not shown. */
  export const visuallyHiddenClassName: string;
  /** Inline style that may also set CSS custom properties (`--role-color`). */
  export type CSSVariables = CSSProperties & {[name: `--${string}`]: string};
  /** The plugin instance the components inside read (`undefined`: the surrounding one, else `'default'`). */
  export function RolesInstance(props: {instance: string | undefined; children: ReactNode}): ReactNode;
  /** The plugin's global data (of `instance`, else of the surrounding `RolesInstance`, else of the default instance), or empty data when the plugin is absent. */
  export function useRolesData(instance?: string): RolesGlobalData;
  /** A role or area key made safe for a class name. */
  export function cssKey(key: string): string;
  /** Stable, documented class names for site CSS. */
  export const RolesClassNames: {
    readonly callout: {
      readonly container: 'theme-role-callout';
      readonly role: (key: string) => string;
      readonly shared: 'theme-role-callout--shared';
      readonly title: 'theme-role-callout-title';
      readonly body: 'theme-role-callout-body';
      readonly compareLink: 'theme-role-callout-compare';
      readonly footer: 'theme-role-callout-footer';
      readonly target: 'theme-role-callout--target';
    };
    readonly badge: {
      readonly container: 'theme-role-badge';
      readonly role: (key: string) => string;
      readonly unknown: 'theme-role-badge--unknown';
    };
    readonly table: {
      readonly container: 'theme-role-table';
      readonly groupedBy: (groupBy: string) => string;
      readonly handout: 'theme-role-table--handout';
      readonly area: (key: string) => string;
      readonly pageRow: 'theme-role-table-page';
      readonly sectionRow: 'theme-role-table-section';
      readonly rowLink: 'theme-role-table-row-link';
      readonly duty: 'theme-role-table-duty';
      readonly dutyTarget: 'theme-role-table-duty--target';
      readonly shared: 'theme-role-table-shared';
      readonly dutyText: 'theme-role-table-duty-text';
      readonly dutyTitle: 'theme-role-table-duty-title';
      readonly dutyLink: 'theme-role-table-duty-link';
      readonly dutyVersion: 'theme-role-table-duty-version';
      readonly rowPage: 'theme-role-table-row-page';
      readonly captionDetails: 'theme-role-table-caption-details';
      readonly jump: 'theme-role-table-jump';
      readonly printedPages: 'theme-role-table-printed-pages';
      readonly dutyPage: 'theme-role-table-duty-page';
      readonly empty: 'theme-role-table--empty';
      readonly controls: 'theme-role-table-controls';
      readonly filter: 'theme-role-table-filter';
      readonly roles: 'theme-role-table-roles';
      readonly areaSelect: 'theme-role-table-area';
      readonly groupSelect: 'theme-role-table-group';
      readonly views: 'theme-role-table-views';
      readonly sort: 'theme-role-table-sort';
      readonly reset: 'theme-role-table-reset';
      readonly status: 'theme-role-table-status';
      readonly noMatch: 'theme-role-table-no-match';
    };
    readonly handout: {
      readonly container: 'theme-role-handout';
      readonly footer: 'theme-role-handout-footer';
    };
    readonly versions: 'theme-roles-versions';
    readonly handoffs: {
      readonly container: 'theme-role-handoffs';
      readonly follows: 'theme-role-handoffs-follows';
      readonly handsTo: 'theme-role-handoffs-hands-to';
      readonly table: 'theme-role-table-handoffs';
    };
    readonly flow: {
      readonly container: 'theme-role-flow';
      readonly lanes: 'theme-role-flow-lanes';
      readonly step: 'theme-role-flow-step';
      readonly duty: 'theme-role-flow-duty';
      readonly arrow: 'theme-role-flow-arrow';
    };
    readonly summary: {
      readonly container: 'theme-roles-summary';
      readonly title: 'theme-roles-summary-title';
      readonly role: (key: string) => string;
      readonly tableLink: 'theme-roles-summary-table-link';
    };
    readonly page: {
      readonly container: 'roles-page';
    };
  };
  /** The table page of the docs version being read, else `tablePath`; `null` without a table page. */
  export function useTablePath(): string | null;
  /** True inside a `RoleHandout`. */
  export const RoleHandoutContext: import('react').Context<boolean>;
  /** Whether the component is inside a `RoleHandout`. */
  export function useInHandout(): boolean;
  /** A role's configured colour, else an Infima colour by position, else grey. */
  export function roleColor(roles: readonly RoleInfo[], key: string): string;
  /** The id the URL hash points at, once hydrated (undefined during SSR). */
  export function useTargetId(): string | undefined;
  /** Formats "One duty" / "3 duties" with the locale's plural rules. */
  export function useDutyCount(): (count: number) => string;
  /** Joins labels as the current locale does ("A, B and C"). */
  export function useListFormat(): (items: readonly string[]) => string;
}

declare module '@theme/RoleBadge' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Role key; shown raw (and marked unknown) when the site lacks it. */
    readonly roleKey: string;
    readonly className?: string;
  }

  export default function RoleBadge(props: Props): ReactNode;
}

declare module '@theme/RoleCallout' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Anchor id of the callout, unique within its page. */
    readonly id: string;
    /** Space-separated canonical role keys (unknown keys are shown raw). */
    readonly roles: string;
    /** Area key. */
    readonly area: string;
    /** Duty title. */
    readonly title: string;
    /**
     * Path of the page the callout belongs to, as the table's rows know it
     * (default: the current URL's path). A blog post's callouts are also
     * shown on the blog's list pages, so the remark plugin sets it.
     */
    readonly page?: string;
    /** True when the annotation is not in the table (invalid, or on an unlisted page): no compare link. */
    readonly unlisted?: boolean;
    /** The duty's source, a citation or a URL (shown small, a link when a URL). */
    readonly citation?: string;
    /** Date of the duty's last review, `YYYY-MM-DD`. */
    readonly reviewed?: string;
    /**
     * What the duty comes after and hands over to (the remark plugin passes
     * them from the page's generated module); none when absent.
     */
    readonly handoffs?: import('@theme/RoleHandoffs').Props;
    /** The plugin instance whose roles and areas it shows (default: `'default'`; set by the remark plugin). */
    readonly instance?: string;
    readonly children?: ReactNode;
  }

  export default function RoleCallout(props: Props): ReactNode;
}

declare module '@theme/RoleProvenance' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** A citation or a URL (`http(s)` only becomes a link). */
    readonly citation?: string | null | undefined;
    /** Date of the last review, `YYYY-MM-DD`. */
    readonly reviewed?: string | null | undefined;
    readonly className?: string;
  }

  export default function RoleProvenance(props: Props): ReactNode;
}

declare module '@theme/RoleProvenance/date' {
  type Module = typeof import('./RoleProvenance/date.js');
  export const useReviewDateFormat: Module['useReviewDateFormat'];
}

declare module '@theme/RoleHandoffs' {
  import type {ReactNode} from 'react';

  type HandoffSide = import('docusaurus-plugin-roles').HandoffSide;

  export interface Props {
    /** The duties this one comes after, in reading order. */
    readonly follows?: readonly HandoffSide[];
    /** The duties it hands over to, in reading order. */
    readonly handsTo?: readonly HandoffSide[];
    readonly className?: string;
  }

  export default function RoleHandoffs(props: Props): ReactNode;
}

declare module '@theme/RoleFlow' {
  import type {ReactNode} from 'react';

  type RoleEntry = import('docusaurus-plugin-roles').RoleEntry;

  export interface Props {
    /** The journey's duties, in reading order; those with a handoff are drawn. */
    readonly entries: readonly RoleEntry[];
    /**
     * Every duty of the site, to name the other end of a handoff that
     * leaves the journey (default: `entries`).
     */
    readonly allEntries?: readonly RoleEntry[];
    /** The steps: the pages (default) or the sections of each page. */
    readonly groupBy?: 'page' | 'section';
    /** Replaces the default caption ("How the work is handed over"). */
    readonly caption?: ReactNode;
    readonly className?: string;
  }

  export default function RoleFlow(props: Props): ReactNode;
}

declare module '@theme/RoleFlow/model' {
  type Module = typeof import('./RoleFlow/model.js');
  export type FlowModel = import('./RoleFlow/model.js').FlowModel;
  export type FlowStep = import('./RoleFlow/model.js').FlowStep;
  export type FlowCard = import('./RoleFlow/model.js').FlowCard;
  export type FlowArrow = import('./RoleFlow/model.js').FlowArrow;
  export type FlowLane = import('./RoleFlow/model.js').FlowLane;
  export const buildFlow: Module['buildFlow'];
  export const hasHandoffs: Module['hasHandoffs'];
}

declare module '@theme/RoleComparisonTable' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Duties to show, in the order to show them within a cell. */
    readonly entries: readonly import('docusaurus-plugin-roles').RoleEntry[];
    /** Only these area keys (shown in configured order). */
    readonly areas?: readonly string[];
    /** Only these role keys (shown in configured order). */
    readonly roles?: readonly string[];
    /**
     * Only the duties of this page (any trailing-slash form; the site's
     * `baseUrl` may be left out).
     */
    readonly page?: string;
    /**
     * Only the duties of the pages at or below this path, segment by
     * segment: `/spinal-cord-stimulator` takes `/spinal-cord-stimulator/…`
     * (the site's `baseUrl` may be left out).
     */
    readonly path?: string;
    /**
     * Only the duties of the pages in this sidebar category, at any depth
     * (its label as the sidebar shows it, in the locale being built).
     */
    readonly category?: string;
    /**
     * The rows: `'area'` (default), `'page'` (pages in sidebar order) or
     * `'section'` (the headings of each page, in order). On the table page
     * the reader may switch it (`?group=`).
     */
    readonly groupBy?: 'area' | 'page' | 'section';
    /** Only the duties of this docs plugin instance. */
    readonly pluginId?: string;
    /** The docusaurus-plugin-roles instance whose roles and areas it shows (default: `'default'`; set by the remark plugin). */
    readonly instance?: string;
    /**
     * Which docs version's duties: a version name (`'current'`, `'1.0'`;
     * docs instances without it show their last version), `'last'` (each
     * instance's last version, the one readers land on) or `'all'` (every
     * version, each duty marked with its version). Default: the version of
     * the doc the table is on, else the last version; the same values as the
     * plugin's `tableVersion` option. Blog posts and pages have no version
     * and are always shown.
     */
    readonly version?: string;
    /** Replaces the default caption built from the role labels. */
    readonly caption?: ReactNode;
    /** Replaces the header of the first column (default: "Area", "Page" or "Section"). */
    readonly rowHeader?: ReactNode;
    /**
     * Show the filter controls once hydrated (default: `true`). Without
     * JavaScript the complete table is shown either way.
     */
    readonly filters?: boolean;
    /**
     * Keep the filter state in the URL query (`q`, `roles`, `area`, `view`,
     * `sort`) so it survives a reload and back/forward; the table page sets
     * it. Embedded tables keep their filters in local state (default).
     */
    readonly syncWithUrl?: boolean;
    /**
     * Printing the page prints this table as a one-page handout, under the
     * page title, with the handout's footer (the site, the page's address,
     * the `handoutNote` option): no navigation, no controls, no other
     * content except `<RoleHandout>` parts, each duty with its first
     * sentence (`true`) or its title only (`'titles'`, the shortest sheet)
     * (default: `false`; a table inside `<RoleHandout>` is one).
     */
    readonly handout?: boolean | 'titles';
    /**
     * Only the duties for these audience keys (`'all'`: every duty). Default:
     * a `handout` or a journey (`groupBy="page"`) shows the duties for the
     * plain-language audiences (patients), any other table every duty.
     */
    readonly audience?: string | readonly string[];
    /**
     * The journey as a flow above the table (`@theme/RoleFlow`): steps by
     * roles, the handoffs drawn between them. `'auto'` (default): when the
     * rows are pages or sections and a duty in scope has a handoff; `true`:
     * whenever a duty in scope has one (steps are pages when rows are areas);
     * `false`: never; `'only'`: the flow without the table.
     */
    readonly flow?: boolean | 'auto' | 'only';
    readonly className?: string;
  }

  export default function RoleComparisonTable(props: Props): ReactNode;
}

declare module '@theme/RoleHandout' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** What prints on the handout (and shows on the page as usual): an introduction, a table, a checklist… */
    readonly children?: ReactNode;
    /** Replaces the `handoutNote` option in the printed footer. */
    readonly note?: ReactNode;
    readonly className?: string;
  }

  export default function RoleHandout(props: Props): ReactNode;
}

declare module '@theme/RoleHandout/Footer' {
  import type {ReactNode} from 'react';

  /** The handout's printed footer: the site's name, the page's address, the note. */
  export default function HandoutFooter(props: {note?: ReactNode}): ReactNode;
}

declare module '@theme/RolesPage' {
  import type {ReactNode} from 'react';

  export type Props = import('docusaurus-plugin-roles').RolesPageProps;

  export default function RolesPage(props: Props): ReactNode;
}

declare module '@theme/RolesOnThisPage' {
  import type {ReactNode} from 'react';

  /** One duty annotated on the page. */
  export interface Duty {
    /** Anchor id of the callout on this page. */
    readonly id: string;
    readonly title: string;
    /** Canonical role keys. */
    readonly roles: readonly string[];
    /** Area key. */
    readonly area: string;
  }

  export interface Props {
    /** The page's duties (filled in by the remark plugin). */
    readonly duties: readonly Duty[];
    /** The plugin instance whose roles it shows (default: `'default'`; set by the remark plugin). */
    readonly instance?: string;
    readonly className?: string;
  }

  export default function RolesOnThisPage(props: Props): ReactNode;
}

// The comparison table's inner modules. Its components import each other
// through these aliases (as theme-classic's do), so that the modules of an
// ejected copy find each other and a site may swizzle one of them alone.
// Each declaration repeats the compiled module's exports by name.

declare module '@theme/RoleComparisonTable/Controls' {
  type Module = typeof import('./RoleComparisonTable/Controls.js');
  export const FilterControls: Module['FilterControls'];
}

declare module '@theme/RoleComparisonTable/Duty' {
  type Module = typeof import('./RoleComparisonTable/Duty.js');
  export type DutyProps = import('./RoleComparisonTable/Duty.js').DutyProps;
  export type HandoutDetail = import('./RoleComparisonTable/Duty.js').HandoutDetail;
  export const Duty: Module['Duty'];
}

declare module '@theme/RoleComparisonTable/JumpNav' {
  type Module = typeof import('./RoleComparisonTable/JumpNav.js');
  export const JumpNav: Module['JumpNav'];
}

declare module '@theme/RoleComparisonTable/layout' {
  type Module = typeof import('./RoleComparisonTable/layout.js');
  export type TableFit = import('./RoleComparisonTable/layout.js').TableFit;
  export const useTableFit: Module['useTableFit'];
  export const usePrinting: Module['usePrinting'];
  export const useFirstPaintLimit: Module['useFirstPaintLimit'];
  export const FIRST_PAINT_DUTIES: Module['FIRST_PAINT_DUTIES'];
  export const FIRST_PAINT_ROWS: Module['FIRST_PAINT_ROWS'];
}

declare module '@theme/RoleComparisonTable/PrintedPages' {
  type Module = typeof import('./RoleComparisonTable/PrintedPages.js');
  export const PrintedPages: Module['PrintedPages'];
  export const numberPages: Module['numberPages'];
}

declare module '@theme/RoleComparisonTable/search' {
  type Module = typeof import('./RoleComparisonTable/search.js');
  export type SearchIndex = import('./RoleComparisonTable/search.js').SearchIndex;
  export type SearchQuery = import('./RoleComparisonTable/search.js').SearchQuery;
  export const foldText: Module['foldText'];
  export const searchWords: Module['searchWords'];
  export const indexText: Module['indexText'];
  export const parseQuery: Module['parseQuery'];
  export const matchesQuery: Module['matchesQuery'];
}

declare module '@theme/RoleComparisonTable/versions' {
  type Module = typeof import('./RoleComparisonTable/versions.js');
  export type ShownVersions = import('docusaurus-plugin-roles/client').ShownVersions;
  export const versionKey: Module['versionKey'];
  export const useDocsVersions: Module['useDocsVersions'];
  export const useVersionScope: Module['useVersionScope'];
  export const describeShownVersions: Module['describeShownVersions'];
}

declare module '@theme/RoleComparisonTable/filters' {
  type Module = typeof import('./RoleComparisonTable/filters.js');
  export type View = import('./RoleComparisonTable/filters.js').View;
  export type FilterState = import('./RoleComparisonTable/filters.js').FilterState;
  export type Searchable = import('./RoleComparisonTable/filters.js').Searchable;
  export const NO_FILTERS: Module['NO_FILTERS'];
  export const parseFilters: Module['parseFilters'];
  export const filtersToSearch: Module['filtersToSearch'];
  export const foldText: Module['foldText'];
  export const matchingEntries: Module['matchingEntries'];
}

declare module '@theme/RoleComparisonTable/i18n' {
  type Module = typeof import('./RoleComparisonTable/i18n.js');
  export const useCollator: Module['useCollator'];
  export const useCaptionDetails: Module['useCaptionDetails'];
  export const useDefaultCaption: Module['useDefaultCaption'];
  export const useSharedCount: Module['useSharedCount'];
  export const useShowingCount: Module['useShowingCount'];
}

declare module '@theme/RoleComparisonTable/links' {
  type Module = typeof import('./RoleComparisonTable/links.js');
  export const DUTY_LINK_ATTRIBUTE: Module['DUTY_LINK_ATTRIBUTE'];
  export const useDutyLinkNavigation: Module['useDutyLinkNavigation'];
}

declare module '@theme/RoleComparisonTable/model' {
  type Module = typeof import('./RoleComparisonTable/model.js');
  export type Column = import('./RoleComparisonTable/model.js').Column;
  export type Row = import('./RoleComparisonTable/model.js').Row;
  export type TableModel = import('./RoleComparisonTable/model.js').TableModel;
  export type GroupedDuties = import('./RoleComparisonTable/model.js').GroupedDuties;
  export type GroupBy = import('./RoleComparisonTable/model.js').GroupBy;
  export type RowGroup = import('./RoleComparisonTable/model.js').RowGroup;
  export const buildModel: Module['buildModel'];
  export const NO_ENTRIES: Module['NO_ENTRIES'];
  export const groupDuties: Module['groupDuties'];
  export const GROUP_BYS: Module['GROUP_BYS'];
  export const isGroupBy: Module['isGroupBy'];
  export const withBaseUrl: Module['withBaseUrl'];
  export const rowKeyOf: Module['rowKeyOf'];
  export const groupRows: Module['groupRows'];
}

declare module '@theme/RoleHandoffs/table' {
  type Module = typeof import('./RoleHandoffs/table.js');
  export const HandoffIndex: Module['HandoffIndex'];
  export const dutyHandoffs: Module['dutyHandoffs'];
}

declare module '@theme/RoleComparisonTable/lead' {
  type Module = typeof import('./RoleComparisonTable/lead.js');
  export const splitLead: Module['splitLead'];
  export const textAfterTitle: Module['textAfterTitle'];
}

declare module '@theme/RoleComparisonTable/Rows' {
  type Module = typeof import('./RoleComparisonTable/Rows.js');
  export const GroupRow: Module['GroupRow'];
}

declare module '@theme/RoleComparisonTable/Table' {
  type Module = typeof import('./RoleComparisonTable/Table.js');
  export type DutyTableProps = import('./RoleComparisonTable/Table.js').DutyTableProps;
  export const DutyTable: Module['DutyTable'];
}

declare module '@theme/RoleComparisonTable/useFilters' {
  type Module = typeof import('./RoleComparisonTable/useFilters.js');
  export type FilterApi = import('./RoleComparisonTable/useFilters.js').FilterApi;
  export const useFilters: Module['useFilters'];
}

declare module '@theme/RoleComparisonTable/audience' {
  type Module = typeof import('./RoleComparisonTable/audience.js');
  export type AudienceProp = import('./RoleComparisonTable/audience.js').AudienceProp;
  export const audienceScope: Module['audienceScope'];
  export const inAudience: Module['inAudience'];
}

declare module '@theme/RoleComparisonTable/AudienceSelect' {
  type Module = typeof import('./RoleComparisonTable/AudienceSelect.js');
  export const AudienceSelect: Module['AudienceSelect'];
}

declare module '@theme/RoleReviewList' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** The duties the filters show; those whose review is current are left out. */
    readonly entries: readonly import('docusaurus-plugin-roles').RoleEntry[];
    /** `YYYY-MM-DD`: the day the statuses are counted from (the reader's today). */
    readonly today: string;
    /** Days before its due date from which a review is due soon. */
    readonly dueSoonDays: number;
    /** Role labels by key. */
    readonly labels: ReadonlyMap<string, string>;
  }

  export default function RoleReviewList(props: Props): ReactNode;
}
