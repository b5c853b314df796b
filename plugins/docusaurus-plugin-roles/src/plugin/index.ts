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
import {extendRolesCli} from './cli.js';
import {loadLifecycleCode} from './load-lifecycle-code.js';
import {PLUGIN_NAME} from './name.js';
import {hostIds, registerHost, type RolesHost} from '../remark/registry.js';
import {displayPath, formatProblem} from '../core/problem.js';
import {ProblemReporter, reportFindings, stopWith} from './report.js';
import {HandoffReporter} from './handoff-report.js';
import {ensureHandoffModule, handoffModuleContent, handoffModuleName} from './handoff-modules.js';
import {DataFiles} from './data-files.js';
import {
  TRANSLATION_FILE,
  getRolesTranslationFiles,
  loadRolesContent,
  translateRolesContent,
} from './translations.js';
import {contentPageClaims, notFoundClaim, pluginRouteClaims, type RouteLayout} from './route-collision.js';
import {claimOutputs, localeFolders, otherInstancesOutputs, pluginOutputs} from './output-paths.js';
import {outputConflict, ownOutputs} from './output-check.js';
import {docsVersions, tablePages, type TablePage} from './table-pages.js';
import {addTableRoutes} from './table-routes.js';
import type {RolesAggregator} from '../parse/aggregate.js';
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
  // The folder of `createData`'s modules; the generated modules go there
  // too, written only when they change (see data-files.ts).
  const dataDir = path.join(context.generatedFilesDir, PLUGIN_NAME, options.id);
  const dataFiles = new DataFiles(dataDir);
  // The remark plugin imports the entries into pages that embed the table.
  const entriesModule = path.join(dataDir, ENTRIES_FILE);
  // What this instance writes into the build output, for the site's other
  // instances to check against (and this one against theirs).
  const layout: RouteLayout = {baseUrl: context.baseUrl, trailingSlash: siteConfig.trailingSlash};
  // (The table pages of docs versions join them once the versions are known.)
  let outputs = ownOutputs(options, tablePath === null ? [] : [tablePath], layout);
  claimOutputs(context, options.id, outputs);
  const staticFiles = {siteDir, staticDirectories: siteConfig.staticDirectories};
  // Says each problem once, whoever finds it (see report.ts).
  const reporter = new ProblemReporter();
  // The accountability findings said in this process (see reportFindings).
  const findingsSaid = new Set<string>();
  // Whether the table was gathered already in this process: later
  // gatherings are `npm start` reloads, whose changed pages say their problems.
  let gatheredBefore = false;
  // Broken handoffs, said once each (see handoff-report.ts).
  const handoffReporter = new HandoffReporter();
  // What each page's `remarkRoles` reads.
  const host: RolesHost = {
    siteDir,
    instanceId: options.id,
    config: content.config,
    severity: options.onInvalidAnnotation,
    pageSummary: options.pageSummary,
    entriesModule,
    pages: new Map(),
    handoffModule: (filePath) => ensureHandoffModule(dataDir, siteDir, filePath),
    report: (file, source, problems, severity) => reporter.reportCompiled(file, source, problems, severity),
    rendered: (filePath, listed) => {
      const page = host.pages.get(filePath);
      if (page) compiledPages.set(page.permalink, {source: displayPath(filePath, siteDir), listed});
    },
  };
  // What this process's compiles said (`rendered-pages.ts`), kept between builds.
  const compiledPages = new Map<string, {source: string; listed: number}>();

  // Every instance of one load of the site shares `context`.
  registerHost(host, context);

  // One aggregator for the process: under `npm start` it reuses every
  // unchanged file, whatever the configuration (translated aliases) says.
  // (Created on the first run, with the code the lifecycles load once per process.)
  let aggregator: RolesAggregator | undefined;
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
      const first = !gatheredBefore;
      gatheredBefore = true;
      const {config} = content;
      const code = await loadLifecycleCode();
      const {gatherRoles, missingRemarkError, publishedPages} = code;
      aggregator ??= new code.RolesAggregator(config, code.markdownSettings(siteConfig), code.aggregatorOptions(context, options));
      aggregator.config = config;
      const gathered = await gatherRoles({allContent, context, aggregator, instanceId: options.id, rolesIds: hostIds(siteDir)});
      if (gathered.setupErrors.length > 0) stopWith(new Error(gathered.setupErrors.join('\n')));
      if (first) {
        for (const {kind, pluginId} of gathered.unseen) {
          logger.warn`The ${kind} plugin instance name=${pluginId} is declared where docusaurus-plugin-roles cannot read its remarkPlugins (not in the classic preset nor in plugins), and the site has several docusaurus-plugin-roles instances: no roles table reads its pages.`;
        }
      }
      entries = gathered.entries;
      // Before any page compiles: callouts take their page and listing from it.
      host.pages = publishedPages(gathered.sources);

      const {problems} = gathered.result;
      if (first) {
        for (const problem of problems.filter((each) => each.ruleId === 'unparsable')) {
          logger.warn`Could not read role annotations in ${formatProblem(problem)} (the page's own compile reports this error)`;
        }
      }
      if (gathered.missingRemark.length > 0) stopWith(missingRemarkError(gathered.missingRemark));
      const invalid = problems.filter((each) => each.ruleId !== 'unparsable');
      reporter.reportGathered(invalid, options.onInvalidAnnotation, {first});
      handoffReporter.report(gathered.handoffs.problems, options.onBrokenHandoffs, {first});
      // Sources, reviews, reading level, near duplicates: once, over every
      // duty; a restart with nothing changed reads the last run's report.
      const checked = await code.checkAccountabilityCached(
        gathered.result.entries,
        {options, config, localeOf: code.fileLocale(context)},
        options.cache && code.checksCacheFile(siteDir, options.id, i18n.currentLocale),
      );
      reportFindings(checked.findings, findingsSaid);

      // One table page per docs version (or as `tableVersion` says).
      pages = tablePath ? tablePages(tablePath, docsVersions(allContent), options.tableVersion) : [];
      outputs = ownOutputs(options, pages.map((page) => page.path), layout);
      claimOutputs(context, options.id, outputs);

      // Before bundling, so `npm start` fails too: the pages, files and
      // folders known now; every plugin's routes are checked after the build.
      const taken = await outputConflict(
        outputs,
        [
          ...contentPageClaims(allContent, layout),
          notFoundClaim(layout),
          ...pluginOutputs(siteConfig),
          ...localeFolders(i18n),
          ...otherInstancesOutputs(context, options.id),
        ],
        staticFiles,
      );
      if (taken) stopWith(new Error(taken));

      // The entries, and each annotated page's handoffs, both ends of every
      // link (see handoff-modules.ts), where `createData` would put them.
      await dataFiles.write([
        {name: ENTRIES_FILE, content: JSON.stringify(entries)},
        ...gathered.result.pages.map(({doc}) => ({
          name: handoffModuleName(siteDir, doc.filePath),
          content: handoffModuleContent(gathered.handoffs.pages.get(doc.filePath)),
        })),
      ]);
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
      await addTableRoutes({pages, entries, entriesModule, metadata: {...content.table, instance: options.id}, actions});
    },

    async postBuild({outDir, plugins}) {
      const routes = pluginRouteClaims(plugins, {name: PLUGIN_NAME, id: options.id}, layout);
      const taken = await outputConflict(outputs, routes, {siteDir, staticDirectories: []});
      if (taken) stopWith(new Error(taken));
      const {checkBuiltCallouts, defaultCacheFile, loadRenderedPages, saveRenderedPages, updateRenderedPages, writeExports} =
        await loadLifecycleCode();
      const renderedPagesFile =
        options.cache &&
        path.join(path.dirname(defaultCacheFile(siteDir, 'any')), `rendered-${options.id}-${i18n.currentLocale}.json`.replace(/[^\w.-]/g, '_'));
      const rendered = updateRenderedPages(
        await loadRenderedPages(renderedPagesFile),
        compiledPages,
        new Set([...host.pages.values()].map((page) => page.permalink)),
      );
      // Before the check: a failed build's compiles are not compiled again by the next (warm) one.
      await saveRenderedPages(renderedPagesFile, rendered);
      const checked = await checkBuiltCallouts({outDir, baseUrl: context.baseUrl, entries, siteConfig, compiledPages: rendered}).catch(
        (error: unknown) => stopWith(error as Error),
      );
      if (checked.byIdOnly.length > 0) {
        logger.warn`The built callouts of ${checked.byIdOnly.length} page(s) (first: url=${checked.byIdOnly[0]!}) carry no code=${'data-role-callout'} attribute (a RoleCallout ejected from an older version?): the check after the build compared their ids only. Eject it again, or render that attribute.`;
      }
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
