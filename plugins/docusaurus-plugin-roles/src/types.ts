/**
 * Types shared by every layer: the options an author writes, the normalized
 * configuration the code reads, and the data handed to the browser.
 *
 * This module holds types only, so the theme may import it without pulling
 * Node.js code into the client bundle.
 */

/** How a problem in an annotation is reported (default: `'throw'`). */
export type Severity = 'throw' | 'warn' | 'ignore';

/**
 * How an accountability check (sources, reviews, reading level, near
 * duplicates) reports what it finds, as Docusaurus's `onBrokenLinks` does:
 * `'throw'` fails the build (and `roles:check`), `'warn'` and `'log'` print.
 */
export type CheckSeverity = 'ignore' | 'log' | 'warn' | 'throw';

/** One audience as written in the options (`audiences.patient`). */
export interface AudienceOptions {
  /** Name shown to readers, for example `Patients and families`. */
  label: string;
  /** One sentence about the audience (optional). */
  description?: string;
  /**
   * Duties for this audience are read by the public: the reading-level check
   * applies to them, and journeys and handouts show them by default
   * (default: `false`; `true` for the default `patient` audience).
   */
  plainLanguage?: boolean;
}

/**
 * Where a duty comes from, who answers for it, when it was last reviewed and
 * whom it is for: each may be written on the annotation, in the page's front
 * matter (`roles: {source, owner, reviewed, audience}`) or here, for the site.
 */
export interface DutyDefaults {
  /** A citation or a URL: a practice standard, a guideline, a hospital policy. */
  source?: string;
  /** Who answers for the duty's text (a person, a team, a committee). */
  owner?: string;
  /** Date of the last review, `YYYY-MM-DD`. */
  reviewed?: string;
  /** Audience keys (default: every configured audience). */
  audience?: string[];
}

/** The review cycle and how the checks of sources and reviews report. */
export interface ReviewOptions {
  /** Months from a review to the next one due (default: `36`). */
  cycleMonths: number;
  /** How many days before its due date a review counts as due soon (default: `30`). */
  dueSoonDays: number;
  /** A duty with no source (default: `'warn'`). */
  onMissingSource: CheckSeverity;
  /** A duty with no owner (default: `'ignore'`). */
  onMissingOwner: CheckSeverity;
  /** A duty with no review date (default: `'warn'`). */
  onMissingReview: CheckSeverity;
  /** A duty whose review is past due (default: `'warn'`). */
  onOverdue: CheckSeverity;
  /** A duty whose review falls due within `dueSoonDays` (default: `'log'`). */
  onDueSoon: CheckSeverity;
  /**
   * The date the checks take for today, `YYYY-MM-DD` (default: the build's
   * date, in the machine's time zone). For tests and reproducible builds.
   */
  today?: string;
}

/** The reading-level check of plain-language duties. */
export interface ReadabilityOptions {
  /** How a sentence above the target is reported (default: `'warn'`). */
  severity: CheckSeverity;
  /** English: the highest Flesch–Kincaid grade a sentence may have (default: `8`). */
  grade: number;
  /** Spanish: the lowest Szigriszt–Pazos (INFLESZ) score a sentence may have (default: `55`, "normal"). */
  inflesz: number;
  /** Sentences of fewer words are not scored: the formulas mean little on them (default: `3`). */
  minWords: number;
  /**
   * Words and phrases the site defines for its readers (a glossary's terms):
   * each counts as one word of one syllable. Case is ignored, and a plural
   * in `s` or `es` matches too (default: `[]`).
   */
  words: string[];
}

/** The notice about two duties of the same role that read almost the same. */
export interface NearDuplicateOptions {
  /** How a pair is reported (default: `'warn'`). */
  severity: CheckSeverity;
  /**
   * Titles at least this similar are reported (0–1, the Dice coefficient of
   * their stemmed content words; default: `0.75`).
   */
  titles: number;
  /**
   * Texts at least this similar are reported when their titles share a
   * content word (title similarity 0.3 or more); 0–1, cosine of TF-IDF
   * weighted stemmed words (default: `0.35`).
   */
  texts: number;
}

/** How a broken handoff is reported: the same scale, as Docusaurus's `onBrokenLinks` (default: `'throw'`). */
export type HandoffSeverity = CheckSeverity;

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
  /**
   * Which docs versions the table page shows (default: `'each'`, one page per
   * docs version: the last version at `tablePath`, the others at
   * `tablePath/<version path>`). Any value of the table's `version` prop
   * (`'last'`, `'all'`, a version name) gives one page showing that.
   */
  tableVersion: string;
  /**
   * A note printed at the foot of every handout, after the site's name and
   * the page's address: a disclaimer, a phone number (default: `''`); translatable.
   */
  handoutNote: string;
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
  /** Ordered map of audience key to audience (default: `patient`, `staff`). */
  audiences: Record<string, AudienceOptions>;
  /** The site's source, owner, review date and audience of every duty that sets none (default: `{}`). */
  defaults: DutyDefaults;
  /** The review cycle and the checks of sources and reviews. */
  reviews: ReviewOptions;
  /** The reading-level check of plain-language duties. */
  readability: ReadabilityOptions;
  /** The notice about near-duplicate duties. */
  nearDuplicates: NearDuplicateOptions;
}

/** The options as a site may write them: every field optional, nested ones too. */
export type Options = Partial<
  Omit<PluginOptions, 'reviews' | 'readability' | 'nearDuplicates'> & {
    reviews: Partial<ReviewOptions>;
    readability: Partial<ReadabilityOptions>;
    nearDuplicates: Partial<NearDuplicateOptions>;
  }
>;

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

/** An audience after normalization, in configured order. */
export interface AudienceInfo {
  key: string;
  label: string;
  description?: string;
  plainLanguage: boolean;
}

/** What the extractor needs to resolve a duty's source, owner, review and audience. */
export interface DutySettings {
  /** The site's defaults (`defaults` option). */
  defaults: DutyDefaults;
  /** Months from a review to the next one due. */
  cycleMonths: number;
  /** Today, `YYYY-MM-DD`: a review date after it is invalid. */
  today: string;
}

/**
 * What the parser needs to decide what an annotation means: the roles,
 * areas and audiences, in order, the default area, and how a duty's source,
 * owner, review and audience resolve. Built once from the options.
 */
export interface RolesConfig {
  roles: RoleInfo[];
  areas: AreaInfo[];
  defaultArea: string;
  audiences: AudienceInfo[];
  duties: DutySettings;
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
  /** 1-based column of the opening `:::role`. */
  column: number;
  /** The duty's source: a citation or a URL (`source=`, inherited), `null` when none. */
  citation: string | null;
  /** Who answers for the duty's text, `null` when nobody is named. */
  owner: string | null;
  /** Date of the last review, `YYYY-MM-DD`, `null` when none is given. */
  reviewed: string | null;
  /** Date the next review is due (`reviewed` plus the review cycle), `null` without a review date. */
  reviewDue: string | null;
  /** Audience keys, in configured order. */
  audience: string[];
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

/** A table page, as the callouts find the one that lists their duty. */
export interface RolesTablePage {
  /** Route, baseUrl included. */
  path: string;
  /** The docs version each docs plugin instance shows there, by instance id; `null`: every version. */
  scope: Readonly<Record<string, string>> | null;
}

/** Data every page can read with `usePluginData('docusaurus-plugin-roles')`. */
export interface RolesGlobalData {
  roles: RoleInfo[];
  areas: AreaInfo[];
  /** Audiences, in configured order (absent from data written by older versions). */
  audiences?: AudienceInfo[];
  /** Days before a review's due date from which the review view lists it as due soon. */
  dueSoonDays?: number;
  /** Table page path with baseUrl (the last docs version's), or `null` when the site has no table page. */
  tablePath: string | null;
  /** Every table page, `tablePath` first: one per docs version (see the `tableVersion` option). */
  tablePages?: RolesTablePage[];
  /** The `handoutNote` option, translated. */
  handoutNote?: string;
}

/** A table page in the version menu of the others. */
export interface RolesTablePageLink {
  path: string;
  /** The docs version's label, as the docs' version dropdown shows it. */
  label: string;
}

/** The table page's title and description, translated for the locale being built. */
export interface RolesPageMetadata {
  title: string;
  description: string;
  /** The docs version the page shows, as readers name it; `null` (or absent) when the docs have one version. */
  version?: string | null;
  /** Every table page when there are several (one per docs version), this one included. */
  versions?: RolesTablePageLink[];
  /** The plugin instance whose table it is (its `id`). */
  instance?: string;
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
  /** The `handoutNote` option, translated. */
  handoutNote: string;
}
