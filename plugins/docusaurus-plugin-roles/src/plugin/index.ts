/**
 * The Docusaurus lifecycles: load and translate the labels, gather every
 * annotation of every docs instance and version, blog and Markdown page into
 * the comparison table's data, add the table page, write `roles.json` and
 * `roles.csv` after the build, and add the `roles:check` and `roles:export`
 * commands.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {logger} from '@docusaurus/logger';
import {getPluginI18nPath, normalizeUrl} from '@docusaurus/utils';
import type {LoadContext, Plugin, SwizzleConfig} from '@docusaurus/types';
import {RolesAggregator} from '../parse/aggregate.js';
import {checkAccountability, fileLocale} from './accountability.js';
import {extendRolesCli} from './cli.js';
import {writeExports} from './exports.js';
import {PLUGIN_NAME, aggregatorOptions, gatherRoles, markdownSettings, missingRemarkError, publishedPages} from './gather.js';
import {registerHost, type RolesHost} from '../remark/registry.js';
import {formatProblem} from '../core/problem.js';
import {reportFindings, reportProblems} from './report.js';
import {reportHandoffProblems} from './handoff-report.js';
import {ensureHandoffModule, handoffModuleContent, handoffModuleName} from './handoff-modules.js';
import {
  TRANSLATION_FILE,
  getRolesTranslationFiles,
  loadRolesContent,
  translateRolesContent,
} from './translations.js';
import {checkBuiltCallouts} from './verify-build.js';
import {docsVersions, tablePages, type TablePage} from './table-pages.js';
import {addTableRoutes} from './table-routes.js';
import {contentRouteOwners, describeOwner, pluginRouteOwners, type RouteOwner} from './route-collision.js';
import type {PluginOptions, RoleEntry, RolesContent, RolesGlobalData} from '../types.js';

const ENTRIES_FILE = 'entries.json';
// lib/plugin/index.js → the package folder.
const packageRoot = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

/** The Docusaurus plugin: `plugins: [['docusaurus-plugin-roles', options]]`. */
export default function pluginRoles(
  context: LoadContext,
  options: PluginOptions,
): Plugin<RolesContent> {
  const {siteConfig, siteDir, i18n} = context;
  // Until `contentLoaded` hands over the translated content.
  let content: RolesContent = loadRolesContent(options);
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
  const dataDir = path.join(context.generatedFilesDir, PLUGIN_NAME, options.id);
  // Problems already reported in this run, so each is printed once.
  const reported = new Set<string>();
  // What each page's `remarkRoles` reads.
  const host: RolesHost = {
    siteDir,
    config: content.config,
    severity: options.onInvalidAnnotation,
    pageSummary: options.pageSummary,
    entriesModule,
    pages: new Map(),
    handoffModule: (filePath) => ensureHandoffModule(dataDir, siteDir, filePath),
    report: (problems, severity) => reportProblems(problems, severity, reported),
  };
  registerHost(host);

  // One aggregator for the process: under `npm start` it reuses every
  // unchanged file, whatever the configuration (translated aliases) says.
  const aggregator = new RolesAggregator(content.config, markdownSettings(siteConfig), aggregatorOptions(context, options));
  let entries: RoleEntry[] = [];
  let pages: TablePage[] = [];

  return {
    name: PLUGIN_NAME,

    loadContent() {
      return loadRolesContent(options);
    },

    getTranslationFiles({content: loaded}) {
      return getRolesTranslationFiles(loaded);
    },

    translateContent({content: loaded, translationFiles}) {
      return translateRolesContent(loaded, translationFiles);
    },

    getPathsToWatch() {
      // Editing the locale's labels under `npm start` reloads them.
      const {localizationDir} = context;
      const folder = getPluginI18nPath({localizationDir, pluginName: PLUGIN_NAME, pluginId: options.id});
      return [path.join(folder, `${TRANSLATION_FILE}.json`)];
    },

    contentLoaded({content: translated}) {
      content = translated;
      // The remark plugin resolves localized aliases too.
      host.config = translated.config;
    },

    extendCli(cli) {
      extendRolesCli(cli, context);
    },

    getThemePath() {
      return path.join(packageRoot, 'lib', 'theme');
    },

    getTypeScriptThemePath() {
      return path.join(packageRoot, 'src', 'theme');
    },

    async allContentLoaded({allContent, actions}) {
      // A new run (first load, or a dev-server reload): report afresh.
      reported.clear();
      const {config} = content;
      aggregator.config = config;
      const gathered = await gatherRoles({allContent, context, aggregator});
      entries = gathered.entries;
      // Before any page compiles: callouts take their page and listing from it.
      host.pages = publishedPages(gathered.sources);

      const {problems} = gathered.result;
      for (const problem of problems.filter((each) => each.ruleId === 'unparsable')) {
        logger.warn`Could not read role annotations in ${formatProblem(problem)} (the page's own compile reports this error)`;
      }
      if (gathered.missingRemark.length > 0) throw missingRemarkError(gathered.missingRemark);
      const invalid = problems.filter((each) => each.ruleId !== 'unparsable');
      reportProblems(invalid, options.onInvalidAnnotation, reported);
      reportHandoffProblems(gathered.handoffs.problems, options.onBrokenHandoffs, reported);
      // Sources, reviews, reading level, near duplicates: once, over every duty.
      const checked = checkAccountability(gathered.result.entries, {options, config, localeOf: fileLocale(context)});
      reportFindings(checked.findings, reported);

      // One table page per docs version (or as `tableVersion` says).
      pages = tablePath ? tablePages(tablePath, docsVersions(allContent), options.tableVersion) : [];
      for (const page of pages) failOnRouteCollision(page.path, contentRouteOwners(page.path, allContent));

      await actions.createData(ENTRIES_FILE, JSON.stringify(entries));
      // Each annotated page's handoffs, both ends of every link (see handoff-modules.ts).
      await Promise.all(
        gathered.result.pages.map(({doc}) =>
          actions.createData(
            handoffModuleName(siteDir, doc.filePath),
            handoffModuleContent(gathered.handoffs.pages.get(doc.filePath)),
          ),
        ),
      );
      const globalData: RolesGlobalData = {
        roles: config.roles,
        areas: config.areas,
        tablePath,
        tablePages: pages.map(({path: pagePath, scope}) => ({path: pagePath, scope})),
        handoutNote: content.handoutNote,
        audiences: config.audiences,
        dueSoonDays: options.reviews.dueSoonDays,
      };
      actions.setGlobalData(globalData);
      await addTableRoutes({pages, entries, entriesModule, metadata: content.table, actions});
    },

    async postBuild({outDir, plugins}) {
      for (const page of pages) {
        failOnRouteCollision(page.path, pluginRouteOwners(page.path, plugins, {name: PLUGIN_NAME, id: options.id}));
      }
      await checkBuiltCallouts({outDir, baseUrl: context.baseUrl, entries, siteConfig});
      await writeExports({outDir, options, config: content.config, entries, locale: i18n.currentLocale});
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
      RoleProvenance: {...safe, description: "A duty's source and last review date"},
      RoleReviewList: {...safe, description: 'The table page\'s "Due for review" view for staff'},
      RoleHandoffs: {...safe, description: 'What a callout comes after and hands over to'},
      RoleFlow: {...safe, description: 'The journey as a flow: steps by roles, handoffs drawn between them'},
      RolesOnThisPage: {...safe, description: "The summary of a page's duties by role"},
      RoleHandout: {...safe, description: 'A part of the page printed on the handout, and its footer'},
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
