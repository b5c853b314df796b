/**
 * Integration: real `docusaurus build`s, asserting on the output on disk.
 *
 * - the demo site (this repository), in English and Spanish: every callout
 *   has its id, `roles.json` has exactly one entry per callout, every table
 *   link lands on an anchor, the Spanish build shows translated strings,
 *   labels and duties, and `roles:export` writes the same files;
 * - `test/sites/multi`: two docs instances, a version, two blogs, pages,
 *   drafts, unlisted content, a baseUrl, custom roles, an embedded table;
 * - `test/sites/bad-role` and `test/sites/no-remark`: the build fails with
 *   the file, line and column, or with the missing setup line.
 */
import {existsSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {load, type CheerioAPI} from 'cheerio';
import {parse} from 'csv-parse/sync';
import type {RolesExport} from '../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {runDocusaurus} from './docusaurus-cli.js';

const repo = path.dirname(import.meta.dirname);
const tmp = path.join(repo, 'test', '.tmp');

/** Run a docusaurus command on a site; resolves with the exit code and all output. */
async function docusaurus(siteDir: string, args: string[]): Promise<{code: number; output: string}> {
  const {code, stdout, stderr} = await runDocusaurus(siteDir, args);
  return {code, output: stdout + stderr};
}

/** Run `docusaurus build` (every locale of the site); resolves with the exit code and all output. */
async function build(siteDir: string, outDir: string): Promise<{code: number; output: string}> {
  rmSync(outDir, {recursive: true, force: true});
  return docusaurus(siteDir, ['build', siteDir, '--out-dir', outDir]);
}

/** Every built HTML page, keyed by its URL path (with the site's baseUrl), but those under `skip` folders. */
function pages(outDir: string, baseUrl: string, skip: string[] = []): Map<string, CheerioAPI> {
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
function pageAt(all: Map<string, CheerioAPI>, pathname: string): CheerioAPI | undefined {
  const bare = pathname.replace(/\/$/, '');
  return all.get(bare) ?? all.get(`${bare}/`);
}

function readExport(outDir: string): RolesExport {
  return JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
}

describe('the demo site, built in English and Spanish by one docusaurus build', () => {
  const outDir = path.join(tmp, 'demo');
  const built = new Map<string, {all: Map<string, CheerioAPI>; exported: RolesExport; dir: string; baseUrl: string}>();

  beforeAll(async () => {
    const {code, output} = await build(repo, outDir);
    expect(code, output).toBe(0);
    for (const [locale, baseUrl] of [
      ['en', '/'],
      ['es', '/es/'],
    ] as const) {
      const dir = locale === 'en' ? outDir : path.join(outDir, locale);
      // The default locale's output holds the other locales' folders: leave them out.
      built.set(locale, {all: pages(dir, baseUrl, ['es/']), exported: readExport(dir), dir, baseUrl});
    }
  });

  describe.each(['en', 'es'])('in %s', (locale) => {
    const site = () => built.get(locale)!;

    it('gives every callout an id and exports exactly one entry per callout', () => {
      const {all, exported} = site();
      const callouts: string[] = [];
      for (const [url, $] of all) {
        $('.theme-role-callout').each((_, element) => {
          const id = $(element).attr('id');
          expect(id, `callout without id on ${url}`).toBeTruthy();
          callouts.push(`${url.replace(/\/$/, '') || '/'}#${id}`);
        });
      }
      const entries = exported.entries.map((entry) => `${entry.permalink.replace(/\/$/, '') || '/'}#${entry.id}`);
      expect(new Set(callouts).size).toBe(callouts.length);
      expect([...entries].sort()).toEqual([...callouts].sort());
    });

    it('links every duty in the table to an anchor on its page', () => {
      const {all, exported, baseUrl} = site();
      const $ = pageAt(all, `${baseUrl}roles`)!;
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
      const {all, exported, baseUrl} = site();
      const table = pageAt(all, `${baseUrl}roles`)!;
      let checked = 0;
      for (const [, $] of all) {
        $('.theme-role-callout-compare').each((_, element) => {
          const [pathname, id] = $(element).attr('href')!.split('#') as [string, string];
          expect(pathname).toBe(`${baseUrl}roles`);
          expect(table(`[id="${id}"]`).length, `no row #${id}`).toBe(1);
          checked += 1;
        });
      }
      expect(checked).toBe(exported.entries.length);
    });

    it('writes roles.json with the documented schema and a matching roles.csv', () => {
      const {exported, dir} = site();
      expect(exported).toMatchObject({schemaVersion: 3, locale});
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
          'kind',
          'pluginId',
          'version',
          'pageTitle',
          'pagePosition',
          'categories',
          'sectionId',
          'sectionTitle',
          'follows',
          'handsTo',
        ]);
        const lines = readFileSync(path.join(repo, entry.source), 'utf8').split('\n');
        expect(lines[entry.line - 1]).toMatch(/^:{3,}role/);
      }
      expect(new Set(exported.entries.map((entry) => entry.kind))).toEqual(new Set(['docs', 'blog', 'page']));
      const csv = readFileSync(path.join(dir, 'roles.csv'), 'utf8');
      expect(csv.startsWith('\uFEFFid,roles,')).toBe(true);
      const rows = parse(csv, {columns: true, bom: true}) as Record<string, string>[];
      expect(rows.map((row) => `${row.permalink}#${row.id} ${row.roles} ${row.kind}`)).toEqual(
        exported.entries.map((entry) => `${entry.permalink}#${entry.id} ${entry.roles.join(' ')} ${entry.kind}`),
      );
      expect(rows.map((row) => [row.version, row.pageTitle, row.pagePosition, row.categories, row.sectionId, row.sectionTitle])).toEqual(
        exported.entries.map((entry) => [
          entry.version ?? '',
          entry.pageTitle,
          String(entry.pagePosition),
          entry.categories.join(' > '),
          entry.sectionId ?? '',
          entry.sectionTitle ?? '',
        ]),
      );
      expect(rows.map((row) => [row.follows, row.handsTo])).toEqual(
        exported.entries.map((entry) => [entry.follows.join(' '), entry.handsTo.join(' ')]),
      );
    });
  });

  it('renders the whole table in the static HTML, areas as rows and roles as columns', () => {
    const $ = pageAt(built.get('en')!.all, '/roles')!;
    expect($('.theme-role-table table caption').text()).toContain('Radiologist');
    expect($('.theme-role-table thead th[scope="col"]').text()).toContain('Radiologic technologist');
    const areas = $('.theme-role-table tbody th[scope="row"]')
      .map((_, element) => $(element).text())
      .get();
    expect(areas.length).toBeGreaterThanOrEqual(7);
    expect(areas[0]).toContain('Imaging');
  });

  it('places every duty under the heading above it on the built page, and its page in sidebar order', () => {
    const {all, exported} = built.get('en')!;
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
    const docs = exported.entries.filter((entry) => entry.kind === 'docs');
    const byPage = [...new Map(docs.map((entry) => [entry.permalink, entry.pagePosition])).entries()];
    const ordered = [...byPage].sort((a, b) => a[1] - b[1]).map(([permalink]) => permalink);
    expect(ordered).toEqual(sidebar.filter((href) => byPage.some(([permalink]) => permalink === href)));
  });

  it('embeds the journey on the spinal cord stimulator overview: steps as rows in sidebar order, linked', () => {
    const {all, exported} = built.get('en')!;
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
    const {exported} = built.get('en')!;
    const pagesWithDuties = new Set(exported.entries.map((entry) => entry.permalink));
    expect(exported.entries.length).toBeGreaterThanOrEqual(20);
    expect(pagesWithDuties.size).toBeGreaterThanOrEqual(5);
    for (const area of new Set(exported.entries.map((entry) => entry.area))) {
      const roles = new Set(exported.entries.filter((entry) => entry.area === area).flatMap((entry) => entry.roles));
      expect([...roles].sort(), `roles in ${area}`).toEqual(['radiologist', 'technologist']);
    }
    expect(exported.entries.filter((entry) => entry.kind === 'blog').map((entry) => entry.permalink)).toEqual([
      '/blog/2025/03/12/a-morning-in-the-reading-room',
      '/blog/2025/03/12/a-morning-in-the-reading-room',
    ]);
    expect(exported.entries.filter((entry) => entry.kind === 'page').map((entry) => entry.permalink)).toEqual([
      '/your-visit',
      '/your-visit',
    ]);
  });

  it('shows the Spanish table: UI strings, role and area labels, title and Spanish duties', () => {
    const {all, exported} = built.get('es')!;
    const $ = pageAt(all, '/es/roles')!;
    expect($('html').attr('lang')).toBe('es');
    expect($('title').text()).toBe('Quién hace qué | Quién hace qué en imágenes médicas');
    expect($('meta[name="description"]').attr('content')).toBe(
      'Todas las tareas descritas en este sitio, comparadas por profesional y por área.',
    );
    expect($('.theme-role-table table caption').text()).toBe('Tareas por área: Radiólogo y Tecnólogo radiológico');
    expect($('.theme-role-table tbody th[scope="row"]').first().text()).toContain('Toma de imágenes');
    expect($('.theme-role-table-status').text()).toBe(`Mostrando ${exported.entries.length} de ${exported.entries.length} tareas`);
    expect(exported.roles.map((role) => role.label)).toEqual(['Radiólogo', 'Tecnólogo radiológico']);
    expect(exported.areas.map((area) => area.label)).toContain('Seguridad radiológica');
    // The canonical keys never change, whatever the Spanish docs wrote (of=radiólogo, of=técnica…).
    expect(new Set(exported.entries.flatMap((entry) => entry.roles))).toEqual(new Set(['radiologist', 'technologist']));
    const during = exported.entries.find((entry) => entry.id === 'captures-the-spine-images')!;
    expect(during).toMatchObject({
      title: 'Toma las imágenes de la columna',
      permalink: '/es/spinal-cord-stimulator/during-placement',
      source: 'i18n/es/docusaurus-plugin-content-docs/current/spinal-cord-stimulator/during-placement.md',
      roles: ['technologist'],
    });
    const doc = pageAt(all, '/es/spinal-cord-stimulator/during-placement')!;
    const callout = doc('#captures-the-spine-images');
    expect(callout.find('.theme-role-badge').text()).toBe('Tecnólogo radiológico');
    expect(callout.find('.theme-role-callout-compare').text()).toContain('Comparar en la tabla');
    expect(doc('.theme-roles-summary-title').text()).toBe('Quién hace qué en esta página');
    expect(pageAt(all, '/es/what-technologists-do')!('#asks-about-pregnancy-before-x-ray-and-ct .theme-role-badge').text()).toBe(
      'Tecnólogo radiológico',
    );
    const shared = pageAt(all, '/es/')!('#introduces-themselves-and-their-role');
    expect(shared.text()).toContain('Tarea compartida');
  });

  it('lists untranslated pages in the Spanish table as Docusaurus serves them: English, under /es/', () => {
    const {exported} = built.get('es')!;
    const glossary = exported.entries.filter((entry) => entry.source === 'docs/glossary.md');
    expect(glossary.length).toBeGreaterThan(0);
    for (const entry of glossary) expect(entry.permalink).toBe('/es/glossary');
    expect(glossary.map((entry) => entry.title)).toContain('Keeps ARRT certification current');
    const story = exported.entries.filter((entry) => entry.kind === 'blog');
    expect(story.map((entry) => [entry.permalink, entry.title])).toEqual([
      ['/es/blog/2025/03/12/a-morning-in-the-reading-room', 'Reads the most urgent exams first'],
      ['/es/blog/2025/03/12/a-morning-in-the-reading-room', 'Adds a view when the radiologist asks'],
    ]);
    // Same duties, same ids, in both locales.
    const ids = (entries: RolesExport['entries']) => entries.map((entry) => `${entry.permalink.replace(/^\/es/, '')}#${entry.id}`);
    expect(ids(exported.entries).sort()).toEqual(ids(built.get('en')!.exported.entries).sort());
  });

  it('writes the same exports for both locales with roles:export, without a build', async () => {
    const exportDir = path.join(tmp, 'demo-export');
    rmSync(exportDir, {recursive: true, force: true});
    const {code, output} = await docusaurus(repo, ['roles:export', '--out-dir', exportDir]);
    expect(code, output).toBe(0);
    for (const file of ['roles.json', 'roles.csv', 'es/roles.json', 'es/roles.csv']) {
      expect(readFileSync(path.join(exportDir, file), 'utf8'), file).toBe(readFileSync(path.join(outDir, file), 'utf8'));
    }
  });
});

describe('a site with two docs instances, versions, two blogs, pages, drafts, unlisted content and custom roles', () => {
  const outDir = path.join(tmp, 'multi');
  let exported: RolesExport;
  let all: Map<string, CheerioAPI>;

  const siteDir = path.join(repo, 'test', 'sites', 'multi');
  const cacheFile = path.join(siteDir, 'node_modules', '.cache', 'docusaurus-plugin-roles', 'facts-default-en.json');
  let cacheAfterBuild: string;

  beforeAll(async () => {
    rmSync(path.dirname(cacheFile), {recursive: true, force: true});
    const {code, output} = await build(siteDir, outDir);
    expect(code, output).toBe(0);
    exported = readExport(outDir);
    all = pages(outDir, '/hospital/');
    cacheAfterBuild = readFileSync(cacheFile, 'utf8');
  });

  it('gathers every docs instance and version, blog and Markdown page, with baseUrl in permalinks', () => {
    const shown = exported.entries.map((entry) => [entry.kind, entry.pluginId, entry.version, entry.permalink, entry.id, entry.roles]);
    expect(shown.filter(([kind]) => kind === 'docs')).toEqual(
      expect.arrayContaining([
        ['docs', 'default', 'current', '/hospital/docs/next/intro/', 'reads-the-ct', ['radiologist']],
        ['docs', 'default', '1.0', '/hospital/docs/intro/', 'reads-the-ct', ['radiologist']],
        ['docs', 'staff', 'current', '/hospital/staff/contrast/', 'starts-the-iv-line', ['nurse']],
        ['docs', 'staff', 'current', '/hospital/staff/contrast/', 'injects-contrast', ['technologist', 'nurse']],
      ]),
    );
    expect(shown.filter(([kind]) => kind === 'docs')).toHaveLength(9);
    // Docs first, then the posts of each blog, then the pages, each in its plugin's order.
    expect(shown.slice(9)).toEqual([
      ['blog', 'default', null, '/hospital/blog/2024/05/01/new-scanner/', 'calibrates-the-new-scanner', ['technologist']],
      ['blog', 'news', null, '/hospital/news/2024/06/01/open-day/', 'shows-visitors-the-mri-suite', ['nurse']],
      ['page', 'default', null, '/hospital/visit/', 'welcomes-you-at-the-front-desk', ['nurse']],
      ['page', 'default', null, '/hospital/visit/', 'checks-the-order', ['radiologist']],
    ]);
    const visit = exported.entries.filter((entry) => entry.kind === 'page');
    // Third in the pages plugin's order (hidden.md, index.md, visit.md): no sidebar, no categories.
    expect(visit.map((entry) => [entry.pageTitle, entry.pagePosition, entry.categories])).toEqual([
      ['Your visit', 3, []],
      ['Your visit', 3, []],
    ]);
    expect(exported.entries.map((entry) => entry.source)).toContain('news/2024-06-01-open-day.mdx');
    expect(exported.roles.map((role) => role.key)).toEqual(['radiologist', 'technologist', 'nurse']);
  });

  it('leaves drafts out of the build and unlisted docs, posts and pages out of the table and exports', () => {
    const titles = exported.entries.map((entry) => entry.title);
    for (const left of ['Draft duty', 'Draft blog duty', 'Hidden doc duty', 'Reviews the unlisted story', 'Hidden page duty']) {
      expect(titles).not.toContain(left);
    }
    const csv = readFileSync(path.join(outDir, 'roles.csv'), 'utf8');
    expect(csv).not.toContain('unlisted');
    expect(csv).not.toContain('Hidden');
    // Unlisted pages are built and show their callouts, without a link to a row that does not exist.
    for (const [pathname, id] of [
      ['/hospital/docs/next/hidden/', 'hidden-doc-duty'],
      ['/hospital/blog/2024/05/02/unlisted-story/', 'reviews-the-unlisted-story'],
      ['/hospital/hidden/', 'hidden-page-duty'],
    ] as const) {
      const $ = pageAt(all, pathname)!;
      expect($(`#${id}.theme-role-callout`).length, pathname).toBe(1);
      expect($('.theme-role-callout-compare').length, pathname).toBe(0);
    }
    expect(pageAt(all, '/hospital/blog/2024/05/03/draft/')).toBeUndefined();
  });

  it("links a blog post's callout to its own row, also from the blog's list and tag pages", () => {
    const row = '/hospital/who-does-what/#role-hospital-blog-2024-05-01-new-scanner--calibrates-the-new-scanner';
    for (const pathname of ['/hospital/blog/2024/05/01/new-scanner/', '/hospital/blog/', '/hospital/blog/tags/equipment/']) {
      const $ = pageAt(all, pathname)!;
      expect($('#calibrates-the-new-scanner .theme-role-callout-compare').attr('href'), pathname).toBe(row);
    }
    const table = pageAt(all, '/hospital/who-does-what')!;
    expect(table(`[id="${row.split('#')[1]}"] a`).attr('href')).toBe(
      '/hospital/blog/2024/05/01/new-scanner/#calibrates-the-new-scanner',
    );
    // The tag page lists the listed post only; the news list shows only the excerpt.
    expect(pageAt(all, '/hospital/blog/tags/equipment/')!('#reviews-the-unlisted-story').length).toBe(0);
    expect(pageAt(all, '/hospital/news/')!('.theme-role-callout').length).toBe(0);
  });

  it('links every duty of every kind to its callout, and every callout to its row', () => {
    const table = pageAt(all, '/hospital/who-does-what')!;
    const links = table('.theme-role-table a[href*="#"]')
      .map((_, element) => table(element).attr('href'))
      .get();
    // A shared duty is listed under each of its roles.
    expect(links).toHaveLength(exported.entries.reduce((sum, entry) => sum + entry.roles.length, 0));
    for (const href of links) {
      const [pathname, id] = href.split('#') as [string, string];
      expect(pageAt(all, pathname)!(`[id="${id}"]`).length, href).toBe(1);
    }
    for (const [url, $] of all) {
      $('.theme-role-callout-compare').each((_, element) => {
        const id = $(element).attr('href')!.split('#')[1]!;
        expect(table(`[id="${id}"]`).length, `${url} → #${id}`).toBe(1);
      });
    }
  });

  it('writes the same roles.json and roles.csv with roles:export, without a build', async () => {
    const exportDir = path.join(tmp, 'multi-export');
    rmSync(exportDir, {recursive: true, force: true});
    const {code, output} = await docusaurus(path.join(repo, 'test', 'sites', 'multi'), ['roles:export', '--out-dir', exportDir]);
    expect(code, output).toBe(0);
    for (const file of ['roles.json', 'roles.csv']) {
      expect(readFileSync(path.join(exportDir, file), 'utf8'), file).toBe(readFileSync(path.join(outDir, file), 'utf8'));
    }
  });

  it('keeps what it parsed in node_modules/.cache, and roles:export reuses it without rewriting it', () => {
    const [header, ...body] = cacheAfterBuild.split('\n');
    expect(JSON.parse(header!)).toMatchObject({format: 'docusaurus-plugin-roles/facts-cache'});
    const cached = new Set((JSON.parse(body.join('\n')) as Array<[string]>).map(([filePath]) => filePath));
    for (const entry of exported.entries) expect(cached, entry.source).toContain(path.join(siteDir, entry.source));
    // Had the export not read it (or parsed anything), it would have written the file again.
    expect(readFileSync(cacheFile, 'utf8')).toBe(cacheAfterBuild);
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
    // A shared duty is listed under each of its roles.
    expect(table('.theme-role-table li.theme-role-table-duty > a').length).toBe(
      exported.entries.reduce((sum, entry) => sum + entry.roles.length, 0),
    );
    const intro = pageAt(all, '/hospital/docs/next/intro')!;
    const embedded = intro('.theme-role-table li.theme-role-table-duty > a').map((_, element) => intro(element).text()).get();
    // Patient care only, from every docs instance, blog and page: the
    // technologist's column, then the nurse's, each in reading order (the
    // journey's pages first, then the blogs and the pages).
    expect(embedded).toEqual([
      'Screens for implants',
      'Checks the patient in',
      'Watches the monitor',
      'Starts the IV line',
      'Shows visitors the MRI suite',
      'Welcomes you at the front desk',
    ]);
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

  it('names the exact remarkPlugins option of each docs and blog instance that lacks remarkRoles', async () => {
    const siteDir = path.join(repo, 'test', 'sites', 'no-remark');
    const {code, output} = await build(siteDir, path.join(tmp, 'no-remark'));
    expect(code).not.toBe(0);
    expect(output).toContain('the docs plugin instance `default` (first at docs/index.md:3)');
    expect(output).toContain("presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]");
    expect(output).toContain('the blog plugin instance `default` (first at blog/2024-01-01-story.md:5)');
    expect(output).toContain("presets: [['classic', {blog: {remarkPlugins: [remarkRoles]}}]]");
  });
});
