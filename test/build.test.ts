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
        'pageTitle',
        'pagePosition',
        'categories',
        'sectionId',
        'sectionTitle',
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
    expect(rows.map((row) => [row.pageTitle, row.pagePosition, row.categories, row.sectionId, row.sectionTitle])).toEqual(
      exported.entries.map((entry) => [
        entry.pageTitle,
        String(entry.pagePosition),
        entry.categories.join(' > '),
        entry.sectionId ?? '',
        entry.sectionTitle ?? '',
      ]),
    );
  });

  it('places every duty under the heading above it on the built page, and its page in sidebar order', () => {
    for (const entry of exported.entries) {
      const $ = pageAt(all, entry.permalink)!;
      // Its page's title, as the page shows it.
      expect($('article h1').first().text(), entry.permalink).toBe(entry.pageTitle);
      // The nearest h2–h6 above the callout in the built HTML is its section.
      const headings = $('h2[id], h3[id], h4[id], h5[id], h6[id], .theme-role-callout[id]');
      let section: {id: string | null; title: string | null} = {id: null, title: null};
      headings.each((_, element) => {
        if ($(element).is('.theme-role-callout')) return $(element).attr('id') === entry.id ? false : undefined;
        // The heading's text without its hash link's zero-width space.
        section = {id: $(element).attr('id')!, title: $(element).text().replace(/\u200b/g, '').trim()};
        return undefined;
      });
      expect(section, `${entry.permalink}#${entry.id}`).toEqual({id: entry.sectionId, title: entry.sectionTitle});
    }
    // The sidebar's order: pages numbered as the reader meets them (on a
    // page inside the category, so that the category is expanded).
    const $ = pageAt(all, '/spinal-cord-stimulator/during-placement')!;
    const sidebar = $('.theme-doc-sidebar-menu a.menu__link')
      .map((_, element) => $(element).attr('href'))
      .get();
    const byPage = [...new Map(exported.entries.map((entry) => [entry.permalink, entry.pagePosition])).entries()];
    const ordered = [...byPage].sort((a, b) => a[1] - b[1]).map(([permalink]) => permalink);
    expect(ordered).toEqual(sidebar.filter((href) => byPage.some(([permalink]) => permalink === href)));
  });

  it('embeds the journey on the spinal cord stimulator overview: steps as rows in sidebar order, linked', () => {
    const $ = pageAt(all, '/spinal-cord-stimulator/')!;
    const table = $('.theme-role-table.theme-role-table--by-page.theme-role-table--handout');
    expect(table.length).toBe(1);
    expect(table.find('thead th').first().text()).toBe('Step');
    const rows = table
      .find('tbody tr.theme-role-table-page th a.theme-role-table-row-link')
      .map((_, element) => `${$(element).text()} ${$(element).attr('href')}`)
      .get();
    expect(rows).toEqual([
      'Before the procedure /spinal-cord-stimulator/before-the-procedure',
      'During placement /spinal-cord-stimulator/during-placement',
      'After placement /spinal-cord-stimulator/after-placement',
    ]);
    // Every duty of the section, each with its text in a disclosure.
    const journey = exported.entries.filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator/'));
    const duties = table.find('li.theme-role-table-duty');
    expect(duties.length).toBe(journey.reduce((sum, entry) => sum + entry.roles.length, 0));
    duties.each((_, duty) => {
      const href = $(duty).find('a').first().attr('href')!;
      const entry = journey.find((candidate) => `${candidate.permalink}#${candidate.id}` === href)!;
      expect($(duty).find('details.theme-role-table-duty-text summary').attr('aria-label')).toBe(`Read more: ${entry.title}`);
      const details = $(duty).find('details').clone();
      details.children('summary').remove();
      expect(details.text()).toBe(entry.text);
    });
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
    expect(exported.entries).toHaveLength(9);
    expect(exported.roles.map((role) => role.key)).toEqual(['radiologist', 'technologist', 'nurse']);
  });

  it('orders pages as the autogenerated sidebar does (sidebar_position, categories) and places duties in their sections', () => {
    const staff = exported.entries.filter((entry) => entry.pluginId === 'staff');
    expect(
      staff.map((entry) => [entry.pagePosition, entry.pageTitle, entry.categories.join(' > '), entry.title, entry.sectionId, entry.sectionTitle]),
    ).toEqual([
      // journey/index.md is the category's index page (position 1, no duty);
      // z-before.md sorts last by name, first by `sidebar_position`.
      [2, 'Before', 'Patient journey', 'Screens for implants', 'screening', 'Screening'],
      [3, 'During', 'Patient journey', 'Checks the patient in', null, null],
      [3, 'During', 'Patient journey', 'Positions the patient', 'positioning-step', 'Positioning'],
      [3, 'During', 'Patient journey', 'Watches the monitor', 'monitoring-closely', 'Monitoring closely'],
      [4, 'After', 'Patient journey', 'Reads the images', 'reading', 'Reading'],
      // The category has `position: 1`: the page without one comes after it.
      [5, 'Contrast for staff', '', 'Starts the IV line', null, null],
      [5, 'Contrast for staff', '', 'Injects contrast', null, null],
    ]);
    // Each section is a heading anchor on the built page.
    for (const entry of staff.filter((candidate) => candidate.sectionId !== null)) {
      expect(pageAt(all, entry.permalink)!(`h2#${entry.sectionId}, h3#${entry.sectionId}`).length, entry.sectionId!).toBe(1);
    }
  });

  it('serves the table at the configured path and an embedded, narrowed table in a doc', () => {
    const table = pageAt(all, '/hospital/who-does-what')!;
    // The shared duty is listed under both roles.
    expect(table('.theme-role-table li.theme-role-table-duty > a').length).toBe(10);
    const intro = pageAt(all, '/hospital/docs/next/intro')!;
    const embedded = intro('.theme-role-table li.theme-role-table-duty > a').map((_, element) => intro(element).text()).get();
    // Patient care only, from every instance: the technologist's column, then
    // the nurse's, each in reading order (the journey's pages come first).
    expect(embedded).toEqual(['Screens for implants', 'Checks the patient in', 'Watches the monitor', 'Starts the IV line']);
  });

  it('narrows an embedded table to a path (baseUrl left out) and groups it by page, in sidebar order', () => {
    const $ = pageAt(all, '/hospital/staff/journey/')!;
    const rows = $('.theme-role-table--by-page tbody tr')
      .map((_, row) => {
        const link = $(row).find('th a.theme-role-table-row-link');
        const duties = $(row).find('li.theme-role-table-duty > a').map((__, a) => $(a).text()).get();
        return `${link.text()} ${link.attr('href')}: ${duties.join(', ')}`;
      })
      .get();
    expect(rows).toEqual([
      'Before /hospital/staff/journey/z-before/: Screens for implants',
      'During /hospital/staff/journey/m-during/: Positions the patient, Checks the patient in, Watches the monitor',
      'After /hospital/staff/journey/a-after/: Reads the images',
    ]);
  });

  it('narrows an embedded table to a sidebar category and groups it by section, each row under its page', () => {
    const $ = pageAt(all, '/hospital/staff/journey/')!;
    const rows = $('.theme-role-table--by-section tbody th')
      .map((_, cell) => {
        const link = $(cell).find('a.theme-role-table-row-link');
        const context = link.parent().prev('span').text();
        return `${context ? `${context} › ` : ''}${link.text()} ${link.attr('href')}`;
      })
      .get();
    expect(rows).toEqual([
      'Before › Screening /hospital/staff/journey/z-before/#screening',
      // The duty above the first heading belongs to the top of its page.
      'During /hospital/staff/journey/m-during/',
      'During › Positioning /hospital/staff/journey/m-during/#positioning-step',
      'During › Monitoring closely /hospital/staff/journey/m-during/#monitoring-closely',
      'After › Reading /hospital/staff/journey/a-after/#reading',
    ]);
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
