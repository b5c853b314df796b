/**
 * `docusaurus roles:check` and `docusaurus roles:export`: the build's table,
 * problems and exports in seconds, without bundling a page. Each locale is
 * loaded as a build loads it (`load-site.ts`) and gathered by the same code
 * as the build (`gather.ts`).
 */
import path from 'node:path';
import {logger} from '@docusaurus/logger';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {formatProblem, type Problem, type ProblemSeverity} from '../core/problem.js';
import type {PluginOptions, RoleEntry, RolesConfig, RolesContent} from '../types.js';
import type {PageReadability, ReviewItem} from './accountability.js';
import {printReviews, printSummaries} from './check-output.js';
import type {RolesExport} from './exports.js';
import {loadLifecycleCode} from './load-lifecycle-code.js';
import {PLUGIN_NAME} from './name.js';
import {isHandoffRule} from '../core/handoff-graph.js';

type Cli = Parameters<NonNullable<Plugin['extendCli']>>[0];

/** A problem as the commands report it: with the severity the build gives it, and where. */
export interface CheckProblem extends Problem {
  /**
   * `error` fails the build (and the command); `warning` does not; `info` is
   * an accountability check set to `'log'` (printed, counted apart).
   */
  severity: ProblemSeverity;
  /** The locales whose build meets this problem. */
  locales: string[];
}

/** One plugin instance's table for one locale: the `roles.json` it would write, and where. */
interface LocaleTable {
  locale: string;
  outDir: string;
  options: PluginOptions;
  config: RolesConfig;
  entries: RoleEntry[];
  /** Each page's reading level. */
  pages: PageReadability[];
  /** Duties whose review is overdue, due soon or missing, most urgent first. */
  reviews: ReviewItem[];
}

/** What the commands found: every problem once, every table. */
interface SiteReport {
  problems: CheckProblem[];
  tables: LocaleTable[];
  /** Files read, per locale, summed. */
  files: number;
}

/** `roles:check --format json`: the problems and each table as its `roles.json`. */
export interface CheckReport {
  errorCount: number;
  warningCount: number;
  /** Findings of checks set to `'log'`. */
  infoCount: number;
  problems: CheckProblem[];
  /** One per locale and plugin instance: the `roles.json` the build writes, with the instance id. */
  exports: Array<{pluginId: string} & RolesExport>;
  /** One per locale and plugin instance: each page's reading level. */
  readability: Array<{pluginId: string; locale: string; pages: PageReadability[]}>;
  /** One per locale and plugin instance: the duties due for review (overdue, due soon, never reviewed). */
  reviews: Array<{pluginId: string; locale: string; today: string; duties: ReviewItem[]}>;
}

const CHECK = 'roles:check';
const EXPORT = 'roles:export';

/** Collects repeated `--locale` flags, as `docusaurus build` does. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Add the commands. Several instances of the plugin share them (each
 * command covers every instance), so only the first one registers them.
 */
export function extendRolesCli(cli: Cli, context: LoadContext): void {
  if (cli.commands.some((command) => command.name() === CHECK)) return;
  cli
    .command(CHECK)
    .description('Check the role annotations of every doc, blog post and Markdown page, without building the site.')
    .option('-l, --locale <locale>', 'check this locale (repeatable; default: every locale)', collect)
    .option('--format <format>', 'text: one problem per line, file:line:column: reason; json: problems and entries', 'text')
    .option('--no-summary', 'text: leave out the reading level of each page')
    .option('--reviews', 'text: list the duties due for review (overdue, due soon, never reviewed)')
    .action(async (command: {locale?: string[]; format: string; summary: boolean; reviews?: boolean}) => {
      process.exitCode = await runCheck(context, command);
    });
  cli
    .command(EXPORT)
    .description('Write roles.json and roles.csv as the build does, without building the site.')
    .option('-l, --locale <locale>', 'export this locale (repeatable; default: every locale)', collect)
    .option('--out-dir <dir>', 'the build folder: a locale other than the default goes in its subfolder, as with docusaurus build (default: build)')
    .action(async (command: {locale?: string[]; outDir?: string}) => {
      process.exitCode = await runExport(context, command);
    });
}

/** The locales asked for, checked against the site's, default first. */
function localesToLoad(context: LoadContext, asked: string[] | undefined): string[] {
  const {defaultLocale, locales} = context.i18n;
  const unknown = (asked ?? []).filter((locale) => !locales.includes(locale));
  if (unknown.length > 0) {
    throw new Error(`Unknown locale ${unknown.join(', ')}: the site's locales are ${locales.join(', ')}.`);
  }
  const all = [defaultLocale, ...locales.filter((locale) => locale !== defaultLocale)];
  return asked ? all.filter((locale) => asked.includes(locale)) : all;
}

/** A check's severity as the command reports it (or none: ignored). */
const CHECK_SEVERITY = {throw: 'error', warn: 'warning', log: 'info', ignore: undefined} as const;

/** A problem with the severity the build gives it (or none: ignored). */
function withSeverity(problem: Problem, options: PluginOptions): Omit<CheckProblem, 'locales'> | undefined {
  // Broken handoffs: `onBrokenHandoffs`, on the checks' scale (`'log'` is `info`).
  if (isHandoffRule(problem.ruleId)) {
    const severity = CHECK_SEVERITY[options.onBrokenHandoffs];
    return severity && {...problem, severity};
  }
  // A file that does not parse fails the build whatever the option says.
  if (problem.ruleId === 'unparsable' || problem.ruleId === 'missing-remark-plugin') {
    return {...problem, severity: 'error'};
  }
  if (options.onInvalidAnnotation === 'ignore') return undefined;
  return {...problem, severity: options.onInvalidAnnotation === 'throw' ? 'error' : 'warning'};
}

/**
 * Load and gather every locale in turn, as `docusaurus build` would (drafts
 * and unlisted pages as in production), and merge the problems the locales
 * share (an untranslated page is the same file in each).
 */
async function inspectSite(context: LoadContext, locales: string[], outDir: string | undefined): Promise<SiteReport> {
  process.env.NODE_ENV = 'production';
  const {
    RolesAggregator,
    aggregatorOptions,
    checkAccountability,
    fileLocale,
    gatherRoles,
    loadSiteContent,
    markdownSettings,
    missingRemarkProblem,
  } = await loadLifecycleCode();
  const problems = new Map<string, CheckProblem>();
  const tables: LocaleTable[] = [];
  let files = 0;
  for (const locale of locales) {
    const site = await loadSiteContent<RolesContent>({
      siteDir: context.siteDir,
      config: context.siteConfigPath,
      locale,
      outDir,
      pluginName: PLUGIN_NAME,
    });
    for (const {options, content} of site.instances) {
      const aggregator = new RolesAggregator(
        content.config,
        markdownSettings(site.context.siteConfig),
        aggregatorOptions(site.context, options),
      );
      const rolesIds = site.instances.map((instance) => instance.options.id);
      const gathered = await gatherRoles({
        allContent: site.allContent,
        context: site.context,
        aggregator,
        instanceId: options.id,
        rolesIds,
      });
      if (gathered.setupErrors.length > 0) throw new Error(gathered.setupErrors.join('\n'));
      files += gathered.sources.length;
      const found = [
        ...gathered.missingRemark.map(missingRemarkProblem),
        ...gathered.result.problems,
        ...gathered.handoffs.problems,
      ];
      const checked = checkAccountability(gathered.result.entries, {
        options,
        config: content.config,
        localeOf: fileLocale(site.context),
        summaries: true,
      });
      const reports = [
        ...found.map((problem) => withSeverity(problem, options)),
        ...checked.findings.map(({severity, ...finding}) => {
          const shown = CHECK_SEVERITY[severity];
          return shown && {...finding, severity: shown};
        }),
      ];
      for (const reported of reports) {
        if (!reported) continue;
        const key = JSON.stringify([reported.file, reported.line, reported.column, reported.severity, reported.reason]);
        const known = problems.get(key);
        if (known) {
          if (!known.locales.includes(locale)) known.locales.push(locale);
        } else {
          problems.set(key, {...reported, locales: [locale]});
        }
      }
      tables.push({
        locale,
        outDir: site.context.outDir,
        options,
        config: content.config,
        entries: gathered.entries,
        pages: checked.pages,
        reviews: checked.reviews,
      });
    }
  }
  return {problems: [...problems.values()], tables, files};
}

function count(report: SiteReport): {errors: number; warnings: number; infos: number} {
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const infos = report.problems.filter((problem) => problem.severity === 'info').length;
  return {errors, warnings: report.problems.length - errors - infos, infos};
}

/** Print problems (errors first, as the build stops on them) in the text format. */
function printProblems(problems: readonly CheckProblem[]): void {
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const problem of problems.filter((candidate) => candidate.severity === severity)) {
      console.log(formatProblem(problem));
    }
  }
}

/** Run `task` with `console.log` and `console.info` written to stderr. */
async function withLogsOnStderr<T>(task: () => Promise<T>): Promise<T> {
  const {log, info} = console;
  console.log = console.error;
  console.info = console.error;
  try {
    return await task();
  } finally {
    console.log = log;
    console.info = info;
  }
}

/** `roles:check`: 1 when any problem is an error, else 0. */
export async function runCheck(
  context: LoadContext,
  {
    locale,
    format,
    summary = true,
    reviews = false,
  }: {locale?: string[] | undefined; format: string; summary?: boolean; reviews?: boolean | undefined},
): Promise<number> {
  if (format !== 'text' && format !== 'json') {
    throw new Error(`Unknown --format ${format}, expected text or json.`);
  }
  const started = performance.now();
  const locales = localesToLoad(context, locale);
  // Plugins may log while loading: keep stdout for the JSON alone.
  const report = await (format === 'json'
    ? withLogsOnStderr(() => inspectSite(context, locales, undefined))
    : inspectSite(context, locales, undefined));
  const {errors, warnings, infos} = count(report);
  if (format === 'json') {
    const {toJsonExport} = await loadLifecycleCode();
    const output: CheckReport = {
      errorCount: errors,
      warningCount: warnings,
      infoCount: infos,
      problems: report.problems,
      exports: report.tables.map((table) => ({
        pluginId: table.options.id,
        ...toJsonExport(table.config, table.entries, table.locale),
      })),
      readability: report.tables.map((table) => ({pluginId: table.options.id, locale: table.locale, pages: table.pages})),
      reviews: report.tables.map((table) => ({
        pluginId: table.options.id,
        locale: table.locale,
        today: table.config.duties.today,
        duties: table.reviews,
      })),
    };
    console.log(JSON.stringify(output, null, 2));
  } else {
    printProblems(report.problems);
    if (summary) printSummaries(report.tables);
    if (reviews) printReviews(report.tables);
    const duties = report.tables.map((table) => `${table.entries.length} (${table.locale})`).join(', ');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const notes = infos > 0 ? `, ${infos} note${infos === 1 ? '' : 's'}` : '';
    const line = `${CHECK}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${notes} in ${report.files} files; duties: ${duties}; ${seconds} s`;
    if (errors > 0) logger.error(line);
    else if (warnings > 0) logger.warn(line);
    else logger.success(line);
  }
  return errors > 0 ? 1 : 0;
}

/**
 * `roles:export`: write every locale's exports, as the build does, unless a
 * problem is an error (then, as the build, write nothing and return 1).
 */
export async function runExport(
  context: LoadContext,
  {locale, outDir}: {locale?: string[] | undefined; outDir?: string | undefined},
): Promise<number> {
  const locales = localesToLoad(context, locale);
  const report = await inspectSite(context, locales, outDir);
  printProblems(report.problems);
  const {errors} = count(report);
  if (errors > 0) {
    logger.error(`${EXPORT}: ${errors} error${errors === 1 ? '' : 's'}; nothing written.`);
    return 1;
  }
  const {writeExports} = await loadLifecycleCode();
  for (const table of report.tables) {
    const written = await writeExports({
      outDir: table.outDir,
      options: table.options,
      config: table.config,
      entries: table.entries,
      locale: table.locale,
    });
    const shown = written.map((file) => path.relative(process.cwd(), file) || file).join(', ');
    logger.success(`${EXPORT}: ${table.entries.length} duties (${table.locale}) in ${shown || 'no file (both exports are off)'}`);
  }
  return 0;
}
