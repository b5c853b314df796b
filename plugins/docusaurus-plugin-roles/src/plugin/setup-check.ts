/**
 * Detect the one setup step Docusaurus cannot do for us: listing
 * `remarkRoles` in the `remarkPlugins` of every content plugin instance
 * (docs, blog, pages) whose files hold annotations (facebook/docusaurus#5999).
 * We read the site config as written, and name the exact option to fix.
 */
import type {DocusaurusConfig} from '@docusaurus/types';
import {REMARK_MARKER} from '../remark/registry.js';
import type {ContentKind} from '../types.js';

/** The content plugins that compile Markdown, by the kind of page they make. */
const CONTENT_PLUGINS: ReadonlyArray<{kind: ContentKind; presetKey: string; plugin: RegExp; name: string}> = [
  {kind: 'docs', presetKey: 'docs', plugin: /content-docs$/, name: '@docusaurus/plugin-content-docs'},
  {kind: 'blog', presetKey: 'blog', plugin: /content-blog$/, name: '@docusaurus/plugin-content-blog'},
  {kind: 'page', presetKey: 'pages', plugin: /content-pages$/, name: '@docusaurus/plugin-content-pages'},
];

/** How readers of messages call each kind of content plugin. */
const KIND_NAMES: Record<ContentKind, string> = {docs: 'docs', blog: 'blog', page: 'pages'};

/** One content plugin instance the config declares, and whether it runs `remarkRoles`. */
export interface ContentInstanceSetup {
  kind: ContentKind;
  pluginId: string;
  registered: boolean;
  /**
   * The config line that registers `remarkRoles` for this very instance:
   * its entry as the config declares it, options kept, `remarkRoles` added
   * (see `optionsWithRemarkRoles`), `…` for what the line does not repeat.
   */
  fix: string;
  /** Its options as the config writes them (not validated, no defaults). */
  options: Record<string, unknown>;
}

/** Whether a `remarkPlugins` item is `remarkRoles` (alone or with options). */
export function isRemarkRoles(item: unknown): boolean {
  const plugin = Array.isArray(item) ? item[0] : item;
  return (
    typeof plugin === 'function' &&
    ((plugin as unknown as Record<symbol, unknown>)[REMARK_MARKER] === true ||
      plugin.name === 'remarkRoles')
  );
}

function listsRemarkRoles(options: Record<string, unknown>): boolean {
  return [options.remarkPlugins, options.beforeDefaultRemarkPlugins].some(
    (list) => Array.isArray(list) && (list as unknown[]).some(isRemarkRoles),
  );
}

function entry(item: unknown): [name: unknown, options: Record<string, unknown>] | undefined {
  if (!item) return undefined;
  if (Array.isArray(item)) return [item[0], (item[1] as Record<string, unknown>) ?? {}];
  return [item, {}];
}

/** A string as a JavaScript literal in single quotes, as configs are written. */
function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** An object key as configs write it: bare when it is an identifier. */
function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

/** A plain literal as the config writes it; `…` for anything else (kept as the config has it). */
function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return '…';
}

/**
 * An instance's options as the config writes them, with `remarkRoles` added
 * to its `remarkPlugins` (last). Plain values are shown; any other (a
 * function, a list, an object) is `…`, so the line is either complete or
 * not valid JavaScript, never a shorter config that silently drops options.
 */
function optionsWithRemarkRoles(options: Record<string, unknown>): string {
  const parts = Object.entries(options)
    .filter(([name, value]) => name !== 'remarkPlugins' && value !== undefined)
    .map(([name, value]) => `${key(name)}: ${literal(value)}`);
  const others = Array.isArray(options.remarkPlugins) && options.remarkPlugins.length > 0;
  parts.push(`remarkPlugins: [${others ? '…, ' : ''}remarkRoles]`);
  return `{${parts.join(', ')}}`;
}

/** `item` among others, as `…` where they are (before, after), so it is not mistaken for the whole list. */
function among(item: string, index: number, count: number): string {
  return `${index > 0 ? '…, ' : ''}${item}${index < count - 1 ? ', …' : ''}`;
}

/** Where an entry sits in its list: its index and the list's length. */
interface Place {
  index: number;
  count: number;
}

/**
 * The line to change for an instance declared in the classic preset: the
 * preset's entry with this instance's options and `remarkRoles` added, `…`
 * for the preset's other options and the other presets.
 */
function presetFix(presetName: string, presetKey: string, options: Record<string, unknown>, preset: Record<string, unknown>, place: Place): string {
  const keys = Object.keys(preset).includes(presetKey) ? Object.keys(preset) : [...Object.keys(preset), presetKey];
  const own = `${presetKey}: ${optionsWithRemarkRoles(options)}`;
  const entry = `[${quote(presetName)}, {${among(own, keys.indexOf(presetKey), keys.length)}}]`;
  return `presets: [${among(entry, place.index, place.count)}]`;
}

/** The line to change for an instance declared in `plugins`: its entry with `remarkRoles` added, `…` for the other plugins. */
function pluginFix(pluginName: string, options: Record<string, unknown>, place: Place): string {
  return `plugins: [${among(`[${quote(pluginName)}, ${optionsWithRemarkRoles(options)}]`, place.index, place.count)}]`;
}

/**
 * Every docs, blog and pages plugin instance the config declares in a way we
 * recognize (the classic preset's `docs`, `blog` and `pages`, or the content
 * plugins in `plugins`), with whether `remarkRoles` is registered and the line
 * that fixes it. Instances declared otherwise (a custom preset) are absent:
 * we cannot tell, and the check after the build covers them.
 */
export function contentInstancesSetup(siteConfig: DocusaurusConfig): ContentInstanceSetup[] {
  const result: ContentInstanceSetup[] = [];
  const presets = siteConfig.presets ?? [];
  presets.forEach((item, index) => {
    const [name, options] = entry(item) ?? [];
    if (typeof name !== 'string' || !/(^|[/-])classic$/.test(name) || !options) return;
    for (const {kind, presetKey} of CONTENT_PLUGINS) {
      const pluginOptions = options[presetKey];
      if (pluginOptions === false) continue;
      const values = (pluginOptions ?? {}) as Record<string, unknown>;
      const pluginId = (values.id as string | undefined) ?? 'default';
      const fix = presetFix(name, presetKey, values, options, {index, count: presets.length});
      result.push({kind, pluginId, registered: listsRemarkRoles(values), fix, options: values});
    }
  });
  const plugins = siteConfig.plugins ?? [];
  plugins.forEach((item, index) => {
    const [name, options] = entry(item) ?? [];
    if (typeof name !== 'string' || !options) return;
    const known = CONTENT_PLUGINS.find((candidate) => candidate.plugin.test(name));
    if (!known) return;
    const pluginId = (options.id as string | undefined) ?? 'default';
    const fix = pluginFix(name, options, {index, count: plugins.length});
    result.push({kind: known.kind, pluginId, registered: listsRemarkRoles(options), fix, options});
  });
  return result;
}

/** What a message adds after fix lines that hold `…` (they show only the entry to change): nothing when none does. */
export function ellipsisNote(fixes: readonly string[]): string {
  return fixes.some((fix) => fix.includes('…')) ? ' (`…` stands for what the config already has there: keep it)' : '';
}

/** "the blog plugin instance `news`", as messages name an instance. */
export function describeInstance(kind: ContentKind, pluginId: string): string {
  return `the ${KIND_NAMES[kind]} plugin instance \`${pluginId}\``;
}

/**
 * The line that registers `remarkRoles` for an instance: the declared one
 * when the config shows it, else the classic preset's form.
 */
export function remarkFix(siteConfig: DocusaurusConfig, kind: ContentKind, pluginId: string): string {
  const declared = contentInstancesSetup(siteConfig).find(
    (instance) => instance.kind === kind && instance.pluginId === pluginId,
  );
  if (declared) return declared.fix;
  const known = CONTENT_PLUGINS.find((candidate) => candidate.kind === kind)!;
  const only = {index: 0, count: 1};
  return pluginId === 'default'
    ? presetFix('classic', known.presetKey, {}, {[known.presetKey]: {}}, only)
    : pluginFix(known.name, {id: pluginId}, only);
}
