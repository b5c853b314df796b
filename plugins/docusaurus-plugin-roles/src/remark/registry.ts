/**
 * The seam between `remarkRoles` and a host that configures it: the
 * Docusaurus plugin registers here what each page's transform needs (its
 * validated options, where each file is published, how to report), so a
 * site configures roles once and lists `remarkRoles` with no options.
 *
 * It lives with the remark plugin, which reads it; the Docusaurus plugin
 * (a layer above) writes it. The remark plugin never imports Docusaurus:
 * behaviour that needs it (logging) is handed over as a function.
 *
 * The site config and Docusaurus may load this package as two module
 * instances (jiti for the config, Node for the plugin), so the registry lives
 * on `globalThis` under a registered symbol, not in a module variable.
 */
import path from 'node:path';
import type {Problem} from '../core/problem.js';
import type {RolesConfig, Severity} from '../types.js';

/** Marks the remark plugin, so a host recognizes it across module instances. */
export const REMARK_MARKER = Symbol.for('docusaurus-plugin-roles.remark');

/** Where a content file is published, as its content plugin decided. */
export interface PublishedPage {
  /** Page path, baseUrl and trailing-slash rule included: the table's rows are keyed by it. */
  permalink: string;
  /** Unlisted in this build: its duties have no row in the table. */
  unlisted: boolean;
}

/** What a host (one site's plugin instance) tells the remark plugin. */
export interface RolesHost {
  siteDir: string;
  config: RolesConfig;
  /** `onInvalidAnnotation`. */
  severity: Severity;
  pageSummary: boolean;
  /** Absolute path of the generated entries JSON module, for embedded tables. */
  entriesModule: string | undefined;
  /**
   * Every docs, blog and pages file by absolute path, filled once all content
   * is loaded (before any page is compiled), like the docs plugin's own
   * source-to-permalink map for Markdown links. A blog post is also rendered
   * on list pages, so its callouts cannot take their page from the URL.
   */
  pages: Map<string, PublishedPage>;
  /**
   * Report a page's problems (positioned, site-relative) as the severity
   * says: throw to fail the page's compile, or tell the author.
   */
  report(problems: readonly Problem[], severity: Severity): void;
  /**
   * The module of a file's handoffs, which the page imports so that both
   * ends of a link update (the Docusaurus plugin writes it; absent: no
   * handoffs shown). It must exist when this returns.
   */
  handoffModule?: (filePath: string) => string;
}

interface Registry {
  hosts: Map<string, RolesHost>;
}

const KEY = Symbol.for('docusaurus-plugin-roles.registry');

function registry(): Registry {
  const holder = globalThis as typeof globalThis & {[KEY]?: Registry};
  holder[KEY] ??= {hosts: new Map()};
  return holder[KEY];
}

/** Record (or replace) a site's host. */
export function registerHost(host: RolesHost): void {
  registry().hosts.set(path.resolve(host.siteDir), host);
}

/**
 * The host of the site a file belongs to: the deepest site folder that
 * contains it, else the only registered site (docs may live outside the
 * site folder), else none.
 */
export function findHost(filePath: string | undefined): RolesHost | undefined {
  const {hosts} = registry();
  if (filePath) {
    const resolved = path.resolve(filePath);
    let best: [string, RolesHost] | undefined;
    for (const [siteDir, host] of hosts) {
      const inside = resolved === siteDir || resolved.startsWith(siteDir + path.sep);
      if (inside && (!best || siteDir.length > best[0].length)) best = [siteDir, host];
    }
    if (best) return best[1];
  }
  return hosts.size === 1 ? hosts.values().next().value : undefined;
}
