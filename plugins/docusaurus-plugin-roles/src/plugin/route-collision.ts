/**
 * The table page must not take the route of another page (Docusaurus only
 * warns about duplicate routes, and one of the two pages silently
 * disappears). Two checks: early, against the pages the content plugins
 * loaded (docs, blog posts, Markdown pages), so `npm start` fails too; and
 * after the build, against every route of every plugin.
 */
import type {AllContent, RouteConfig} from '@docusaurus/types';

/** Who serves a route: plugin name and id, and the source when known. */
export interface RouteOwner {
  plugin: string;
  id: string;
  source?: string;
}

/** `/a/b/` and `/a/b` are the same page whatever `trailingSlash` says. */
function samePath(a: string, b: string): boolean {
  const trim = (value: string) => value.replace(/\/+$/, '') || '/';
  return trim(a) === trim(b);
}

type Loaded = {
  loadedVersions?: Array<{docs?: Array<{permalink: string; source: string}>}>;
  blogPosts?: Array<{metadata: {permalink: string; source: string}}>;
} & Array<{permalink?: string; source?: string}>;

/** Pages of the docs, blog and pages plugins whose permalink is `route`. */
export function contentRouteOwners(route: string, allContent: AllContent): RouteOwner[] {
  const owners: RouteOwner[] = [];
  for (const [plugin, instances] of Object.entries(allContent)) {
    for (const [id, content] of Object.entries(instances ?? {})) {
      const loaded = content as Loaded | undefined;
      const pages: Array<{permalink?: string; source?: string}> = [
        ...(loaded?.loadedVersions ?? []).flatMap((version) => version.docs ?? []),
        ...(loaded?.blogPosts ?? []).map((post) => post.metadata),
        ...(Array.isArray(loaded) ? loaded : []),
      ];
      for (const page of pages) {
        if (typeof page?.permalink === 'string' && samePath(page.permalink, route)) {
          owners.push({plugin, id, ...(page.source !== undefined && {source: page.source})});
        }
      }
    }
  }
  return owners;
}

/** Every plugin (other than `self`) with a route at `route`, nested routes included. */
export function pluginRouteOwners(
  route: string,
  plugins: ReadonlyArray<{name: string; options: {id?: string}; routes?: RouteConfig[]}>,
  self: {name: string; id: string},
): RouteOwner[] {
  const owners: RouteOwner[] = [];
  const visit = (routes: readonly RouteConfig[], owner: RouteOwner): void => {
    for (const each of routes) {
      if (each.routes?.length) visit(each.routes, owner);
      else if (samePath(each.path, route)) owners.push(owner);
    }
  };
  for (const plugin of plugins) {
    const id = plugin.options.id ?? 'default';
    if (plugin.name === self.name && id === self.id) continue;
    visit(plugin.routes ?? [], {plugin: plugin.name, id});
  }
  return owners;
}

/** `docusaurus-plugin-content-docs (id "default", docs/roles.md)`. */
export function describeOwner({plugin, id, source}: RouteOwner): string {
  return `${plugin} (id "${id}"${source ? `, ${source.replace(/^@site\//, '')}` : ''})`;
}
