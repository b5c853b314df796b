/**
 * Docs versions in the table: which version an embedded table shows by
 * default (the one the reader is browsing), and how the shown versions are
 * named (in the caption, or on each duty when several are shown).
 */
import {useMemo} from 'react';
import {useActivePluginAndVersion, useAllDocsData} from '@docusaurus/plugin-content-docs/client';
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {resolveVersionScope, type DocsVersion, type VersionScope} from 'docusaurus-plugin-roles/client';

/** The key of a duty's docs instance and version. */
export function versionKey(entry: Pick<RoleEntry, 'pluginId' | 'version'>): string {
  return `${entry.pluginId}\0${entry.version}`;
}

/** Every docs instance's versions, from the docs plugin's own data. */
export function useDocsVersions(): Record<string, DocsVersion[]> {
  const allDocs = useAllDocsData();
  return useMemo(
    () =>
      Object.fromEntries(
        Object.entries(allDocs).map(([pluginId, data]) => [
          pluginId,
          data.versions.map(({name, label, isLast}) => ({name, label, isLast})),
        ]),
      ),
    [allDocs],
  );
}

/**
 * What the `version` prop shows: by default the version of the doc the
 * table is on (the reader's), the last version of the other instances.
 */
export function useVersionScope(value: string | undefined): VersionScope {
  const versions = useDocsVersions();
  const active = useActivePluginAndVersion();
  const pluginId = active?.activePlugin.pluginId;
  const name = active?.activeVersion?.name;
  return useMemo(
    () => resolveVersionScope(value, versions, pluginId !== undefined && name !== undefined ? {pluginId, name} : undefined),
    [value, versions, pluginId, name],
  );
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
  entries: readonly RoleEntry[],
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
