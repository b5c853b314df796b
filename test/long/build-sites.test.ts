/**
 * Integration: real `docusaurus build`s of the test sites, asserting on the
 * output on disk (the demo site's build is in `../build.test.ts`).
 *
 * - `test/sites/multi`: two docs instances, a version, two blogs, pages,
 *   drafts, unlisted content, a baseUrl, custom roles, an embedded table;
 * - `test/sites/warn-mode`: a site that builds with invalid annotations
 *   under `onInvalidAnnotation: 'warn'`;
 * - `test/sites/page-agreement`: files with a byte-order mark, remark-math
 *   before remarkRoles, a partial (with a nested one) rendered by two pages,
 *   and a crafted cache file: every built page shows exactly its entries.
 */
import {cpSync, existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createHash, createHmac, randomBytes} from 'node:crypto';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {load, type CheerioAPI} from 'cheerio';
import type {RolesExport} from '../../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {build, docusaurus, pageAt, pages, readExport, repo, tmp} from '../support/built-site.js';
import {runDocusaurus} from '../docusaurus-cli.js';

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

  it('links every duty of every kind to its callout, and every callout to its row on the table page of its version', () => {
    // One table page per docs version: 1.0 (the last) at the table path, the current version at next/.
    const tables = ['/hospital/who-does-what/', '/hospital/who-does-what/next/'].map((pathname) => pageAt(all, pathname)!);
    const links = new Set(
      tables.flatMap((table) =>
        table('.theme-role-table a.theme-role-table-duty-link')
          .map((_, element) => table(element).attr('href'))
          .get(),
      ),
    );
    expect([...links].sort()).toEqual(exported.entries.map((entry) => `${entry.permalink}#${entry.id}`).sort());
    for (const href of links) {
      const [pathname, id] = href.split('#') as [string, string];
      expect(pageAt(all, pathname)!(`[id="${id}"]`).length, href).toBe(1);
    }
    for (const [url, $] of all) {
      $('.theme-role-callout-compare').each((_, element) => {
        const [pathname, id] = $(element).attr('href')!.split('#') as [string, string];
        // A callout of the current docs links to the current version's table.
        expect(pathname, url).toBe(url.includes('/docs/next/') ? '/hospital/who-does-what/next/' : '/hospital/who-does-what/');
        expect(pageAt(all, pathname)!(`[id="${id}"]`).length, `${url} → ${pathname}#${id}`).toBe(1);
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
    // A shared duty is listed under each of its roles; the page shows the last docs version (1.0) of the default instance.
    const shown = exported.entries.filter((entry) => !(entry.pluginId === 'default' && entry.version === 'current'));
    expect(table('.theme-role-table li.theme-role-table-duty a.theme-role-table-duty-link').length).toBe(
      shown.reduce((sum, entry) => sum + entry.roles.length, 0),
    );
    const intro = pageAt(all, '/hospital/docs/next/intro')!;
    const embedded = intro('.theme-role-table li.theme-role-table-duty .theme-role-table-duty-title').map((_, element) => intro(element).text()).get();
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
        const duties = $(row).find('li.theme-role-table-duty .theme-role-table-duty-title').map((__, a) => $(a).text()).get();
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
        // A section row names its page first ("Before › Screening").
        const context = $(cell).find('.theme-role-table-row-page').text();
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

  it('says each problem once, as a warning, without a stack trace', () => {
    // The gathering says them; the page's compile (client and server) says nothing new.
    const warnings = output.split('\n').filter((line) => line.startsWith('[WARNING] docs/index.md:'));
    expect(warnings.length).toBeGreaterThanOrEqual(10);
    expect(new Set(warnings).size).toBe(warnings.length);
    for (const warning of warnings) expect(output.split(warning).length - 1, warning).toBe(1);
    expect(output).not.toMatch(/^\s+at .+[:(]/m);
  });

  it('lists only the valid duties in the table and the exports', () => {
    expect(exported.entries.map((entry) => `${entry.id} ${entry.title}`)).toEqual(['same Duplicate', 'valid-duty Valid duty']);
  });

  it('reports a partial outside every content folder, which the page shows as text, and leaves it out of the table', () => {
    // `src/partials/` is compiled by Docusaurus's MDX fallback loader, without remarkRoles.
    const warning =
      '[WARNING] src/partials/_consent.mdx:1:1: The annotation "Explains the consent form" is in a partial outside the content folders this table reads';
    expect(output.split(warning).length - 1).toBe(1);
    const page = load(readFileSync(path.join(outDir, 'consent', 'index.html'), 'utf8'));
    expect(page('main').text()).toContain('Says what the procedure involves, in plain words.');
    expect(page('main [data-role-callout]').length).toBe(0);
  });
});

describe('a site where pages and table could part: a BOM, remark-math, partials, a crafted cache', () => {
  // A copy, so the build's cache folder stays out of the tracked fixture.
  const siteDir = path.join(tmp, 'page-agreement-site');
  const outDir = path.join(tmp, 'page-agreement');
  const cacheFile = path.join(siteDir, 'node_modules', '.cache', 'docusaurus-plugin-roles', 'facts-default-en.json');
  let exported: RolesExport;
  let all: Map<string, CheerioAPI>;

  beforeAll(async () => {
    rmSync(siteDir, {recursive: true, force: true});
    cpSync(path.join(repo, 'test', 'sites', 'page-agreement'), siteDir, {recursive: true});
    const {code, output} = await build(siteDir, outDir);
    expect(code, output).toBe(0);
    exported = readExport(outDir);
    all = pages(outDir, '/');
  }, 600_000);

  /** Every page's callouts (`id|title`), read off the built HTML, and the table's entries in the same form. */
  function shownAndListed(): {shown: Record<string, string[]>; listed: Record<string, string[]>} {
    const shown: Record<string, string[]> = {};
    for (const [url, $] of all) {
      const callouts = $('[aria-labelledby].theme-role-callout')
        .toArray()
        .map((element) => {
          const id = $(element).attr('id')!;
          return `${id}|${$(`[id="${id}-title"]`).text().trim()}`;
        });
      if (callouts.length > 0) shown[url.replace(/\/$/, '') || '/'] = callouts.sort();
    }
    const listed: Record<string, string[]> = {};
    for (const entry of exported.entries) (listed[entry.permalink] ??= []).push(`${entry.id}|${entry.title}`);
    for (const ids of Object.values(listed)) ids.sort();
    return {shown, listed};
  }

  it('lists exactly the callouts each built page shows', () => {
    const {shown, listed} = shownAndListed();
    expect(listed).toEqual(shown);
    expect(Object.keys(listed).sort()).toEqual(['/bom-code-block', '/bom-heading', '/contrast-only', '/ct-scan', '/math', '/mri-scan']);
  });

  it('reads a file with a BOM as the loader runner hands it on (heading ids, mdx-code-block)', () => {
    const row = (id: string) => exported.entries.find((entry) => entry.id === id);
    expect(row('checks-the-implant-card')).toMatchObject({permalink: '/bom-heading', sectionId: 'before', sectionTitle: 'Before the scan'});
    expect(row('reads-the-study')).toMatchObject({permalink: '/bom-code-block', title: 'Reads the study'});
  });

  it('parses with remark-math as the page does: math in a label, a role inside $$, dollars in a title', () => {
    const titles = exported.entries.filter((entry) => entry.permalink === '/math').map((entry) => entry.title);
    expect(titles).toEqual(['Checks that D < 2 before the scan', 'Quotes between 5 and 10 for the copy']);
  });

  it("lists a partial's duties on each page that renders it, in that page's section, from the partial's file", () => {
    const on = (permalink: string) =>
      exported.entries
        .filter((entry) => entry.permalink === permalink)
        .map(({id, source, line, sectionId}) => ({id, source, line, sectionId}));
    expect(on('/ct-scan')).toEqual([
      {id: 'asks-about-contrast-allergies', source: 'docs/_shared/contrast.mdx', line: 1, sectionId: 'before-the-scan'},
      // Nested: under the partial's own heading.
      {id: 'calls-the-radiologist', source: 'docs/_shared/_escalate.mdx', line: 1, sectionId: 'if-a-reaction-starts'},
      {id: 'runs-the-scan', source: 'docs/ct-scan.mdx', line: 11, sectionId: 'during-the-scan'},
    ]);
    expect(on('/mri-scan')).toEqual([
      {id: 'screens-for-metal', source: 'docs/mri-scan.mdx', line: 7, sectionId: 'preparation'},
      {id: 'asks-about-contrast-allergies', source: 'docs/_shared/contrast.mdx', line: 1, sectionId: 'contrast'},
      {id: 'calls-the-radiologist', source: 'docs/_shared/_escalate.mdx', line: 1, sectionId: 'if-a-reaction-starts'},
    ]);
    // A page with no annotation of its own, only the partial's.
    expect(on('/contrast-only')).toEqual([
      {id: 'asks-about-contrast-allergies', source: 'docs/_shared/contrast.mdx', line: 1, sectionId: null},
      {id: 'calls-the-radiologist', source: 'docs/_shared/_escalate.mdx', line: 1, sectionId: 'if-a-reaction-starts'},
    ]);
    // Every row links to its callout (the build's onBrokenAnchors is 'throw' too).
    for (const entry of exported.entries) expect(pageAt(all, entry.permalink)!(`[id="${entry.id}"]`).length).toBe(1);
  });

  it('ignores a crafted cache file (other roles, areas and titles) and rewrites it', {timeout: 600_000}, async () => {
    const text = readFileSync(cacheFile, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    const rows = JSON.parse(text.slice(newline + 1)) as Array<[string, string, string | null, {kind?: string; facts?: {candidates: object[]}} | null]>;
    const crafted = JSON.stringify(
      rows.map(([file, stat, content, facts]) => [
        file,
        stat,
        content,
        facts?.kind === 'facts'
          ? {...facts, facts: {...facts.facts, candidates: facts.facts!.candidates.map((candidate) => ({...candidate, title: 'Crafted', attributes: {of: 'radiologist', area: 'reporting'}}))}}
          : facts,
      ]),
    );
    // What an attacker can compute: an unkeyed checksum, and a MAC under a key of their own.
    const mac = createHmac('sha256', randomBytes(32)).update(crafted).digest('base64url');
    const checksum = createHash('sha256').update(crafted).digest('base64url');
    writeFileSync(cacheFile, `${JSON.stringify({...header, mac, checksum})}\n${crafted}`);
    const before = exported;
    const {code, output} = await build(siteDir, outDir);
    expect(code, output).toBe(0);
    exported = readExport(outDir);
    all = pages(outDir, '/');
    expect(exported.entries).toEqual(before.entries);
    expect(shownAndListed().listed).toEqual(shownAndListed().shown);
    expect(readFileSync(cacheFile, 'utf8')).not.toContain('Crafted');
  });
});

describe('a site with two docusaurus-plugin-roles instances, each owning one docs instance', () => {
  const siteDir = path.join(repo, 'test', 'sites', 'two-instances');
  const outDir = path.join(tmp, 'two-instances');
  let all: Map<string, CheerioAPI>;
  const exported = new Map<string, RolesExport>();

  beforeAll(async () => {
    const {code, output} = await build(siteDir, outDir);
    expect(code, output).toBe(0);
    all = pages(outDir, '/');
    for (const file of ['roles.json', 'patients-roles.json']) {
      exported.set(file, JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as RolesExport);
    }
  });

  it("lists in each table and export only its own instance's pages, with its own roles and areas", () => {
    const shown = (file: string) => exported.get(file)!.entries.map((entry) => `${entry.permalink}#${entry.id} ${entry.roles.join(' ')} ${entry.area}`);
    expect(shown('roles.json')).toEqual(['/#reads-the-ct radiologist imaging', '/#positions-the-patient technologist general']);
    // `rn` and `patient-care` exist only in the second instance.
    expect(shown('patients-roles.json')).toEqual([
      '/patients/contrast#explains-the-contrast nurse patient-care',
      '/patients/contrast#helps-you-onto-the-table technologist patient-care',
    ]);
    for (const [pathname, titles] of [
      ['/roles', ['Reads the CT', 'Positions the patient']],
      ['/patients/roles', ['Explains the contrast', 'Helps you onto the table']],
    ] as const) {
      const $ = pageAt(all, pathname)!;
      expect($('.theme-role-table li.theme-role-table-duty .theme-role-table-duty-title').map((_, title) => $(title).text()).get().sort(), pathname).toEqual([...titles].sort());
    }
    expect(pageAt(all, '/patients/roles')!('h1').text()).toBe('Who cares for you');
    expect(pageAt(all, '/patients/roles')!('.theme-role-table thead').text()).toContain('Radiology nurse');
  });

  it("renders each page's callouts with its instance's labels, linked to its instance's table", () => {
    const patients = pageAt(all, '/patients/contrast')!;
    const explains = patients('#explains-the-contrast');
    expect(explains.find('.theme-role-badge').text()).toBe('Radiology nurse');
    expect(explains.text()).toContain('Area: Patient care');
    expect(explains.find('.theme-role-callout-compare').attr('href')).toBe('/patients/roles#role-patients-contrast--explains-the-contrast');
    expect(patients('#helps-you-onto-the-table .theme-role-badge').text()).toBe('Technologist (patient care)');
    const intro = pageAt(all, '/')!;
    expect(intro('#positions-the-patient .theme-role-badge').text()).toBe('Radiologic technologist');
    expect(intro('#positions-the-patient').text()).toContain('Area: General');
    expect(intro('#reads-the-ct .theme-role-callout-compare').attr('href')).toBe('/roles#role-index--reads-the-ct');
  });

  it('fails before bundling when a remarkRoles does not say which instance it belongs to, naming the fix', async () => {
    const {code, output} = await docusaurus(siteDir, [
      'build',
      siteDir,
      '--config',
      'docusaurus.ambiguous.config.mjs',
      '--out-dir',
      path.join(tmp, 'two-instances-ambiguous'),
    ]);
    expect(code).not.toBe(0);
    expect(output).toContain(
      "The remarkRoles of the docs plugin instance `default` does not say which docusaurus-plugin-roles instance its pages belong to, and the site has 2 ('default', 'patients'): in its remarkPlugins, write [remarkRoles, {instance: 'default'}]",
    );
    expect(output).not.toMatch(/^\s+at .+[:(]/m);
  });
});

describe('a table path or export name that would take a file of the build output', () => {
  // test/sites/output-paths: pages, static files, the sitemap, the blog's
  // feeds, a Spanish locale; ROLES_OPTIONS and ROLES_SECOND set the instances.
  const siteDir = path.join(repo, 'test', 'sites', 'output-paths');
  const cases: Array<[what: string, env: Record<string, string>, message: string]> = [
    [
      'a page (the home page)',
      {ROLES_OPTIONS: '{"tablePath": "/index.html"}'},
      'is `/index.html`, written to `index.html` in the build output, where the page `/` of docusaurus-plugin-content-docs (id "default", docs/index.md) already is',
    ],
    ["Docusaurus's 404 page", {ROLES_OPTIONS: '{"tablePath": "/404"}', ROLES_TRAILING_SLASH: 'false'}, "written to `404.html` in the build output, where Docusaurus's 404 page already is"],
    ['a static file', {ROLES_OPTIONS: '{"tablePath": "/robots.txt"}'}, 'written to `robots.txt/index.html` in the build output, where the static file `static/robots.txt` already is'],
    [
      "another plugin's file",
      {ROLES_OPTIONS: '{"tablePath": "/sitemap.xml"}'},
      'where the sitemap of @docusaurus/plugin-sitemap (the classic preset) already is',
    ],
    ["another locale's site", {ROLES_OPTIONS: '{"tablePath": "/ES"}'}, "where the es locale's site already is"],
    [
      'another instance of the plugin',
      {ROLES_SECOND: '{"id": "patients", "tablePath": "/patients"}'},
      // Whichever instance checks first names the other.
      "is `roles.json`, written to `roles.json` in the build output, where the JSON export of docusaurus-plugin-roles (instance '",
    ],
  ];

  it.each(cases)('fails before bundling, naming the owner: %s', async (_what, env, message) => {
    const outDir = path.join(tmp, 'output-paths');
    rmSync(outDir, {recursive: true, force: true});
    const {code, stdout, stderr} = await runDocusaurus(siteDir, ['build', siteDir, '--out-dir', outDir], env);
    const output = stdout + stderr;
    expect(code).not.toBe(0);
    expect(output.split(message).length - 1, output).toBe(1);
    expect(output).toContain('one of the two would be lost.');
    expect(output).not.toMatch(/^\s+at .+[:(]/m);
    // Nothing was bundled, nothing replaced.
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});

describe('a site whose pages and table disagree on purpose (a preprocessor that only the pages see)', () => {
  it.each(['cold', 'warm'])('fails a %s build, naming each callout that differs from its entry and each listed callout without one', async (phase) => {
    const siteDir = path.join(repo, 'test', 'sites', 'disagree');
    // Run from the site (it has a package.json), so the bundler keeps its
    // persistent cache in the site's node_modules/.cache: cold after clearing
    // it; warm, it compiles nothing and the HTML is still the witness.
    if (phase === 'cold') for (const folder of ['node_modules', '.docusaurus']) rmSync(path.join(siteDir, folder), {recursive: true, force: true});
    const outDir = path.join(tmp, 'disagree');
    rmSync(outDir, {recursive: true, force: true});
    const {code, stdout, stderr} = await runDocusaurus(siteDir, ['build', '.', '--out-dir', outDir], {}, siteDir);
    const output = stdout + stderr;
    expect(code).not.toBe(0);
    expect(existsSync(path.join(siteDir, 'node_modules', '.cache', 'rspack'))).toBe(true);
    for (const problem of [
      'docs/index.md:7:1: The built page / shows `reads-the-images` with roles technologist, but the table has roles radiologist',
      'docs/extra.md:1:1: The built page /extra shows `added-for-the-page-only` (roles radiologist, area general, title "Added for the page only") as listed in the table, but the table has no such entry',
    ]) {
      expect(output.split(problem).length - 1, output).toBe(1);
    }
    expect(output).not.toMatch(/^\s+at .+[:(]/m);
    expect(existsSync(path.join(tmp, 'disagree', 'roles.json'))).toBe(false);
  });
});
