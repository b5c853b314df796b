/**
 * Docs versions in the table: which version an embedded table shows by
 * default (the one the reader is browsing), from the docs plugin's data.
 * How the shown versions are named is pure (`docusaurus-plugin-roles/client`).
 */
import {useMemo} from 'react';
import {useActivePluginAndVersion, useAllDocsData} from '@docusaurus/plugin-content-docs/client';
import {
  describeShownVersions,
  resolveVersionScope,
  versionKey,
  type DocsVersion,
  type ShownVersions,
  type VersionScope,
} from 'docusaurus-plugin-roles/client';

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

// Pure, shared with Node.js: re-exported for components swizzled around this module.
export {describeShownVersions, versionKey, type ShownVersions};
