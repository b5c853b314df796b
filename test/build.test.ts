/**
 * Integration: real `docusaurus build`s, asserting on the output on disk.
 *
 * - the demo site (this repository): every callout has its id, `roles.json`
 *   has exactly one entry per callout, every table link lands on an anchor;
 * - `test/sites/multi`: two docs instances, a version, a draft, a baseUrl,
 *   custom roles, an embedded table;
 * - `test/sites/bad-role` and `test/sites/no-remark`: the build fails with
 *   the file, line and column, or with the missing setup line.
 */
import {execFile} from 'node:child_process';
import {existsSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {load, type CheerioAPI} from 'cheerio';
import {parse} from 'csv-parse/sync';
import type {RolesExport} from '../plugins/docusaurus-plugin-roles/src/plugin/exports.js';

const repo = path.dirname(import.meta.dirname);
const tmp = path.join(repo, 'test', '.tmp');
const docusaurus = path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

/** Run `docusaurus build`; resolves with the exit code and all output. */
async function build(siteDir: string, outDir: string): Promise<{code: number; output: string}> {
  rmSync(outDir, {recursive: true, force: true});
  try {
    const {stdout, stderr} = await promisify(execFile)(
      process.execPath,
      [docusaurus, 'build', siteDir, '--out-dir', outDir],
      {cwd: repo, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}, maxBuffer: 64 * 1024 * 1024},
    );
    return {code: 0, output: stdout + stderr};
  } catch (error) {
    const failed = error as {code?: number; stdout?: string; stderr?: string};
    return {code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`};
  }
}

/** Every built HTML page, keyed by its URL path (with the site's baseUrl). */
function pages(outDir: string, baseUrl: string): Map<string, CheerioAPI> {
  const result = new Map<string, CheerioAPI>();
  for (const file of readdirSync(outDir, {recursive: true}) as string[]) {
    if (!file.endsWith('.html') || file === '404.html') continue;
    const url = `${baseUrl}${file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
    result.set(url, load(readFileSync(path.join(outDir, file), 'utf8')));
  }
  return result;
}

/** The page a link points at, tolerant of the trailing slash. */
function pageAt(all: Map<string, CheerioAPI>, pathname: string): CheerioAPI | undefined {
  const bare = pathname.replace(/\/$/, '');
  return all.get(bare) ?? all.get(`${bare}/`);
}

function readExport(outDir: string): RolesExport {
  return JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
}

describe('the demo site', () => {
  const outDir = path.join(tmp, 'demo');
  let all: Map<string, CheerioAPI>;
  let exported: RolesExport;

  beforeAll(async () => {
    const {code, output} = await build(repo, outDir);
    expect(code, output).toBe(0);
    all = pages(outDir, '/');
    exported = readExport(outDir);
  });

  it('gives every callout an id and exports exactly one entry per callout', () => {
    const callouts: string[] = [];
    for (const [url, $] of all) {
      $('.theme-role-callout').each((_, element) => {
        const id = $(element).attr('id');
        expect(id, `callout without id on ${url}`).toBeTruthy();
        callouts.push(`${url.replace(/\/$/, '') || '/'}#${id}`);
      });
    }
    const entries = exported.entries.map((entry) => `${entry.permalink}#${entry.id}`);
    expect(new Set(callouts).size).toBe(callouts.length);
    expect([...entries].sort()).toEqual([...callouts].sort());
  });

  it('links every duty in the table to an anchor on its page', () => {
    const $ = pageAt(all, '/roles')!;
    const links = $('.theme-role-table a[href*="#"]')
      .map((_, element) => $(element).attr('href'))
      .get();
    // A shared duty is listed once per role.
    expect(links).toHaveLength(exported.entries.reduce((sum, entry) => sum + entry.roles.length, 0));
    for (const href of links) {
      const [pathname, id] = href.split('#') as [string, string];
      const page = pageAt(all, pathname);
      expect(page, `no page at ${pathname}`).toBeDefined();
      expect(page!(`[id="${id}"]`).length, `no anchor #${id} on ${pathname}`).toBe(1);
    }
  });

  it('links every callout back to its row in the table', () => {
    const table = pageAt(all, '/roles')!;
    let checked = 0;
    for (const [, $] of all) {
      $('.theme-role-callout-compare').each((_, element) => {
        const [pathname, id] = $(element).attr('href')!.split('#') as [string, string];
        expect(pathname).toBe('/roles');
        expect(table(`[id="${id}"]`).length, `no row #${id}`).toBe(1);
        checked += 1;
      });
    }
    expect(checked).toBe(exported.entries.length);
  });

  it('renders the whole table in the static HTML, areas as rows and roles as columns', () => {
    const $ = pageAt(all, '/roles')!;
    expect($('.theme-role-table table caption').text()).toContain('Radiologist');
    expect($('.theme-role-table thead th[scope="col"]').text()).toContain('Radiologic technologist');
    const areas = $('.theme-role-table tbody th[scope="row"]')
      .map((_, element) => $(element).text())
      .get();
    expect(areas.length).toBeGreaterThanOrEqual(7);
    expect(areas[0]).toContain('Imaging');
  });

  it('writes roles.json with the documented schema and a matching roles.csv', () => {
    expect(exported).toMatchObject({schemaVersion: 1, locale: 'en'});
    expect(exported.roles.map((role) => role.key)).toEqual(['radiologist', 'technologist']);
    expect(exported.areas.map((area) => area.key)).toContain('radiation-safety');
    for (const entry of exported.entries) {
      expect(Object.keys(entry)).toEqual([
        'id',
        'roles',
        'area',
        'title',
        'text',
        'permalink',
        'source',
        'line',
        'pluginId',
        'version',
      ]);
      const lines = readFileSync(path.join(repo, entry.source), 'utf8').split('\n');
      expect(lines[entry.line - 1]).toMatch(/^:{3,}role/);
    }
    const csv = readFileSync(path.join(outDir, 'roles.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid,roles,')).toBe(true);
    const rows = parse(csv, {columns: true, bom: true}) as Record<string, string>[];
    expect(rows.map((row) => `${row.permalink}#${row.id} ${row.roles}`)).toEqual(
      exported.entries.map((entry) => `${entry.permalink}#${entry.id} ${entry.roles.join(' ')}`),
    );
  });

  it('has the demo content the issue asks for', () => {
    const pagesWithDuties = new Set(exported.entries.map((entry) => entry.permalink));
    expect(exported.entries.length).toBeGreaterThanOrEqual(20);
    expect(pagesWithDuties.size).toBeGreaterThanOrEqual(5);
    for (const area of new Set(exported.entries.map((entry) => entry.area))) {
      const roles = new Set(exported.entries.filter((entry) => entry.area === area).flatMap((entry) => entry.roles));
      expect([...roles].sort(), `roles in ${area}`).toEqual(['radiologist', 'technologist']);
    }
  });
});

describe('a site with two docs instances, versions, a draft and custom roles', () => {
  const outDir = path.join(tmp, 'multi');
  let exported: RolesExport;
  let all: Map<string, CheerioAPI>;

  beforeAll(async () => {
    const {code, output} = await build(path.join(repo, 'test', 'sites', 'multi'), outDir);
    expect(code, output).toBe(0);
    exported = readExport(outDir);
    all = pages(outDir, '/hospital/');
  });

  it('gathers every instance and version, with baseUrl in permalinks, and leaves drafts out', () => {
    expect(exported.entries.map((entry) => [entry.pluginId, entry.version, entry.permalink, entry.id, entry.roles])).toEqual(
      expect.arrayContaining([
        ['default', 'current', '/hospital/docs/next/intro/', 'reads-the-ct', ['radiologist']],
        ['default', '1.0', '/hospital/docs/intro/', 'reads-the-ct', ['radiologist']],
        ['staff', 'current', '/hospital/staff/contrast/', 'starts-the-iv-line', ['nurse']],
        ['staff', 'current', '/hospital/staff/contrast/', 'injects-contrast', ['technologist', 'nurse']],
      ]),
    );
    expect(exported.entries).toHaveLength(4);
    expect(exported.roles.map((role) => role.key)).toEqual(['radiologist', 'technologist', 'nurse']);
  });

  it('serves the table at the configured path and an embedded, narrowed table in a doc', () => {
    const table = pageAt(all, '/hospital/who-does-what')!;
    expect(table('.theme-role-table a').length).toBe(5); // the shared duty is listed under both roles
    const intro = pageAt(all, '/hospital/docs/next/intro')!;
    const embedded = intro('.theme-role-table a').map((_, element) => intro(element).text()).get();
    expect(embedded).toEqual(['Starts the IV line']);
  });
});

describe('a site that builds with invalid annotations (warn)', () => {
  const outDir = path.join(tmp, 'warn-mode');
  let output: string;
  let html: string;
  let exported: RolesExport;

  beforeAll(async () => {
    const result = await build(path.join(repo, 'test', 'sites', 'warn-mode'), outDir);
    expect(result.code, result.output).toBe(0);
    output = result.output;
    html = load(readFileSync(path.join(outDir, 'index.html'), 'utf8'))('main').text();
    exported = readExport(outDir);
  });

  it('renders every invalid annotation as the author wrote it, and warns with its position', () => {
    for (const text of [
      ':::role[Reads the images] {of=radiologist}',
      'Space before the braces: a paragraph, shown as written.',
      'An unknown role: the callout shows, left out of the table.',
      'Close to imaging.',
      'An expression in the title.',
      'A leaf directive',
      '::role[A spaced leaf] {of=technologist}',
      'Inline spaced text directive {of=radiologist} in a sentence.',
      'Text with a text directive inside.',
      'Second of two.',
      ':::role Title without brackets',
      'Body of a malformed one.',
    ]) {
      expect(html).toContain(text);
    }
    expect(output).toContain('docs/index.md:3:1: Unexpected `:::role[Reads the images]`');
    expect(output).toContain('docs/index.md:7:1: Unknown role `pharmacist`');
  });

  it('lists only the valid duties in the table and the exports', () => {
    expect(exported.entries.map((entry) => `${entry.id} ${entry.title}`)).toEqual(['same Duplicate', 'valid-duty Valid duty']);
  });
});

describe('builds that must fail', () => {
  it('names the doc that already serves the table page route', async () => {
    const {code, output} = await build(path.join(repo, 'test', 'sites', 'route-taken'), path.join(tmp, 'route-taken'));
    expect(code).not.toBe(0);
    expect(output).toContain('The roles table page\'s route `/roles` is already the route of docusaurus-plugin-content-docs (id "default", docs/roles.md)');
  });

  it('names the file, line and column of an unknown role', async () => {
    const siteDir = path.join(repo, 'test', 'sites', 'bad-role');
    const {code, output} = await build(siteDir, path.join(tmp, 'bad-role'));
    expect(code).not.toBe(0);
    expect(output).toContain(
      'docs/index.md:7:1: Unknown role `pharmacist`, expected one of: radiologist, technologist (aliases: radiographer, rad-tech)',
    );
    expect(existsSync(path.join(tmp, 'bad-role', 'roles.json'))).toBe(false);
  });

  it('explains the missing remarkPlugins line', async () => {
    const siteDir = path.join(repo, 'test', 'sites', 'no-remark');
    const {code, output} = await build(siteDir, path.join(tmp, 'no-remark'));
    expect(code).not.toBe(0);
    expect(output).toContain('contain role annotations (first at docs/index.md:3)');
    expect(output).toContain("presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]");
  });
});
