/**
 * The Docusaurus lifecycles: gather every annotation of every docs instance
 * and version, blog and Markdown page into the comparison table's data, add
 * the table page, and write `roles.json` and `roles.csv` after the build.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {logger} from '@docusaurus/logger';
import {normalizeUrl} from '@docusaurus/utils';
import type {LoadContext, Plugin, SwizzleConfig} from '@docusaurus/types';
import {RolesAggregator} from '../parse/aggregate.js';
import {writeExports} from './exports.js';
import {PLUGIN_NAME, gatherRoles, markdownSettings, missingRemarkError, publishedPages} from './gather.js';
import {toRolesConfig} from '../options.js';
import {registerSite, type SiteRegistration} from './registry.js';
import {reportProblems} from './report.js';
import {checkBuiltCallouts} from './verify-build.js';
import type {PluginOptions, RoleEntry, RolesGlobalData} from '../types.js';

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
    pages: new Map(),
  };
  registerSite(site);

  const aggregator = new RolesAggregator(config, markdownSettings(siteConfig));
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
      const gathered = await gatherRoles({allContent, context, aggregator});
      entries = gathered.entries;
      // Before any page compiles: callouts take their page and listing from it.
      site.pages = publishedPages(gathered.sources);

      for (const line of gathered.result.unparsable) {
        logger.warn`Could not read role annotations in ${line} (the page's own compile reports this error)`;
      }
      if (gathered.missingRemark.length > 0) throw missingRemarkError(gathered.missingRemark);
      reportProblems(gathered.result.problems, options.onInvalidAnnotation, site);

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

    async postBuild({outDir}) {
      await checkBuiltCallouts({outDir, baseUrl: context.baseUrl, entries, siteConfig});
      await writeExports({outDir, options, config, entries, locale: i18n.currentLocale});
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
