/**
 * The files this plugin writes into the build output (the table page, the
 * exports) must never replace, or be blocked by, a file someone else writes
 * there: a page, a static file, another plugin's file (a sitemap, a blog
 * feed), another locale's folder, another instance of this plugin.
 *
 * Everything is compared as the file system will see it: the file a route
 * is written to (as Docusaurus's static site generation names it), paths
 * without case (macOS and Windows do not tell `Index.html` from
 * `index.html`), and a file where another needs a folder (the route
 * `/robots.txt` is the folder `robots.txt/` beside a static `robots.txt`).
 */
import {readdir} from 'node:fs/promises';
import path from 'node:path';
import type {DocusaurusConfig} from '@docusaurus/types';

/** A file (or folder) of the build output, `/`-separated, relative to the output folder, and who writes it. */
export interface OutputClaim {
  file: string;
  /** Who writes it, as messages name it: "the page `/` of docusaurus-plugin-content-pages (…)". */
  owner: string;
}

/**
 * The file Docusaurus writes a route's page to, relative to the output
 * folder: `x.html` as is, else `x/index.html` or `x.html` as `trailingSlash`
 * says (Docusaurus's `pathnameToFilename`, with the `baseUrl` removed).
 */
export function routeFile(pathname: string, {baseUrl, trailingSlash}: {baseUrl: string; trailingSlash: boolean | undefined}): string {
  const local = baseUrl !== '/' && pathname.startsWith(baseUrl) ? `/${pathname.slice(baseUrl.length)}` : pathname;
  const name = local.replace(/^\/+/, '');
  if (/\.html?$/i.test(name)) return name;
  if (trailingSlash === undefined || trailingSlash || name === '' || name.endsWith('/')) {
    return path.posix.join(name, 'index.html');
  }
  return `${name}.html`;
}

/** `a/b` as the file system compares it: no case, no empty segment. */
function segments(file: string): string[] {
  return file
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .map((segment) => segment.toLowerCase());
}

/** Whether two output paths are the same file, or one is a folder the other needs. */
export function overlaps(a: string, b: string): boolean {
  const left = segments(a);
  const right = segments(b);
  const shorter = Math.min(left.length, right.length);
  return shorter > 0 && left.slice(0, shorter).every((segment, index) => segment === right[index]);
}

/** The first claim that `file` overlaps, if any. */
export function conflictWith(file: string, claims: readonly OutputClaim[]): OutputClaim | undefined {
  return claims.find((claim) => overlaps(file, claim.file));
}

/**
 * The static file or folder (`static/robots.txt`) that `file` would
 * replace or be blocked by, if any: Docusaurus copies every file of the
 * site's `staticDirectories` to the output folder. Reads only the folders
 * along `file`'s path.
 */
export async function staticConflict(
  file: string,
  {siteDir, staticDirectories}: {siteDir: string; staticDirectories: readonly string[]},
): Promise<string | undefined> {
  const wanted = file.split('/').filter((segment) => segment !== '');
  for (const staticDir of staticDirectories) {
    let folder = path.resolve(siteDir, staticDir);
    for (const [index, segment] of wanted.entries()) {
      const entries = await readdir(folder, {withFileTypes: true}).catch(() => []);
      const found = entries.find((entry) => entry.name.toLowerCase() === segment.toLowerCase());
      if (!found) break;
      const shown = path.relative(siteDir, path.join(folder, found.name)).split(path.sep).join('/');
      // The same name, or a file where a folder is needed.
      if (index === wanted.length - 1 || !found.isDirectory()) return shown;
      folder = path.join(folder, found.name);
    }
  }
  return undefined;
}

/** A plugin entry of the config: its name and options as written. */
function entries(list: unknown[] | undefined): Array<[string, Record<string, unknown>]> {
  return (list ?? []).flatMap((item) => {
    const [name, options] = Array.isArray(item) ? item : [item, {}];
    return typeof name === 'string' ? [[name, (options ?? {}) as Record<string, unknown>] as [string, Record<string, unknown>]] : [];
  });
}

/** The blog's feed files for its options (`feedOptions.type`: default rss and atom). */
function feedFiles(options: Record<string, unknown>): string[] {
  const feed = options.feedOptions as {type?: unknown} | undefined;
  const type = feed?.type === undefined ? ['rss', 'atom'] : feed.type;
  const types = type === 'all' ? ['rss', 'atom', 'json'] : type === null ? [] : [type].flat();
  const base = typeof options.routeBasePath === 'string' ? options.routeBasePath : 'blog';
  const names: Record<string, string> = {rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json'};
  return types.flatMap((each) => (typeof each === 'string' && names[each] ? [`${base.replace(/^\/+|\/+$/g, '')}/${names[each]}`] : []));
}

/**
 * Files other plugins write after the build that the config shows: the
 * sitemap (`@docusaurus/plugin-sitemap`, in the classic preset unless
 * `sitemap: false`) and each blog's feeds.
 */
export function pluginOutputs(siteConfig: Pick<DocusaurusConfig, 'presets' | 'plugins'>): OutputClaim[] {
  const claims: OutputClaim[] = [];
  const sitemap = (options: Record<string, unknown>, where: string) =>
    claims.push({
      file: typeof options.filename === 'string' ? options.filename : 'sitemap.xml',
      owner: `the sitemap of @docusaurus/plugin-sitemap (${where})`,
    });
  const blog = (options: Record<string, unknown>, where: string) => {
    const id = typeof options.id === 'string' ? options.id : 'default';
    for (const file of feedFiles(options)) claims.push({file, owner: `a feed of the blog plugin instance \`${id}\` (${where})`});
  };
  for (const [name, options] of entries(siteConfig.presets as unknown[])) {
    if (!/(^|[/-])classic$/.test(name)) continue;
    if (options.sitemap !== false) sitemap((options.sitemap ?? {}) as Record<string, unknown>, 'the classic preset');
    if (options.blog !== false) blog((options.blog ?? {}) as Record<string, unknown>, 'the classic preset');
  }
  for (const [name, options] of entries(siteConfig.plugins as unknown[])) {
    if (/plugin-sitemap$/.test(name)) sitemap(options, name);
    else if (/plugin-content-blog$/.test(name)) blog(options, name);
  }
  return claims;
}

/**
 * The other locales' folders, in the output of the default locale (whose
 * output holds them): `es/` is the Spanish site's.
 */
export function localeFolders({currentLocale, defaultLocale, locales}: {currentLocale: string; defaultLocale: string; locales: readonly string[]}): OutputClaim[] {
  if (currentLocale !== defaultLocale) return [];
  return locales.filter((locale) => locale !== defaultLocale).map((locale) => ({file: locale, owner: `the ${locale} locale's site`}));
}

/**
 * What each plugin instance of one load of the site writes (the table page,
 * the exports), by instance. On `globalThis`: Docusaurus may load each
 * instance of a plugin from its own module instance.
 */
function instanceClaimsRegistry(): WeakMap<object, Map<string, OutputClaim[]>> {
  const key = Symbol.for('docusaurus-plugin-roles.output-claims');
  const holder = globalThis as typeof globalThis & {[key]?: WeakMap<object, Map<string, OutputClaim[]>>};
  holder[key] ??= new WeakMap();
  return holder[key];
}

/**
 * Record what an instance writes, for the site's other instances to check
 * (`generation`: what one load of the site shares, its `LoadContext`).
 */
export function claimOutputs(generation: object, instanceId: string, claims: readonly OutputClaim[]): void {
  const registry = instanceClaimsRegistry();
  let byInstance = registry.get(generation);
  if (!byInstance) {
    byInstance = new Map();
    registry.set(generation, byInstance);
  }
  byInstance.set(instanceId, [...claims]);
}

/** What the site's other instances of this plugin write. */
export function otherInstancesOutputs(generation: object, instanceId: string): OutputClaim[] {
  return [...(instanceClaimsRegistry().get(generation) ?? [])].flatMap(([id, claims]) => (id === instanceId ? [] : claims));
}
