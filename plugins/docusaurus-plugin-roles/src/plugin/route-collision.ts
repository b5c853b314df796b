/**
 * The pages other plugins write into the build output, as claims on its
 * files (`output-paths.ts`): found among the content plugins' pages (early,
 * so that `npm start` fails too) and among every plugin's routes (after the
 * build), each with its owner named. Docusaurus only warns about duplicate
 * routes, and one of two pages written to one file silently disappears.
 */
import type {AllContent, RouteConfig} from '@docusaurus/types';
import {routeFile, type OutputClaim} from './output-paths.js';

/** Who serves a route: plugin name and id, and the source when known. */
export interface RouteOwner {
  plugin: string;
  id: string;
  source?: string;
}

/** How the site writes routes to files. */
export interface RouteLayout {
  baseUrl: string;
  trailingSlash: boolean | undefined;
}

type Loaded = {
  loadedVersions?: Array<{docs?: Array<{permalink: string; source: string}>}>;
  blogPosts?: Array<{metadata: {permalink: string; source: string}}>;
} & Array<{permalink?: string; source?: string}>;

/** `docusaurus-plugin-content-docs (id "default", docs/roles.md)`. */
export function describeOwner({plugin, id, source}: RouteOwner): string {
  return `${plugin} (id "${id}"${source ? `, ${source.replace(/^@site\//, '')}` : ''})`;
}

/** The page at `route`, written by `owner`, as a claim on the output. */
function pageClaim(route: string, owner: string, layout: RouteLayout): OutputClaim {
  return {file: routeFile(route, layout), owner: `the page \`${route}\` of ${owner}`};
}

/** Every doc, blog post and page the content plugins loaded, as claims on the output. */
export function contentPageClaims(allContent: AllContent, layout: RouteLayout): OutputClaim[] {
  const claims: OutputClaim[] = [];
  for (const [plugin, instances] of Object.entries(allContent)) {
    for (const [id, content] of Object.entries(instances ?? {})) {
      const loaded = content as Loaded | undefined;
      const pages: Array<{permalink?: string; source?: string}> = [
        ...(loaded?.loadedVersions ?? []).flatMap((version) => version.docs ?? []),
        ...(loaded?.blogPosts ?? []).map((post) => post.metadata),
        ...(Array.isArray(loaded) ? loaded : []),
      ];
      for (const page of pages) {
        if (typeof page?.permalink !== 'string') continue;
        const owner = describeOwner({plugin, id, ...(page.source !== undefined && {source: page.source})});
        claims.push(pageClaim(page.permalink, owner, layout));
      }
    }
  }
  return claims;
}

/** Docusaurus's own 404 page, which every build writes. */
export function notFoundClaim(layout: RouteLayout): OutputClaim {
  return {file: routeFile(`${layout.baseUrl}404.html`, layout), owner: "Docusaurus's 404 page"};
}

/** Every leaf route of every plugin but `self`, as claims on the output. */
export function pluginRouteClaims(
  plugins: ReadonlyArray<{name: string; options: {id?: string}; routes?: RouteConfig[]}>,
  self: {name: string; id: string},
  layout: RouteLayout,
): OutputClaim[] {
  const claims: OutputClaim[] = [];
  const visit = (routes: readonly RouteConfig[], owner: string): void => {
    for (const each of routes) {
      if (each.routes?.length) visit(each.routes, owner);
      else claims.push(pageClaim(each.path, owner, layout));
    }
  };
  for (const plugin of plugins) {
    const id = plugin.options.id ?? 'default';
    if (plugin.name === self.name && id === self.id) continue;
    visit(plugin.routes ?? [], describeOwner({plugin: plugin.name, id}));
  }
  return claims;
}
