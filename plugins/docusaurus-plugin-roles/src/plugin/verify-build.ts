/**
 * After a build, make sure every entry of the table has its callout in the
 * built page: the last line of defence against a docs, blog or pages
 * instance compiled without `remarkRoles` (which the config check cannot
 * always see).
 */
import path from 'node:path';
import {readFile} from 'node:fs/promises';
import {logger} from '@docusaurus/logger';
import type {DocusaurusConfig} from '@docusaurus/types';
import {decodeHTMLAttribute} from 'entities';
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

/** Throw, naming the pages and the fix, when built pages lack callouts. */
export async function checkBuiltCallouts({
  outDir,
  baseUrl,
  entries,
  siteConfig,
}: {
  outDir: string;
  baseUrl: string;
  entries: readonly RoleEntry[];
  /** The site config, to name the exact option to fix (default: none, the classic preset's form). */
  siteConfig?: DocusaurusConfig;
}): Promise<void> {
  const byPage = new Map<string, RoleEntry[]>();
  for (const entry of entries) {
    const page = byPage.get(entry.permalink);
    if (page) page.push(entry);
    else byPage.set(entry.permalink, [entry]);
  }
  const missing: string[] = [];
  // The content plugin instances whose pages lack callouts, each with its fix.
  const fixes = new Map<string, string>();
  // Pages that do show callouts, but not these: the table and the page
  // disagree, which no setup change explains.
  const disagreeing: string[] = [];
  await Promise.all(
    [...byPage].map(async ([permalink, pageEntries]) => {
      const html = await readPage(outDir, baseUrl, permalink);
      if (html === undefined) return;
      const ids = htmlIds(html);
      const absent = pageEntries.filter((entry) => !ids.has(entry.id));
      if (absent.length === 0) return;
      const {source, kind, pluginId} = pageEntries[0]!;
      const line = `${source} (${permalink}): ${absent.map((entry) => entry.id).join(', ')}`;
      if (/class="?[^">]*theme-role-callout/.test(html)) {
        disagreeing.push(line);
      } else {
        missing.push(line);
        fixes.set(describeInstance(kind, pluginId), remarkFix(siteConfig ?? ({} as DocusaurusConfig), kind, pluginId));
      }
    }),
  );
  if (disagreeing.length > 0) {
    throw new Error(
      `The roles table lists duties that their built pages do not show:\n${disagreeing
        .sort()
        .map((line) => `- ${line}`)
        .join('\n')}\nThe pages have other callouts, so remarkRoles ran: the table and the page decided differently. This is a bug of docusaurus-plugin-roles; please report it with the file above.`,
    );
  }
  if (missing.length === 0) return;
  throw new Error(
    logger.interpolate`Role callouts are missing from built pages, so the table links to nothing:
${missing.sort().map((line) => `- ${line}`).join('\n')}
These pages were compiled without code=${'remarkRoles'}. Add it to the code=${'remarkPlugins'} of:
${[...fixes].sort().map(([instance, fix]) => `- ${instance}: ${fix}`).join('\n')}${ellipsisNote([...fixes.values()])}`,
  );
}
