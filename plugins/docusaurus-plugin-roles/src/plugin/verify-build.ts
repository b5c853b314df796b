/**
 * After a build, prove that the built pages and the table agree, callout by
 * callout: each entry of the table has its callout on its page, with the
 * same roles, area and title, and each callout a page shows as listed has
 * its entry. The built HTML is the witness: it is what readers get, and it
 * is rebuilt even when the bundler's persistent cache skips every compile.
 *
 * Each callout carries what it was rendered with in one attribute
 * (`data-role-callout`, `client/callout-data.ts`), found without parsing
 * the page. Only pages that hold callouts are read: those with entries, and
 * those whose compile in this process rendered listed callouts (a callout
 * the table lacks entirely). A page compiled without `remarkRoles` shows no
 * callout at all: the message then names the option to fix.
 */
import path from 'node:path';
import {readFile} from 'node:fs/promises';
import {logger} from '@docusaurus/logger';
import type {DocusaurusConfig} from '@docusaurus/types';
import {decodeHTMLAttribute} from 'entities';
import {decodeCalloutData, normalizePagePath, type CalloutData} from '../client/index.js';
import {formatProblem, type Problem} from '../core/problem.js';
import type {RoleEntry} from '../types.js';
import {describeInstance, ellipsisNote, remarkFix} from './setup-check.js';

/**
 * Every `id` attribute value of an HTML page, decoded: React writes
 * `id="R&amp;D"`, a minifier may write `id=R&D` or `id=R&#38;D`; all name
 * the id `R&D`.
 */
export function htmlIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/<[a-zA-Z][^\s/>]*(?:\s+[^>]*?)?\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    ids.add(decodeHTMLAttribute(match[1] ?? match[2] ?? match[3] ?? ''));
  }
  return ids;
}

/** Every callout a page's HTML says it renders (their attribute values are base64url: no decoding of entities). */
export function htmlCallouts(html: string): CalloutData[] {
  const callouts: CalloutData[] = [];
  for (const match of html.matchAll(/\sdata-role-callout=(?:"([\w-]*)"|'([\w-]*)'|([\w-]+))/g)) {
    const data = decodeCalloutData(match[1] ?? match[2] ?? match[3] ?? '');
    if (data) callouts.push(data);
  }
  return callouts;
}

/** The built HTML file of a page path, as Docusaurus writes it. */
async function readPage(outDir: string, baseUrl: string, permalink: string): Promise<string | undefined> {
  const relative = decodeURIComponent(
    permalink.startsWith(baseUrl) ? permalink.slice(baseUrl.length) : permalink.replace(/^\//, ''),
  );
  const candidates = relative.endsWith('.html')
    ? [relative]
    : [path.join(relative, 'index.html'), `${relative.replace(/\/$/, '')}.html`];
  for (const candidate of candidates) {
    try {
      return await readFile(path.join(outDir, candidate), 'utf8');
    } catch {
      // Try the next layout (`trailingSlash` decides which one exists).
    }
  }
  return undefined;
}

/** What the built pages say against the table. */
export interface BuiltPagesReport {
  /** Disagreements between a built page and the table, at the entry's (or page's) source. */
  problems: Problem[];
  /** Pages with entries but no callout at all (compiled without `remarkRoles`), by content plugin instance. */
  withoutCallouts: Array<{line: string; entry: RoleEntry}>;
  /** Pages whose callouts carry no `data-role-callout` (an older ejected `RoleCallout`): compared by id only. */
  byIdOnly: string[];
  /** Pages read. */
  pagesRead: number;
}

/** `roles radiologist, area imaging, title "Reads the CT"`, the fields of `fields` only. */
function describe(data: {roles: readonly string[]; area: string; title: string}, fields: ReadonlyArray<'roles' | 'area' | 'title'>): string {
  return fields
    .map((field) =>
      field === 'roles' ? `roles ${data.roles.join(' ') || '(none)'}` : field === 'area' ? `area ${data.area}` : `title ${JSON.stringify(data.title)}`,
    )
    .join(', ');
}

/** The fields in which a callout and its entry differ. */
function differences(callout: CalloutData, entry: RoleEntry): Array<'roles' | 'area' | 'title'> {
  const fields: Array<'roles' | 'area' | 'title'> = [];
  if (callout.roles.join(' ') !== entry.roles.join(' ')) fields.push('roles');
  if (callout.area !== entry.area) fields.push('area');
  if (callout.title !== entry.title) fields.push('title');
  return fields;
}

/** One page against its entries: the disagreements, or why they cannot be compared. */
function comparePage(
  permalink: string,
  html: string,
  pageEntries: readonly RoleEntry[],
  source: {file: string; line: number},
): {problems: Problem[]; withoutCallouts: boolean; byIdOnly: boolean} {
  const here = normalizePagePath(permalink);
  const problem = (reason: string, at: {file: string; line: number} = source): Problem => ({
    file: at.file,
    line: at.line,
    column: 1,
    reason,
    ruleId: 'built-page-disagrees',
  });
  // Callouts of this very page (a page may show another's: a blog list).
  const callouts = htmlCallouts(html).filter((callout) => normalizePagePath(callout.page) === here);
  if (callouts.length === 0) {
    const ids = htmlIds(html);
    const absent = pageEntries.filter((entry) => !ids.has(entry.id));
    if (absent.length === 0) return {problems: [], withoutCallouts: false, byIdOnly: pageEntries.length > 0};
    if (!/class="?[^">]*theme-role-callout/.test(html)) return {problems: [], withoutCallouts: true, byIdOnly: false};
    return {
      problems: absent.map((entry) =>
        problem(`The table lists \`${entry.id}\` on ${permalink}, but the built page has no such callout`, {file: entry.source, line: entry.line}),
      ),
      withoutCallouts: false,
      byIdOnly: true,
    };
  }
  const problems: Problem[] = [];
  // By id; a listed one first (a duplicate id's second callout is left out, and the first keeps the row).
  const shown = new Map<string, CalloutData>();
  for (const callout of callouts) if (!shown.get(callout.id)?.listed) shown.set(callout.id, callout);
  for (const entry of pageEntries) {
    const at = {file: entry.source, line: entry.line};
    const callout = shown.get(entry.id);
    if (!callout) {
      problems.push(problem(`The table lists \`${entry.id}\` (${describe(entry, ['roles', 'area', 'title'])}) on ${permalink}, but the built page has no such callout`, at));
      continue;
    }
    if (!callout.listed) {
      problems.push(problem(`The table lists \`${entry.id}\` on ${permalink}, but the built page shows it as left out of the table (invalid, or on an unlisted page)`, at));
    }
    const fields = differences(callout, entry);
    if (fields.length > 0) {
      problems.push(problem(`The built page ${permalink} shows \`${entry.id}\` with ${describe(callout, fields)}, but the table has ${describe(entry, fields)}`, at));
    }
  }
  const listed = new Set(pageEntries.map((entry) => entry.id));
  for (const callout of callouts) {
    if (callout.listed && !listed.has(callout.id)) {
      problems.push(problem(`The built page ${permalink} shows \`${callout.id}\` (${describe(callout, ['roles', 'area', 'title'])}) as listed in the table, but the table has no such entry`));
    }
  }
  return {problems, withoutCallouts: false, byIdOnly: false};
}

/**
 * Read the pages that hold callouts and compare them with the table:
 * every page with entries, and `compiledPages` (pages this process compiled
 * with listed callouts, by permalink, with their source file).
 */
export async function inspectBuiltPages({
  outDir,
  baseUrl,
  entries,
  compiledPages = new Map(),
}: {
  outDir: string;
  baseUrl: string;
  entries: readonly RoleEntry[];
  compiledPages?: ReadonlyMap<string, string>;
}): Promise<BuiltPagesReport> {
  const byPage = new Map<string, RoleEntry[]>();
  for (const entry of entries) {
    const page = byPage.get(entry.permalink);
    if (page) page.push(entry);
    else byPage.set(entry.permalink, [entry]);
  }
  for (const permalink of compiledPages.keys()) if (!byPage.has(permalink)) byPage.set(permalink, []);
  const report: BuiltPagesReport = {problems: [], withoutCallouts: [], byIdOnly: [], pagesRead: 0};
  await Promise.all(
    [...byPage].map(async ([permalink, pageEntries]) => {
      const html = await readPage(outDir, baseUrl, permalink);
      if (html === undefined) return;
      report.pagesRead += 1;
      const first = pageEntries[0];
      const source = first ? {file: first.source, line: 1} : {file: compiledPages.get(permalink) ?? permalink, line: 1};
      const compared = comparePage(permalink, html, pageEntries, source);
      report.problems.push(...compared.problems);
      if (compared.byIdOnly) report.byIdOnly.push(permalink);
      if (compared.withoutCallouts && first) {
        report.withoutCallouts.push({line: `${first.source} (${permalink}): ${pageEntries.map((entry) => entry.id).join(', ')}`, entry: first});
      }
    }),
  );
  report.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.reason.localeCompare(b.reason));
  report.withoutCallouts.sort((a, b) => a.line.localeCompare(b.line));
  report.byIdOnly.sort();
  return report;
}

/** Throw, naming the pages and the fix, when the built pages and the table disagree. */
export async function checkBuiltCallouts({
  outDir,
  baseUrl,
  entries,
  siteConfig,
  compiledPages,
}: {
  outDir: string;
  baseUrl: string;
  entries: readonly RoleEntry[];
  /** The site config, to name the exact option to fix (default: none, the classic preset's form). */
  siteConfig?: DocusaurusConfig;
  /** Pages this process compiled with listed callouts: permalink → source file. */
  compiledPages?: ReadonlyMap<string, string>;
}): Promise<BuiltPagesReport> {
  const report = await inspectBuiltPages({outDir, baseUrl, entries, compiledPages});
  if (report.problems.length > 0) {
    throw new Error(
      `The built pages and the roles table disagree:\n${report.problems.map((problem) => `- ${formatProblem(problem)}`).join('\n')}\nThe page and the table decided differently about these annotations. This is a bug of docusaurus-plugin-roles; please report it with the files above.`,
    );
  }
  if (report.withoutCallouts.length === 0) return report;
  // The content plugin instances whose pages lack callouts, each with its fix.
  const fixes = new Map<string, string>();
  for (const {entry} of report.withoutCallouts) {
    fixes.set(describeInstance(entry.kind, entry.pluginId), remarkFix(siteConfig ?? ({} as DocusaurusConfig), entry.kind, entry.pluginId));
  }
  throw new Error(
    logger.interpolate`Role callouts are missing from built pages, so the table links to nothing:
${report.withoutCallouts.map(({line}) => `- ${line}`).join('\n')}
These pages were compiled without code=${'remarkRoles'}. Add it to the code=${'remarkPlugins'} of:
${[...fixes].sort().map(([instance, fix]) => `- ${instance}: ${fix}`).join('\n')}${ellipsisNote([...fixes.values()])}`,
  );
}
