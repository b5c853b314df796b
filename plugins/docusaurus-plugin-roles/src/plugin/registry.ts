/**
 * Where the Docusaurus plugin leaves its validated options for the remark
 * plugin, so a site configures roles once and registers `remarkRoles` with
 * no options.
 *
 * The site config and Docusaurus may load this package as two module
 * instances (jiti for the config, Node for the plugin), so the registry lives
 * on `globalThis` under a registered symbol, not in a module variable.
 */
import path from 'node:path';
import type {PluginOptions, RolesConfig} from '../types.js';

/** Where a content file is published, as its content plugin decided. */
export interface PublishedPage {
  /** Page path, baseUrl and trailing-slash rule included: the table's rows are keyed by it. */
  permalink: string;
  /** Unlisted in this build: its duties have no row in the table. */
  unlisted: boolean;
}

/** What one site's plugin instance shares with the remark plugin. */
export interface SiteRegistration {
  siteDir: string;
  options: PluginOptions;
  config: RolesConfig;
  /** Absolute path of the generated entries JSON module, for embedded tables. */
  entriesModule: string | undefined;
  /** Problems already reported in this run, so each is printed once. */
  reported: Set<string>;
  /**
   * Every docs, blog and pages file by absolute path, filled once all content
   * is loaded (before any page is compiled), like the docs plugin's own
   * source-to-permalink map for Markdown links. A blog post is also rendered
   * on list pages, so its callouts cannot take their page from the URL.
   */
  pages: Map<string, PublishedPage>;
  /**
   * The generated module of a file's handoffs (`handoff-modules.ts`), which
   * the remark plugin imports into an annotated page; absent outside the
   * Docusaurus plugin.
   */
  handoffModule?: (filePath: string) => string;
}

interface Registry {
  sites: Map<string, SiteRegistration>;
}

const KEY = Symbol.for('docusaurus-plugin-roles.registry');

function registry(): Registry {
  const holder = globalThis as typeof globalThis & {[KEY]?: Registry};
  holder[KEY] ??= {sites: new Map()};
  return holder[KEY];
}

/** Record (or replace) a site's registration. */
export function registerSite(registration: SiteRegistration): void {
  registry().sites.set(path.resolve(registration.siteDir), registration);
}

/**
 * The registration of the site a file belongs to: the deepest site folder
 * that contains it, else the only registered site (docs may live outside
 * the site folder), else none.
 */
export function findSite(filePath: string | undefined): SiteRegistration | undefined {
  const {sites} = registry();
  if (filePath) {
    const resolved = path.resolve(filePath);
    let best: SiteRegistration | undefined;
    for (const [siteDir, site] of sites) {
      const inside = resolved === siteDir || resolved.startsWith(siteDir + path.sep);
      if (inside && (!best || siteDir.length > best.siteDir.length)) best = site;
    }
    if (best) return best;
  }
  return sites.size === 1 ? sites.values().next().value : undefined;
}
