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

/** What a host (one plugin instance of a site) tells the remark plugin. */
export interface RolesHost {
  siteDir: string;
  /** The plugin instance's id (`default` unless the site sets `id`). */
  instanceId: string;
  config: RolesConfig;
  /** `onInvalidAnnotation`. */
  severity: Severity;
  pageSummary: boolean;
  /** Absolute path of the generated entries JSON module, for embedded tables. */
  entriesModule: string | undefined;
  /**
   * Every docs, blog and pages file of the content plugin instances that
   * belong to this instance, by absolute path, filled once all content
   * is loaded (before any page is compiled), like the docs plugin's own
   * source-to-permalink map for Markdown links. A blog post is also rendered
   * on list pages, so its callouts cannot take their page from the URL.
   */
  pages: Map<string, PublishedPage>;
  /**
   * Report a compiled file's problems (positioned, `file` as shown; none
   * when it has none), as the severity says: throw to fail the page's
   * compile, or tell the author. `content` is what was compiled, so that a
   * host can tell a change from a second compile of the same text.
   */
  report(file: string, content: string, problems: readonly Problem[], severity: Severity): void;
  /**
   * A page's compile rendered `listed` callouts that the table should list
   * (`filePath`: absolute, a key of `pages`), so that the check after the
   * build reads that page even if the table has no row from it.
   */
  rendered?(filePath: string, listed: number): void;
  /**
   * The module of a file's handoffs, which the page imports so that both
   * ends of a link update (the Docusaurus plugin writes it; absent: no
   * handoffs shown). It must exist when this returns.
   */
  handoffModule?: (filePath: string) => string;
}

/** The hosts of one site: one per plugin instance, from the latest load of the site. */
interface Site {
  /** What the hosts were registered with (Docusaurus's context of one load of the site). */
  generation: object;
  hosts: Map<string, RolesHost>;
}

interface Registry {
  /** By resolved site folder. */
  sites: Map<string, Site>;
}

const KEY = Symbol.for('docusaurus-plugin-roles.registry.v2');

function registry(): Registry {
  const holder = globalThis as typeof globalThis & {[KEY]?: Registry};
  holder[KEY] ??= {sites: new Map()};
  return holder[KEY];
}

/**
 * Record a plugin instance's host. `generation` is what every instance of
 * one load of the site shares (Docusaurus's `LoadContext`): a new load (a
 * locale of a build, a config change under `npm start`) replaces all the
 * hosts of the previous one, so a removed instance leaves nothing behind.
 */
export function registerHost(host: RolesHost, generation: object): void {
  const {sites} = registry();
  const siteDir = path.resolve(host.siteDir);
  let site = sites.get(siteDir);
  if (site?.generation !== generation) {
    site = {generation, hosts: new Map()};
    sites.set(siteDir, site);
  }
  site.hosts.set(host.instanceId, host);
}

/** The ids of the plugin instances registered for a site, in registration order. */
export function hostIds(siteDir: string): string[] {
  return [...(registry().sites.get(path.resolve(siteDir))?.hosts.keys() ?? [])];
}

/** A setup mistake, said by its message alone (no stack: where it was thrown tells an author nothing). */
class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}
SetupError.prototype.name = 'Error';

/**
 * The host a compiled file belongs to, or none (the remark plugin used
 * without Docusaurus):
 *
 * - the site: the deepest registered site folder that contains the file,
 *   else the only registered site (docs may live outside the site folder);
 * - the instance: the one `instance` names, else the site's only one, else
 *   the one whose pages hold the file. Anything else is ambiguous, and
 *   fails with the fix named.
 */
export function findHost(filePath: string | undefined, instance?: string): RolesHost | undefined {
  const site = findSite(filePath);
  if (!site) {
    if (instance === undefined) return undefined;
    throw new SetupError(
      `remarkRoles is given \`instance: '${instance}'\`, but no docusaurus-plugin-roles instance runs for ${filePath ?? 'this file'}: add the plugin to the site, or leave \`instance\` out when remarkRoles runs alone.`,
    );
  }
  // In one order whichever registered first: `default`, then by name.
  const ids = [...site.hosts.keys()].sort((a, b) => Number(b === 'default') - Number(a === 'default') || a.localeCompare(b));
  if (instance !== undefined) {
    const host = site.hosts.get(instance);
    if (host) return host;
    throw new SetupError(
      `remarkRoles is given \`instance: '${instance}'\`, but the site's docusaurus-plugin-roles instances are ${list(ids)}: set \`instance\` to one of them.`,
    );
  }
  if (site.hosts.size === 1) return site.hosts.values().next().value;
  const resolved = filePath ? path.resolve(filePath) : undefined;
  const owners = [...site.hosts.values()].filter((host) => resolved !== undefined && host.pages.has(resolved));
  if (owners.length === 1) return owners[0];
  throw new SetupError(
    `${filePath ?? 'A file'} is compiled by a remarkRoles without \`instance\`, and the site has ${ids.length} docusaurus-plugin-roles instances (${list(ids)}): say which one its pages belong to, in the remarkPlugins of the content plugin that compiles it: [remarkRoles, {instance: '${ids[0]}'}].`,
  );
}

/** The site a file belongs to (see `findHost`). */
function findSite(filePath: string | undefined): Site | undefined {
  const {sites} = registry();
  if (filePath) {
    const resolved = path.resolve(filePath);
    let best: [string, Site] | undefined;
    for (const [siteDir, site] of sites) {
      const inside = resolved === siteDir || resolved.startsWith(siteDir + path.sep);
      if (inside && (!best || siteDir.length > best[0].length)) best = [siteDir, site];
    }
    if (best) return best[1];
  }
  return sites.size === 1 ? sites.values().next().value : undefined;
}

/** `'a', 'b'` */
function list(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
