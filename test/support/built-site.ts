/**
 * Helpers of the integration tests that run real `docusaurus build`s and
 * read the output on disk (`build.test.ts`, `long/build-sites.test.ts`).
 */
import {readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {load, type CheerioAPI} from 'cheerio';
import type {RolesExport} from '../../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {runDocusaurus} from '../docusaurus-cli.js';

/** The repository root (the demo site). */
export const repo = path.resolve(import.meta.dirname, '..', '..');
/** Where the builds write (ignored by git). */
export const tmp = path.join(repo, 'test', '.tmp');

/** Run a docusaurus command on a site; resolves with the exit code and all output. */
export async function docusaurus(siteDir: string, args: string[]): Promise<{code: number; output: string}> {
  const {code, stdout, stderr} = await runDocusaurus(siteDir, args);
  return {code, output: stdout + stderr};
}

/** Run `docusaurus build` (every locale of the site); resolves with the exit code and all output. */
export async function build(siteDir: string, outDir: string): Promise<{code: number; output: string}> {
  rmSync(outDir, {recursive: true, force: true});
  return docusaurus(siteDir, ['build', siteDir, '--out-dir', outDir]);
}

/** Every built HTML page, keyed by its URL path (with the site's baseUrl), but those under `skip` folders. */
export function pages(outDir: string, baseUrl: string, skip: string[] = []): Map<string, CheerioAPI> {
  const result = new Map<string, CheerioAPI>();
  for (const file of readdirSync(outDir, {recursive: true}) as string[]) {
    if (!file.endsWith('.html') || file === '404.html') continue;
    if (skip.some((folder) => file.startsWith(folder))) continue;
    const url = `${baseUrl}${file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
    result.set(url, load(readFileSync(path.join(outDir, file), 'utf8')));
  }
  return result;
}

/** The page a link points at, tolerant of the trailing slash. */
export function pageAt(all: Map<string, CheerioAPI>, pathname: string): CheerioAPI | undefined {
  const bare = pathname.replace(/\/$/, '');
  return all.get(bare) ?? all.get(`${bare}/`);
}

export function readExport(outDir: string): RolesExport {
  return JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
}
