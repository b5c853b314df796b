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

/** The key of a duty's docs instance and version. */
export function versionKey(entry: {readonly pluginId: string; readonly version: string | null}): string {
  return `${entry.pluginId}\0${entry.version}`;
}

/** How the versions of the shown duties are named. */
export interface ShownVersions {
  /** The one docs version the table shows, for its caption; `undefined` when the docs are not versioned or several are shown. */
  caption: string | undefined;
  /** Labels for each duty, by `versionKey`, when several versions of one instance are shown. */
  perDuty: ReadonlyMap<string, string> | undefined;
}

/** Names the versions among `entries`: of versioned docs instances only (several versions). */
export function describeShownVersions(
  entries: ReadonlyArray<{readonly kind: string; readonly pluginId: string; readonly version: string | null}>,
  versions: Readonly<Record<string, readonly DocsVersion[]>>,
): ShownVersions {
  const shown = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.kind !== 'docs' || entry.version === null || (versions[entry.pluginId]?.length ?? 0) < 2) continue;
    const names = shown.get(entry.pluginId) ?? new Set<string>();
    names.add(entry.version);
    shown.set(entry.pluginId, names);
  }
  const labelOf = (pluginId: string, name: string) =>
    versions[pluginId]?.find((version) => version.name === name)?.label ?? name;
  if ([...shown.values()].some((names) => names.size > 1)) {
    const perDuty = new Map<string, string>();
    for (const [pluginId, names] of shown) {
      for (const name of names) perDuty.set(versionKey({pluginId, version: name}), labelOf(pluginId, name));
    }
    return {caption: undefined, perDuty};
  }
  const labels = new Set([...shown].map(([pluginId, names]) => labelOf(pluginId, [...names][0]!)));
  return {caption: labels.size > 0 ? [...labels].join(', ') : undefined, perDuty: undefined};
}
