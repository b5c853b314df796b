/**
 * Detect the one setup step Docusaurus cannot do for us: listing
 * `remarkRoles` in the docs plugin's `remarkPlugins` (facebook/docusaurus#5999).
 * We read the site config as written, for each docs plugin instance.
 */
import type {DocusaurusConfig} from '@docusaurus/types';

/** Marks the remark plugin, so it is recognized across module instances. */
export const REMARK_MARKER = Symbol.for('docusaurus-plugin-roles.remark');

type PluginList = unknown[] | undefined;

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
    (list) => Array.isArray(list as PluginList) && (list as unknown[]).some(isRemarkRoles),
  );
}

function entry(item: unknown): [name: unknown, options: Record<string, unknown>] | undefined {
  if (!item) return undefined;
  if (Array.isArray(item)) return [item[0], (item[1] as Record<string, unknown>) ?? {}];
  return [item, {}];
}

/**
 * For each docs plugin instance the config declares in a way we recognize
 * (the classic preset's `docs`, or `@docusaurus/plugin-content-docs` in
 * `plugins`), whether `remarkRoles` is registered. Instances declared
 * otherwise (a custom preset) are absent from the map: we cannot tell.
 */
export function remarkRolesByDocsInstance(siteConfig: DocusaurusConfig): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (const item of siteConfig.presets ?? []) {
    const [name, options] = entry(item) ?? [];
    if (typeof name !== 'string' || !/(^|[/-])classic$/.test(name) || !options) continue;
    const docs = options.docs;
    if (docs === false) continue;
    const docsOptions = (docs ?? {}) as Record<string, unknown>;
    result.set((docsOptions.id as string) ?? 'default', listsRemarkRoles(docsOptions));
  }
  for (const item of siteConfig.plugins ?? []) {
    const [name, options] = entry(item) ?? [];
    if (typeof name !== 'string' || !/content-docs$/.test(name) || !options) continue;
    result.set((options.id as string) ?? 'default', listsRemarkRoles(options));
  }
  return result;
}
