/**
 * Types shared by every layer: the options an author writes, the normalized
 * configuration the code reads, and the data handed to the browser.
 *
 * This module holds types only, so the theme may import it without pulling
 * Node.js code into the client bundle.
 */

/** How a problem in an annotation is reported (default: `'throw'`). */
export type Severity = 'throw' | 'warn' | 'ignore';

/** How a broken handoff is reported, as Docusaurus's `onBrokenLinks` (default: `'throw'`). */
export type HandoffSeverity = 'throw' | 'warn' | 'log' | 'ignore';

/** One role as written in the options (`roles.radiologist`). */
export interface RoleOptions {
  /** Name shown to readers, for example `Radiologic technologist`. */
  label: string;
  /** Other keys authors may write in `of=` (default: `[]`). */
  aliases?: string[];
  /** One sentence about the role, shown in the table header (optional). */
  description?: string;
  /** Any CSS colour for the role's badge (default: a theme colour). */
  color?: string;
}

/** One area (table row group) as written in the options. */
export interface AreaOptions {
  /** Name shown to readers, for example `Radiation safety`. */
  label: string;
  /** One sentence about the area, shown under its row heading (optional). */
  description?: string;
}

/** The plugin's options, as the site writes them in `docusaurus.config`. */
export interface PluginOptions {
  /** Docusaurus plugin instance id (default: `'default'`). */
  id: string;
  /** Ordered map of role key to role (default: radiologist, technologist). */
  roles: Record<string, RoleOptions>;
  /** Ordered map of area key to area (default: imaging … general). */
  areas: Record<string, AreaOptions>;
  /** Area used when an annotation has no `area=` (default: `'general'`). */
  defaultArea: string;
  /** Route of the comparison table page, `false` for none (default: `'/roles'`). */
  tablePath: string | false;
  /** Title of the table page, translatable (default: `'Who does what'`). */
  tableTitle: string;
  /** Meta description of the table page, translatable (default: one sentence). */
  tableDescription: string;
  /** File name of the JSON export in the build output, `false` for none (default: `'roles.json'`). */
  jsonFilename: string | false;
  /** File name of the CSV export in the build output, `false` for none (default: `'roles.csv'`). */
  csvFilename: string | false;
  /** What to do with an invalid annotation (default: `'throw'`). */
  onInvalidAnnotation: Severity;
  /**
   * What to do with a broken handoff (`follows=`, `hands-to=`): an unknown
   * target, a link to itself, across content plugin instances, or a cycle
   * (default: `'throw'`). The annotation stays in the table either way.
   */
  onBrokenHandoffs: HandoffSeverity;
  /** Add a "Roles on this page" summary at the end of every annotated doc (default: `false`). */
  pageSummary: boolean;
  /**
   * Keep what each file says about annotations in `node_modules/.cache`
   * between runs, so a restart parses only the files that changed (default: `true`).
   */
  cache: boolean;
  /**
   * Worker threads that parse changed files when there are enough of them:
   * a count (`0`: parse in the main thread) or `'auto'`, one per core up to 8 (default: `'auto'`).
   */
  workers: number | 'auto';
}

/** The options as a site may write them: every field optional. */
export type Options = Partial<PluginOptions>;

/** A role after normalization, in configured order. */
export interface RoleInfo {
  key: string;
  label: string;
  aliases: string[];
  description?: string;
  color?: string;
}

/** An area after normalization, in configured order. */
export interface AreaInfo {
  key: string;
  label: string;
  description?: string;
}

/**
 * What the parser needs to decide what an annotation means: the roles and
 * areas, in order, and the default area. Built once from the options.
 */
export interface RolesConfig {
  roles: RoleInfo[];
  areas: AreaInfo[];
  defaultArea: string;
}

/**
 * Which content plugin a page comes from: `@docusaurus/plugin-content-docs`,
 * `-blog` or `-pages`.
 */
export type ContentKind = 'docs' | 'blog' | 'page';

/**
 * One duty of the site, as the table shows it and `roles.json` exports it.
 */
export interface RoleEntry {
  /** Anchor id of the callout on its page. */
  id: string;
  /** Canonical role keys, in configured order. */
  roles: string[];
  /** Area key. */
  area: string;
  /** Duty title: the `[label]`, else the first sentence of the body. */
  title: string;
  /** Plain text of the body. */
  text: string;
  /** Page path, baseUrl included, without `#`. */
  permalink: string;
  /** Site-relative source file path, with `/` separators. */
  source: string;
  /** 1-based line of the opening `:::role`. */
  line: number;
  /** The content plugin the page comes from: a doc, a blog post or a Markdown page. */
  kind: ContentKind;
  /** Id of that content plugin instance (`default` unless the site sets `id`). */
  pluginId: string;
  /** Docs version name (`current` for the unversioned docs); `null` for blog posts and pages. */
  version: string | null;
  /** Title of the page. */
  pageTitle: string;
  /**
   * 1-based position of the page in the order a reader meets it: its docs
   * version's sidebars in declared order, depth-first; pages in no sidebar
   * come last.
   */
  pagePosition: number;
  /** Labels of the sidebar categories around the page, outermost first. */
  categories: string[];
  /** Anchor id of the section (the nearest heading above), `null` before any heading. */
  sectionId: string | null;
  /** Plain-text title of that heading, `null` before any heading. */
  sectionTitle: string | null;
  /**
   * The duties this one comes after (`follows=`, or their `hands-to=`), as
   * `permalink#id` keys of other entries, in reading order.
   */
  follows: string[];
  /** The duties this one hands over to, as `permalink#id` keys, in reading order. */
  handsTo: string[];
}

/** The other side of a handoff, as a callout shows it. */
export interface HandoffSide {
  /** `permalink#id` of its callout. */
  href: string;
  title: string;
  /** Canonical role keys. */
  roles: string[];
  /** Its page's title when it is on another page, else `null`. */
  pageTitle: string | null;
}

/** Data every page can read with `usePluginData('docusaurus-plugin-roles')`. */
export interface RolesGlobalData {
  roles: RoleInfo[];
  areas: AreaInfo[];
  /** Table page path with baseUrl, or `null` when the site has no table page. */
  tablePath: string | null;
}

/** The table page's title and description, translated for the locale being built. */
export interface RolesPageMetadata {
  title: string;
  description: string;
}

/** Props of the table page route (`@theme/RolesPage`). */
export interface RolesPageProps {
  /** Every entry of the site for the locale being built. */
  entries: RoleEntry[];
  /** Title and meta description (the `tableTitle` and `tableDescription` options, translated). */
  metadata: RolesPageMetadata;
}

/**
 * What the plugin loads and translates (`loadContent`, `translateContent`):
 * the strings readers see that come from the options.
 */
export interface RolesContent {
  /** Roles and areas, labels, descriptions and aliases translated. */
  config: RolesConfig;
  /** The table page's title and description, translated. */
  table: RolesPageMetadata;
}
