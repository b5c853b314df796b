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
  /** The config line that registers `remarkRoles` for this very instance. */
  fix: string;
  /** Its options as the config writes them (not validated, no defaults). */
  options: Record<string, unknown>;
}

function isRemarkRoles(item: unknown): boolean {
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

/** `id: 'news', ` when the instance is not the default one. */
function idPart(pluginId: string): string {
  return pluginId === 'default' ? '' : `id: ${quote(pluginId)}, `;
}

/** The line to add for an instance declared in the classic preset. */
function presetFix(presetName: string, presetKey: string, pluginId: string): string {
  return `presets: [[${quote(presetName)}, {${presetKey}: {${idPart(pluginId)}remarkPlugins: [remarkRoles]}}]]`;
}

/** The line to add for an instance declared in `plugins`. */
function pluginFix(pluginName: string, pluginId: string): string {
  return `plugins: [[${quote(pluginName)}, {${idPart(pluginId)}remarkPlugins: [remarkRoles]}]]`;
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
  for (const item of siteConfig.presets ?? []) {
    const [name, options] = entry(item) ?? [];
    if (typeof name !== 'string' || !/(^|[/-])classic$/.test(name) || !options) continue;
    for (const {kind, presetKey} of CONTENT_PLUGINS) {
      const pluginOptions = options[presetKey];
      if (pluginOptions === false) continue;
      const values = (pluginOptions ?? {}) as Record<string, unknown>;
      const pluginId = (values.id as string | undefined) ?? 'default';
      const fix = presetFix(name, presetKey, pluginId);
      result.push({kind, pluginId, registered: listsRemarkRoles(values), fix, options: values});
    }
  }
  for (const item of siteConfig.plugins ?? []) {
    const [name, options] = entry(item) ?? [];
    if (typeof name !== 'string' || !options) continue;
    const known = CONTENT_PLUGINS.find((candidate) => candidate.plugin.test(name));
    if (!known) continue;
    const pluginId = (options.id as string | undefined) ?? 'default';
    const fix = pluginFix(name, pluginId);
    result.push({kind: known.kind, pluginId, registered: listsRemarkRoles(options), fix, options});
  }
  return result;
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
  return pluginId === 'default' ? presetFix('classic', known.presetKey, pluginId) : pluginFix(known.name, pluginId);
}
