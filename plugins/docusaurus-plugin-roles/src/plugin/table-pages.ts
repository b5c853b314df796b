/**
 * The table pages of a site with versioned docs, as Docusaurus readers know
 * versions from the docs themselves: the last version (the one a reader
 * lands on) at `tablePath`, every other version at `tablePath/<its path>`
 * (`/roles/next`, `/roles/1.0`), like the docs' own `/docs/next` and
 * `/docs/1.0`, each page naming its version and linking to the others.
 * Pure: the lifecycle hands the docs versions in, and adds the routes.
 */
import type {AllContent} from '@docusaurus/types';
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import {resolveVersionScope, type DocsVersion, type VersionScope} from '../client/versions.js';

/** The option value that adds one table page per docs version. */
export const EACH_VERSION = 'each';

/** A docs version with its route, as the docs plugin loaded it. */
export interface RoutedVersion extends DocsVersion {
  /** The version's route, baseUrl included (`/docs/next`). */
  path: string;
}

/** One table page: where it is, what it shows, and how readers name it. */
export interface TablePage {
  /** Route, baseUrl included. */
  path: string;
  /** The docs version each instance shows there (`null`: every version). */
  scope: VersionScope;
  /** The version's label, when the site's docs have several versions; `null` otherwise. */
  label: string | null;
}

/** Each docs plugin instance's versions, newest first, as loaded. */
export function docsVersions(allContent: AllContent): Record<string, RoutedVersion[]> {
  const instances = (allContent['docusaurus-plugin-content-docs'] ?? {}) as Record<string, LoadedContent | undefined>;
  return Object.fromEntries(
    Object.entries(instances).map(([pluginId, content]) => [
      pluginId,
      (content?.loadedVersions ?? []).map(({versionName, label, isLast, path}) => ({name: versionName, label, isLast, path})),
    ]),
  );
}

/** A path's segments (no empty ones). */
function segments(pathname: string): string[] {
  return pathname.split('/').filter(Boolean);
}

/**
 * The part of a version's route after what all versions of its instance
 * share: `next` for `/docs/next` beside `/docs` and `/docs/1.0`; the version
 * name when nothing is left (a version routed at the docs' root that is not
 * the last one).
 */
function versionPart(version: RoutedVersion, versions: readonly RoutedVersion[]): string {
  const all = versions.map((each) => segments(each.path));
  let shared = 0;
  while (all.every((each) => each[shared] !== undefined && each[shared] === all[0]![shared])) shared += 1;
  const rest = segments(version.path).slice(shared);
  return rest.length > 0 ? rest.join('/') : encodeURIComponent(version.name);
}

/** `tablePath` and a part, one slash between. */
function joinPath(tablePath: string, part: string): string {
  return `${tablePath.replace(/\/+$/, '')}/${part}`;
}

/**
 * The table pages for the `tableVersion` option: `'each'`, one page per docs
 * version (the last versions at `tablePath`); any other value (`'last'`,
 * `'all'`, a version name), one page at `tablePath` showing what the same
 * value of the `version` prop shows.
 */
export function tablePages(
  tablePath: string,
  instances: Readonly<Record<string, readonly RoutedVersion[]>>,
  tableVersion: string,
): TablePage[] {
  const versioned = Object.values(instances).filter((versions) => versions.length > 1);
  const labelOf = (name: string): string | null =>
    versioned.flat().find((version) => version.name === name)?.label ?? null;
  if (tableVersion !== EACH_VERSION) {
    const scope = resolveVersionScope(tableVersion, instances);
    const firstVersioned = Object.entries(instances).find(([, versions]) => versions.length > 1)?.[0];
    const label = scope === null || firstVersioned === undefined ? null : labelOf(scope[firstVersioned]!);
    return [{path: tablePath, scope, label}];
  }
  const last = resolveVersionScope(undefined, instances);
  const main: TablePage = {path: tablePath, scope: last, label: versioned.length > 0 ? labelOf(lastName(versioned[0]!)) : null};
  // Every other version, by its route part; instances that lack a version
  // with that part show their last one there.
  const byPart = new Map<string, TablePage>();
  for (const [pluginId, versions] of Object.entries(instances)) {
    if (versions.length < 2) continue;
    for (const version of versions) {
      if (version.isLast) continue;
      const part = versionPart(version, versions);
      const page = byPart.get(part) ?? {path: joinPath(tablePath, part), scope: {...last}, label: version.label};
      page.scope = {...page.scope, [pluginId]: version.name};
      byPart.set(part, page);
    }
  }
  return [main, ...byPart.values()];
}

function lastName(versions: readonly RoutedVersion[]): string {
  return (versions.find((version) => version.isLast) ?? versions[0])!.name;
}
