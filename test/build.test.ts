/**
 * Integration: real `docusaurus build`s, asserting on the output on disk.
 *
 * - the demo site (this repository), in English and Spanish: every callout
 *   has its id, `roles.json` has exactly one entry per callout, every table
 *   link lands on an anchor, the Spanish build shows translated strings,
 *   labels and duties, and `roles:export` writes the same files;
 * - `test/sites/route-taken`, `test/sites/bad-role` and
 *   `test/sites/no-remark`: the build fails (before bundling) naming the
 *   other page, the file, line and column, or the missing setup line.
 *
 * The builds of the other test sites are in `long/build-sites.test.ts`.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import type {CheerioAPI} from 'cheerio';
import {parse} from 'csv-parse/sync';
import type {RolesExport} from '../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {build, docusaurus, pageAt, pages, readExport, repo, tmp} from './support/built-site.js';

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
      const links = $('.theme-role-table a.theme-role-table-duty-link')
        .map((_, element) => $(element).attr('href'))
        .get();
      const handoffLinks = $('.theme-role-table .theme-role-table-handoffs a')
        .map((_, element) => $(element).attr('href'))
        .get();
      // A shared duty is listed once per role, and each end of a handoff once per role of its duty.
      expect(links).toHaveLength(exported.entries.reduce((sum, entry) => sum + entry.roles.length, 0));
      expect(handoffLinks).toHaveLength(
        exported.entries.reduce((sum, entry) => sum + entry.roles.length * (entry.follows.length + entry.handsTo.length), 0),
      );
      for (const href of [...links, ...handoffLinks]) {
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
      expect(exported.roles.map((role) => role.key)).toEqual(['radiologist', 'technologist', 'physician']);
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
          'column',
          'citation',
          'owner',
          'reviewed',
          'reviewDue',
          'audience',
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
    // Every duty of the section: its title opens its text (never repeating the title) and its link to the callout.
    const journey = exported.entries.filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator/'));
    const duties = table.find('li.theme-role-table-duty');
    expect(duties.length).toBe(journey.reduce((sum, entry) => sum + entry.roles.length, 0));
    duties.each((_, duty) => {
      const href = $(duty).find('a.theme-role-table-duty-link').attr('href')!;
      const entry = journey.find((candidate) => `${candidate.permalink}#${candidate.id}` === href)!;
      expect($(duty).find('details.theme-role-table-duty-text > summary .theme-role-table-duty-title').text()).toBe(entry.title);
      const details = $(duty).find('details').clone();
      details.children('summary, a').remove();
      const text = entry.text.startsWith(entry.title) ? entry.text.slice(entry.title.length).trimStart() : entry.text;
      expect(details.text()).toBe(text);
    });
  });

  it('has the demo content the issue asks for', () => {
    const {exported} = built.get('en')!;
    const pagesWithDuties = new Set(exported.entries.map((entry) => entry.permalink));
    expect(exported.entries.length).toBeGreaterThanOrEqual(20);
    expect(pagesWithDuties.size).toBeGreaterThanOrEqual(5);
    // Both imaging roles in every area; the implanting physician, the secondary
    // column, only where the spinal cord stimulator journey needs them.
    for (const area of new Set(exported.entries.map((entry) => entry.area))) {
      const roles = new Set(exported.entries.filter((entry) => entry.area === area).flatMap((entry) => entry.roles));
      expect([...roles], `roles in ${area}`).toEqual(expect.arrayContaining(['radiologist', 'technologist']));
    }
    const physician = exported.entries.filter((entry) => entry.roles.includes('physician'));
    expect(physician.length).toBeGreaterThan(0);
    for (const entry of physician) expect(entry.permalink).toMatch(/^\/spinal-cord-stimulator\//);
    // The journey credits placing the lead to the physician, not the radiologist.
    const journey = exported.entries.filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator/'));
    expect(journey.find((entry) => entry.id === 'places-the-needle-and-the-lead')?.roles).toEqual(['physician']);
    expect(journey.filter((entry) => entry.area === 'procedure-guidance' && entry.roles.includes('radiologist'))).toEqual([]);
    expect(exported.entries.filter((entry) => entry.kind === 'blog').map((entry) => entry.permalink)).toEqual([
      '/blog/2025/03/12/a-morning-in-the-reading-room',
      '/blog/2025/03/12/a-morning-in-the-reading-room',
    ]);
    expect(exported.entries.filter((entry) => entry.kind === 'page').map((entry) => entry.permalink)).toEqual([
      '/your-visit',
      '/your-visit',
    ]);
  });

  it.each(['en', 'es'])('has a source, an owner and a review date on every duty, and marks the staff-only ones (%s)', (locale) => {
    const {exported} = built.get(locale)!;
    for (const entry of exported.entries) {
      const where = `${entry.permalink}#${entry.id}`;
      expect(entry.citation, where).toBeTruthy();
      // The site's default owner, translated in the Spanish pages' front matter.
      expect(entry.owner, where).toBe(locale === 'en' ? 'Imaging education committee' : 'Comité de educación en imágenes');
      expect(entry.reviewed, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Staff only: the teamwork page and the glossary's two duties; every other duty is for patients too.
    const staffOnly = exported.entries.filter((entry) => !entry.audience.includes('patient'));
    expect(new Set(staffOnly.map((entry) => entry.permalink.replace(/^\/es/, '')))).toEqual(new Set(['/working-together', '/glossary']));
    for (const entry of staffOnly) expect(entry.audience).toEqual(['staff']);
    expect(exported.entries.filter((entry) => entry.permalink.endsWith('/working-together')).every((entry) => staffOnly.includes(entry))).toBe(true);
  });

  it('shows the Spanish table: UI strings, role and area labels, title and Spanish duties', () => {
    const {all, exported} = built.get('es')!;
    const $ = pageAt(all, '/es/roles')!;
    expect($('html').attr('lang')).toBe('es');
    expect($('title').text()).toBe('Quién hace qué | Quién hace qué en imágenes médicas');
    expect($('meta[name="description"]').attr('content')).toBe(
      'Todas las tareas descritas en este sitio, comparadas por profesional y por área.',
    );
    expect($('.theme-role-table table caption').text()).toBe(
      'Tareas por área: Radiólogo, Tecnólogo radiológico y Médico implantador',
    );
    expect($('.theme-role-table tbody th[scope="row"]').first().text()).toContain('Toma de imágenes');
    expect($('.theme-role-table-status').text()).toBe(`Mostrando ${exported.entries.length} de ${exported.entries.length} tareas`);
    expect(exported.roles.map((role) => role.label)).toEqual(['Radiólogo', 'Tecnólogo radiológico', 'Médico implantador']);
    expect(exported.areas.map((area) => area.label)).toContain('Seguridad radiológica');
    // The canonical keys never change, whatever the Spanish docs wrote (of=radiólogo, of=técnica…).
    expect(new Set(exported.entries.flatMap((entry) => entry.roles))).toEqual(new Set(['radiologist', 'technologist', 'physician']));
    const during = exported.entries.find((entry) => entry.id === 'captures-the-spine-images')!;
    expect(during).toMatchObject({
      title: 'Toma las imágenes de la columna',
      permalink: '/es/spinal-cord-stimulator/during-placement',
      source: 'i18n/es/docusaurus-plugin-content-docs/current/spinal-cord-stimulator/during-placement.md',
      roles: ['technologist'],
    });
    const doc = pageAt(all, '/es/spinal-cord-stimulator/during-placement')!;
    const callout = doc('#captures-the-spine-images');
    expect(callout.children('header').find('.theme-role-badge').text()).toBe('Tecnólogo radiológico');
    expect(callout.find('.theme-role-callout-compare').text()).toContain('Comparar en la tabla');
    // Its handoffs, in Spanish: to the physician's placement on this page, to the comparison after it.
    expect(callout.find('.theme-role-handoffs-hands-to > p').text()).toBe('Pasa el trabajo a');
    expect(callout.find('.theme-role-handoffs-hands-to li a').map((_, link) => doc(link).text()).get()).toEqual([
      'Coloca la aguja y el electrodo',
      'Compara sus radiografías nuevas con las anteriores',
    ]);
    expect(callout.find('.theme-role-handoffs-hands-to li').last().text()).toContain('(en Después de la colocación)');
    expect(doc('.theme-roles-summary-title').text()).toBe('Quién hace qué en esta página');
    expect(pageAt(all, '/es/what-technologists-do')!('#asks-about-pregnancy-before-x-ray-and-ct .theme-role-badge').text()).toBe(
      'Tecnólogo radiológico',
    );
    const shared = pageAt(all, '/es/')!('#introduces-themselves-and-their-role');
    expect(shared.text()).toContain('Tarea compartida');
  });

  it('has every page and every duty of /es in Spanish: each from its translated file, under /es/, with the English ids', () => {
    const {exported} = built.get('es')!;
    const untranslated = exported.entries.filter((entry) => !entry.source.startsWith('i18n/es/'));
    expect(untranslated.map((entry) => `${entry.source}: ${entry.title}`)).toEqual([]);
    for (const entry of exported.entries) expect(entry.permalink).toMatch(/^\/es\//);
    const story = exported.entries.filter((entry) => entry.kind === 'blog');
    expect(story.map((entry) => [entry.permalink, entry.title])).toEqual([
      ['/es/blog/2025/03/12/a-morning-in-the-reading-room', 'Lee primero los estudios más urgentes'],
      ['/es/blog/2025/03/12/a-morning-in-the-reading-room', 'Toma otra vista cuando el radiólogo la pide'],
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

/** How often `text` occurs in `output`. */
function occurrences(output: string, text: string): number {
  return output.split(text).length - 1;
}

/** A stack trace line, as Node prints one (`    at fn (file:1:2)`). */
const STACK_LINE = /^\s+at .+[:(]/m;

describe('builds that must fail', () => {
  it('names the doc that already serves the table page route, without a stack trace', async () => {
    const {code, output} = await build(path.join(repo, 'test', 'sites', 'route-taken'), path.join(tmp, 'route-taken'));
    expect(code).not.toBe(0);
    expect(
      occurrences(
        output,
        "The tablePath option of docusaurus-plugin-roles (instance 'default') is `/roles`, written to `roles/index.html` in the build output, where the page `/roles` of docusaurus-plugin-content-docs (id \"default\", docs/roles.md) already is",
      ),
      output,
    ).toBe(1);
    expect(output).not.toMatch(STACK_LINE);
  });

  it('names the file, line and column of each invalid annotation once, without a stack trace', async () => {
    const siteDir = path.join(repo, 'test', 'sites', 'bad-role');
    const {code, output} = await build(siteDir, path.join(tmp, 'bad-role'));
    expect(code).not.toBe(0);
    for (const problem of [
      'docs/index.md:7:1: Unknown role `pharmacist`, expected one of: radiologist, technologist (aliases: radiographer, rad-tech)',
      'docs/index.md:11:1: Unknown area `imagng`, expected one of: imaging, interpretation, patient-care, radiation-safety, procedure-guidance, reporting, general; did you mean `imaging`?',
    ]) {
      expect(occurrences(output, problem), output).toBe(1);
      expect(output).toContain(`[ERROR] ${problem}`);
    }
    expect(occurrences(output, 'pharmacist'), output).toBe(1);
    expect(output).toContain("2 invalid role annotations, listed above (docusaurus-plugin-roles; set `onInvalidAnnotation` to 'warn' to build anyway)");
    expect(output).not.toMatch(STACK_LINE);
    expect(existsSync(path.join(tmp, 'bad-role', 'roles.json'))).toBe(false);
  });

  it('names the exact remarkPlugins option of each docs and blog instance that lacks remarkRoles, once', async () => {
    const siteDir = path.join(repo, 'test', 'sites', 'no-remark');
    const {code, output} = await build(siteDir, path.join(tmp, 'no-remark'));
    expect(code).not.toBe(0);
    expect(occurrences(output, 'the docs plugin instance `default` (first at docs/index.md:3)')).toBe(1);
    expect(output).toContain("presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, …}]]");
    expect(occurrences(output, 'the blog plugin instance `default` (first at blog/2024-01-01-story.md:5)')).toBe(1);
    expect(output).toContain("presets: [['classic', {…, blog: {onUntruncatedBlogPosts: 'ignore', remarkPlugins: [remarkRoles]}}]]");
    expect(output).toContain('Change each entry of docusaurus.config as shown (`…` stands for what the config already has there: keep it)');
    expect(output).not.toMatch(STACK_LINE);
  });
});
