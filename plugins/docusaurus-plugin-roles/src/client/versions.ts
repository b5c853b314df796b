/**
 * Which docs versions a table shows. One resolution for the table pages the
 * plugin adds (`tableVersion` option) and for embedded tables (`version`
 * prop), so both mean the same by the same value. Pure and dependency-free:
 * runs in Node and the browser.
 */

/** A docs version as the docs plugin describes it (its global data in the browser). */
export interface DocsVersion {
  /** The version name: `current`, `1.0`… */
  name: string;
  /** What readers see, as the docs' version dropdown shows it (`Next`, `1.0`…). */
  label: string;
  /** The version a reader lands on: the docs plugin's `lastVersion`. */
  isLast: boolean;
}

/**
 * The version each docs plugin instance shows, by instance id; `null` shows
 * every version. Blog posts and Markdown pages have no version: always shown.
 */
export type VersionScope = Readonly<Record<string, string>> | null;

/** The value that shows every version. */
export const ALL_VERSIONS = 'all';
/** The value that shows each instance's last version, the one a reader lands on. */
export const LAST_VERSION = 'last';

/**
 * What a `version` value shows, given each docs instance's versions:
 * `'all'` every version; `'last'` each instance's last version; a version
 * name that version in the instances that have it, the last version in the
 * others. `active` (the doc being read) wins for its own instance when the
 * value is not given.
 */
export function resolveVersionScope(
  value: string | undefined,
  instances: Readonly<Record<string, readonly DocsVersion[]>>,
  active?: {pluginId: string; name: string},
): VersionScope {
  if (value === ALL_VERSIONS) return null;
  const scope: Record<string, string> = {};
  for (const [pluginId, versions] of Object.entries(instances)) {
    const last = versions.find((version) => version.isLast) ?? versions[0];
    const named = value !== undefined && versions.some((version) => version.name === value) ? value : undefined;
    const own = value === undefined && active?.pluginId === pluginId ? active.name : undefined;
    const chosen = named ?? own ?? last?.name;
    if (chosen !== undefined) scope[pluginId] = chosen;
  }
  return scope;
}

/** Whether an entry (a duty) is in a version scope. */
export function inVersionScope(
  entry: {readonly kind: string; readonly pluginId: string; readonly version: string | null},
  scope: VersionScope,
): boolean {
  if (scope === null || entry.kind !== 'docs' || entry.version === null) return true;
  const chosen = scope[entry.pluginId];
  return chosen === undefined || chosen === entry.version;
}
