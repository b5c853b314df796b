/**
 * Adding the table pages (`tablePages`) to the site: each page's entries
 * (its docs version's duties, and every post's and page's), its metadata
 * (title, description, its version and the others), and its route.
 */
import type {PluginContentLoadedActions} from '@docusaurus/types';
import {inVersionScope} from '../client/versions.js';
import type {TablePage} from './table-pages.js';
import type {RoleEntry, RolesPageMetadata} from '../types.js';

/** What the lifecycle hands over to add the table pages. */
export interface TableRoutes {
  pages: readonly TablePage[];
  entries: readonly RoleEntry[];
  /** The module of every entry (embedded tables import it): reused by a page that shows them all. */
  entriesModule: string;
  metadata: RolesPageMetadata;
  actions: PluginContentLoadedActions;
}

/** Adds one route per table page, with only the entries it shows. */
export async function addTableRoutes({pages, entries, entriesModule, metadata, actions}: TableRoutes): Promise<void> {
  const versions = pages.length > 1 ? pages.map(({path, label}) => ({path, label: label ?? path})) : [];
  for (const [index, page] of pages.entries()) {
    const shown = entries.filter((entry) => inVersionScope(entry, page.scope));
    const entriesData =
      shown.length === entries.length ? entriesModule : await actions.createData(`entries-${index}.json`, JSON.stringify(shown));
    const pageMetadata: RolesPageMetadata = {...metadata, version: page.label, versions};
    actions.addRoute({
      path: page.path,
      component: '@theme/RolesPage',
      exact: true,
      modules: {
        entries: entriesData,
        metadata: await actions.createData(`table-page-${index}.json`, JSON.stringify(pageMetadata)),
      },
    });
  }
}
