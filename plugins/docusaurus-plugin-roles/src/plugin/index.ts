/**
 * The Docusaurus lifecycles: gather every annotation of every docs instance
 * and version into the comparison table's data, add the table page, and
 * write `roles.json` and `roles.csv` after the build.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {mkdir} from 'node:fs/promises';
import {logger} from '@docusaurus/logger';
import {normalizeUrl} from '@docusaurus/utils';
import type {LoadContext, Plugin, SwizzleConfig} from '@docusaurus/types';
import {RolesAggregator} from '../parse/aggregate.js';
import {collectDocSources} from './content.js';
import {toCsvExport, toJsonExport, writeExport} from './exports.js';
import {toRolesConfig} from '../options.js';
import {registerSite, type SiteRegistration} from './registry.js';
import {reportProblems} from './report.js';
import {remarkRolesByDocsInstance} from './setup-check.js';
import {checkBuiltCallouts} from './verify-build.js';
import {contentRouteOwners, describeOwner, pluginRouteOwners, type RouteOwner} from './route-collision.js';
import type {PluginOptions, RoleEntry, RolesGlobalData} from '../types.js';

const PLUGIN_NAME = 'docusaurus-plugin-roles';
const ENTRIES_FILE = 'entries.json';
// lib/plugin/index.js → the package folder.
const packageRoot = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

/** The Docusaurus plugin: `plugins: [['docusaurus-plugin-roles', options]]`. */
export default function pluginRoles(
  context: LoadContext,
  options: PluginOptions,
): Plugin<void> {
  const {siteConfig, siteDir, i18n} = context;
  const config = toRolesConfig(options);
  const tablePath =
    options.tablePath === false ? null : normalizeUrl([context.baseUrl, options.tablePath]);
  // Where `createData` will write the entries; the remark plugin imports
  // this module into pages that embed the table.
  const entriesModule = path.join(
    context.generatedFilesDir,
    PLUGIN_NAME,
    options.id,
    ENTRIES_FILE,
  );
  const site: SiteRegistration = {
    siteDir,
    options,
    config,
    entriesModule,
    reported: new Set(),
  };
  registerSite(site);

  const aggregator = new RolesAggregator(config, {
    preprocessor: siteConfig.markdown?.preprocessor,
    headingIds: siteConfig.markdown?.mdx1Compat?.headingIds ?? true,
    comments: siteConfig.markdown?.mdx1Compat?.comments ?? true,
  });
  let entries: RoleEntry[] = [];

  return {
    name: PLUGIN_NAME,

    getThemePath() {
      return path.join(packageRoot, 'lib', 'theme');
    },

    getTypeScriptThemePath() {
      return path.join(packageRoot, 'src', 'theme');
    },

    async allContentLoaded({allContent, actions}) {
      // A new run (first load, or a dev-server reload): report afresh.
      site.reported.clear();
      const docs = collectDocSources(allContent, context);
      const result = await aggregator.run(docs);
      entries = result.entries;

      for (const line of result.unparsable) {
        logger.warn`Could not read role annotations in ${line} (the page's own compile reports this error)`;
      }
      checkRemarkRegistered(siteConfig, entries);
      reportProblems(result.problems, options.onInvalidAnnotation, site);

      if (tablePath) failOnRouteCollision(tablePath, contentRouteOwners(tablePath, allContent));

      await actions.createData(ENTRIES_FILE, JSON.stringify(entries));
      const globalData: RolesGlobalData = {roles: config.roles, areas: config.areas, tablePath};
      actions.setGlobalData(globalData);
      if (tablePath) {
        actions.addRoute({
          path: tablePath,
          component: '@theme/RolesPage',
          exact: true,
          modules: {entries: entriesModule},
        });
      }
    },

    async postBuild({outDir, plugins}) {
      if (tablePath) {
        failOnRouteCollision(tablePath, pluginRouteOwners(tablePath, plugins, {name: PLUGIN_NAME, id: options.id}));
      }
      await checkBuiltCallouts({outDir, baseUrl: context.baseUrl, entries});
      await mkdir(outDir, {recursive: true});
      if (options.jsonFilename) {
        const document = toJsonExport(config, entries, i18n.currentLocale);
        await writeExport(outDir, options.jsonFilename, `${JSON.stringify(document, null, 2)}\n`, 'jsonFilename');
      }
      if (options.csvFilename) {
        await writeExport(outDir, options.csvFilename, toCsvExport(entries), 'csvFilename');
      }
    },
  };
}

/** What `docusaurus swizzle docusaurus-plugin-roles` offers, and how safely. */
export function getSwizzleConfig(): SwizzleConfig {
  const safe = {actions: {eject: 'safe', wrap: 'safe'}} as const;
  return {
    components: {
      RoleCallout: {...safe, description: 'The callout a :::role annotation becomes'},
      RoleComparisonTable: {...safe, description: 'The comparison table (page and embedded)'},
      RolesPage: {...safe, description: 'The page at tablePath'},
      RoleBadge: {...safe, description: "A role's label and colour"},
      RolesOnThisPage: {...safe, description: "The summary of a page's duties by role"},
      RolesUtils: {
        actions: {eject: 'unsafe', wrap: 'forbidden'},
        description: 'Hooks and class names the components share (not a component)',
      },
    },
  };
}

/** Stop the build when another page has the table page's route. */
function failOnRouteCollision(tablePath: string, owners: readonly RouteOwner[]): void {
  if (owners.length === 0) return;
  throw new Error(
    logger.interpolate`The roles table page's route code=${tablePath} is already the route of ${owners.map(describeOwner).join(' and ')}: one of the two pages would disappear.
Set the code=${'tablePath'} option of docusaurus-plugin-roles to a free route (or to code=${'false'} for no table page).`,
  );
}

/**
 * Fail early, with the fix, when docs hold annotations but their docs plugin
 * does not run `remarkRoles`: the pages would show raw directives.
 */
function checkRemarkRegistered(
  siteConfig: LoadContext['siteConfig'],
  entries: readonly RoleEntry[],
): void {
  const registered = remarkRolesByDocsInstance(siteConfig);
  for (const [pluginId, ok] of registered) {
    if (ok) continue;
    const first = entries.find((entry) => entry.pluginId === pluginId);
    if (!first) continue;
    throw new Error(
      logger.interpolate`Docs of the docs plugin instance code=${pluginId} contain role annotations (first at ${`${first.source}:${first.line}`}), but its code=${'remarkPlugins'} do not include code=${'remarkRoles'}, so the pages would not show them.
Add it to the docs options in docusaurus.config:
  import {remarkRoles} from 'docusaurus-plugin-roles';
  presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]`,
    );
  }
}
