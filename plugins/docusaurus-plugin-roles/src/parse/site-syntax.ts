/**
 * What an instance's own remark plugins add to the syntax, read from the
 * site config before anything is parsed (`syntax.ts` builds the parser from
 * it, only when a file must be parsed).
 *
 * Syntax is what a plugin's attacher registers through `this.data()`
 * (`micromarkExtensions`, `fromMarkdownExtensions`); a plugin's transformer
 * runs on the tree later: one listed before `remarkRoles` is named in
 * `transformsBefore`, since the table cannot reproduce what it makes.
 */
import {createHash} from 'node:crypto';
import type {Extension as MdastExtension} from 'mdast-util-from-markdown';
import type {Extension as MicromarkExtension} from 'micromark-util-types';
import {unified} from 'unified';

/** A remark plugin as a content plugin lists it: `plugin` or `[plugin, options]`. */
export type PluginEntry = unknown;

/** The remark plugins of one content plugin instance, as its options list them. */
export interface SitePlugins {
  beforeDefaultRemarkPlugins?: readonly PluginEntry[];
  remarkPlugins?: readonly PluginEntry[];
}

/** What the aggregator learns from an instance's remark plugins. */
export interface SiteSyntax {
  /** Syntax extensions of the plugins, in the loader's order (before and after the defaults). */
  before: Registered[];
  after: Registered[];
  /** Identifies them; `''` when there are none. */
  key: string;
  /**
   * Plugins listed before `remarkRoles` that transform the tree (their
   * attacher returns a transformer): the page's `remarkRoles` sees what they
   * made, which the table does not reproduce. By function name.
   */
  transformsBefore: string[];
}

/** The syntax extensions one plugin registered. */
export interface Registered {
  micromark: MicromarkExtension[];
  mdast: Array<MdastExtension | MdastExtension[]>;
}

/** `remarkRoles` marks itself with this registered symbol (see `remark/plugin.ts`). */
const REMARK_MARKER = Symbol.for('docusaurus-plugin-roles.remark');

/** The plugin function and its options, or `undefined` for an entry that is off or not a function. */
function pluginOf(entry: PluginEntry): {plugin: (...args: unknown[]) => unknown; options: unknown[]} | undefined {
  const [plugin, ...options] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
  if (typeof plugin !== 'function' || options[0] === false) return undefined;
  return {plugin: plugin as (...args: unknown[]) => unknown, options: options[0] === true ? [] : options};
}

/** Whether an entry is `remarkRoles` (no syntax, and its attacher needs no second call). */
function isRemarkRoles(plugin: (...args: unknown[]) => unknown): boolean {
  return (plugin as unknown as Record<symbol, unknown>)[REMARK_MARKER] === true || plugin.name === 'remarkRoles';
}

/**
 * The syntax extensions an instance's plugins register: each attacher is
 * called once, as unified calls it when the loader's processor freezes, on a
 * processor of its own, and what it adds to `micromarkExtensions` and
 * `fromMarkdownExtensions` is kept. A plugin that throws here throws in the
 * page's compile too; it adds nothing here.
 */
export function siteSyntax(plugins: SitePlugins): SiteSyntax {
  const transformsBefore: string[] = [];
  // Everything before remarkRoles: all of beforeDefaultRemarkPlugins (unless
  // it lists remarkRoles itself), then remarkPlugins up to remarkRoles.
  let beforeRoles = true;
  const registered = (list: readonly PluginEntry[] | undefined): Registered[] => {
    const found: Registered[] = [];
    for (const entry of list ?? []) {
      const item = pluginOf(entry);
      if (!item) continue;
      if (isRemarkRoles(item.plugin)) {
        beforeRoles = false;
        continue;
      }
      const scratch = unified();
      let transformer: unknown;
      try {
        transformer = item.plugin.call(scratch, ...item.options);
      } catch {
        continue;
      }
      if (beforeRoles && typeof transformer === 'function') transformsBefore.push(item.plugin.name || 'anonymous');
      const data = scratch.data() as {micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: Registered['mdast']};
      const micromark = data.micromarkExtensions ?? [];
      const mdast = data.fromMarkdownExtensions ?? [];
      if (micromark.length > 0 || mdast.length > 0) found.push({micromark, mdast});
    }
    return found;
  };
  const before = registered(plugins.beforeDefaultRemarkPlugins);
  const after = registered(plugins.remarkPlugins);
  const all = [...before, ...after];
  return {before, after, key: all.length === 0 ? '' : digest(all), transformsBefore};
}

/**
 * A stable digest of plugin syntax: the code of every function and every
 * value reachable from the extensions (options captured in closures show in
 * the constructs the plugin built from them), so another version or other
 * options of a site plugin give another key.
 */
function digest(value: unknown): string {
  const hash = createHash('sha256');
  const seen = new Set<unknown>();
  const walk = (item: unknown, depth: number): void => {
    if (depth > 12) return;
    if (typeof item === 'function') {
      if (seen.has(item)) return;
      seen.add(item);
      hash.update(`f${item.toString()}\0`);
      return;
    }
    if (item === null || typeof item !== 'object') {
      hash.update(`${typeof item}:${String(item)}\0`);
      return;
    }
    if (seen.has(item)) return;
    seen.add(item);
    for (const key of Object.keys(item).sort()) {
      hash.update(`k${key}\0`);
      walk((item as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(value, 0);
  return hash.digest('base64url');
}
