/**
 * The check after the build: each callout's `data-role-callout` (what it
 * was rendered with) against its table entry, and ids as HTML reads them,
 * however the page was written (React's quoted and escaped attributes, or a
 * minifier's unquoted ones). A real build runs it in `build.test.ts`.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {checkBuiltCallouts, htmlCallouts, htmlIds, inspectBuiltPages} from '../plugins/docusaurus-plugin-roles/src/plugin/verify-build.js';
import {decodeCalloutData, encodeCalloutData, type CalloutData} from '../plugins/docusaurus-plugin-roles/src/client/index.js';
import {formatProblem} from '../plugins/docusaurus-plugin-roles/src/core/problem.js';
import {loadRenderedPages, saveRenderedPages, updateRenderedPages} from '../plugins/docusaurus-plugin-roles/src/plugin/rendered-pages.js';
import type {DocusaurusConfig} from '@docusaurus/types';
import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';
import {roleEntry} from './support/entry.js';

describe('htmlIds', () => {
  it.each([
    ['<aside id="R&amp;D" class="x">', 'R&D'],
    ['<aside class=x id=R&D>', 'R&D'],
    ['<aside id=R&#38;D>', 'R&D'],
    ["<aside id='a&quot;b'>", 'a"b'],
    ['<aside\nid="caf&eacute;">', 'café'],
    ['<aside data-x=1 id=plain>', 'plain'],
  ])('reads %s', (html, id) => {
    expect(htmlIds(`<body>${html}</aside></body>`)).toContain(id);
  });
});

const entry = (id: string, extra: Partial<RoleEntry> = {}): RoleEntry =>
  roleEntry({id, roles: ['radiologist'], area: 'general', title: id, text: '', permalink: '/page', source: 'docs/page.md', line: 3, pageTitle: 'Page', pagePosition: 1, ...extra});

/** A callout as RoleCallout renders it (attributes as a minifier may leave them). */
function callout(id: string, extra: Partial<CalloutData> = {}, quote = '"'): string {
  const data = encodeCalloutData({id, roles: ['radiologist'], area: 'general', title: id, page: '/page', listed: true, ...extra});
  return `<aside id=${quote}${id}${quote} data-role-callout=${quote}${data}${quote} class="theme-role-callout x"><p>${id}</p></aside>`;
}

/** A built site with these pages (path → HTML). */
function site(pages: Record<string, string>): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'roles-built-'));
  for (const [page, html] of Object.entries(pages)) {
    mkdirSync(path.join(outDir, page), {recursive: true});
    writeFileSync(path.join(outDir, page, 'index.html'), `<html><body><main>${html}</main></body></html>`);
  }
  return outDir;
}

describe('the data-role-callout attribute', () => {
  it('reads back what it was written with, whatever the text (property)', () => {
    const data = fc.record({
      id: fc.string(),
      roles: fc.array(fc.string()),
      area: fc.string(),
      title: fc.string({unit: 'binary'}),
      page: fc.string(),
      listed: fc.boolean(),
    });
    fc.assert(
      fc.property(data, (value) => {
        const text = encodeCalloutData(value);
        expect(text).toMatch(/^[\w-]*$/);
        expect(decodeCalloutData(text)).toEqual(value);
        // Found in HTML whichever way the attribute is quoted.
        for (const quote of ['"', "'", '']) {
          expect(htmlCallouts(`<aside data-role-callout=${quote}${text}${quote}>`)).toEqual(text === '' && quote === '' ? [] : [value]);
        }
      }),
      {numRuns: 500},
    );
    expect(decodeCalloutData('not base64 !')).toBeUndefined();
    expect(decodeCalloutData(encodeCalloutData({id: 'a', roles: [], area: '', title: '', page: '/', listed: true}).slice(0, -3))).toBeUndefined();
  });
});

describe('inspectBuiltPages', () => {
  it('finds nothing to say when every callout agrees with its entry, ids needing escapes included', async () => {
    const outDir = site({page: callout('R&D', {title: 'R&D "quoted" <b>'}, '') + callout('second')});
    const report = await inspectBuiltPages({outDir, baseUrl: '/', entries: [entry('R&D', {title: 'R&D "quoted" <b>'}), entry('second')]});
    expect(report).toEqual({problems: [], withoutCallouts: [], byIdOnly: [], pagesRead: 1});
  });

  it("matches an entry with its page's listed callout when a duplicate id's second callout is left out", async () => {
    const outDir = site({page: callout('same') + callout('same', {title: 'Second', roles: ['technologist'], listed: false})});
    expect((await inspectBuiltPages({outDir, baseUrl: '/', entries: [entry('same')]})).problems).toEqual([]);
  });

  it('names each field in which a callout differs from its entry, at the entry\'s source line', async () => {
    const outDir = site({page: callout('a', {roles: ['technologist'], area: 'imaging', title: 'Another title'})});
    const {problems} = await inspectBuiltPages({outDir, baseUrl: '/', entries: [entry('a', {title: 'A title'})]});
    expect(problems.map(formatProblem)).toEqual([
      'docs/page.md:3:1: The built page /page shows `a` with roles technologist, area imaging, title "Another title", but the table has roles radiologist, area general, title "A title"',
    ]);
  });

  it('finds an entry without its callout, a listed callout without its entry, and a callout left out that the table lists', async () => {
    const outDir = site({page: callout('extra') + callout('left-out', {listed: false})});
    const {problems} = await inspectBuiltPages({outDir, baseUrl: '/', entries: [entry('gone'), entry('left-out')]});
    expect(problems.map(formatProblem)).toEqual([
      'docs/page.md:1:1: The built page /page shows `extra` (roles radiologist, area general, title "extra") as listed in the table, but the table has no such entry',
      'docs/page.md:3:1: The table lists `gone` (roles radiologist, area general, title "gone") on /page, but the built page has no such callout',
      'docs/page.md:3:1: The table lists `left-out` on /page, but the built page shows it as left out of the table (invalid, or on an unlisted page)',
    ]);
  });

  it("reads a page compiled with listed callouts though the table has no entry from it, and ignores another page's callouts", async () => {
    const outDir = site({
      page: callout('a'),
      other: callout('dropped', {page: '/other/'}),
      blog: callout('a') + callout('dropped', {page: '/other'}),
    });
    const compiledPages = new Map([['/other', 'docs/other.md']]);
    const {problems, pagesRead} = await inspectBuiltPages({outDir, baseUrl: '/', entries: [entry('a')], compiledPages});
    expect(pagesRead).toBe(2);
    expect(problems.map(formatProblem)).toEqual([
      'docs/other.md:1:1: The built page /other shows `dropped` (roles radiologist, area general, title "dropped") as listed in the table, but the table has no such entry',
    ]);
  });

  it('tells a page compiled without remarkRoles from one whose RoleCallout renders no data (compared by id)', async () => {
    const outDir = site({
      plain: '<div>:::role[A]{of=radiologist}</div>',
      ejected: '<aside id=a class="theme-role-callout"></aside>',
      'ejected-missing': '<aside id=b class="theme-role-callout"></aside>',
    });
    const report = await inspectBuiltPages({
      outDir,
      baseUrl: '/',
      entries: [entry('a', {permalink: '/plain'}), entry('a', {permalink: '/ejected'}), entry('gone', {permalink: '/ejected-missing'})],
    });
    expect(report.withoutCallouts.map(({line}) => line)).toEqual(['docs/page.md (/plain): a']);
    expect(report.byIdOnly).toEqual(['/ejected', '/ejected-missing']);
    expect(report.problems.map(formatProblem)).toEqual([
      'docs/page.md:3:1: The table lists `gone` on /ejected-missing, but the built page has no such callout',
    ]);
  });
});

describe('checkBuiltCallouts, when a blog or pages instance did not run remarkRoles', () => {
  it('names the exact option of each instance, as the config declares it', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'roles-built-'));
    for (const page of ['news/post', 'visit']) {
      mkdirSync(path.join(outDir, page), {recursive: true});
      writeFileSync(path.join(outDir, page, 'index.html'), '<main><div>:::role</div></main>');
    }
    const entries: RoleEntry[] = [
      {id: 'a', roles: ['radiologist'], area: 'general', title: 'A', text: '', permalink: '/news/post', source: 'news/post.md', line: 3, kind: 'blog', pluginId: 'news', version: null, pageTitle: 'Post', pagePosition: 1, categories: [], sectionId: null, sectionTitle: null, column: 1, citation: null, owner: null, reviewed: null, reviewDue: null, audience: ['patient', 'staff'], follows: [], handsTo: []},
      {id: 'b', roles: ['radiologist'], area: 'general', title: 'B', text: '', permalink: '/visit', source: 'src/pages/visit.md', line: 5, kind: 'page', pluginId: 'default', version: null, pageTitle: 'Visit', pagePosition: 1, categories: [], sectionId: null, sectionTitle: null, column: 1, citation: null, owner: null, reviewed: null, reviewDue: null, audience: ['patient', 'staff'], follows: [], handsTo: []},
    ];
    const siteConfig = {
      presets: [['classic', {blog: false}]],
      plugins: [['@docusaurus/plugin-content-blog', {id: 'news', path: 'news'}]],
    } as unknown as DocusaurusConfig;
    const error = await checkBuiltCallouts({outDir, baseUrl: '/', entries, siteConfig}).then(() => undefined, (caught: unknown) => caught as Error);
    expect(error?.message).toContain(
      "- the blog plugin instance `news`: plugins: [['@docusaurus/plugin-content-blog', {id: 'news', path: 'news', remarkPlugins: [remarkRoles]}]]",
    );
    expect(error?.message).toContain(
      "- the pages plugin instance `default`: presets: [['classic', {…, pages: {remarkPlugins: [remarkRoles]}}]] (`…` stands for what the config already has there: keep it)",
    );
  });
});

describe('the pages whose compiles rendered listed callouts, kept between builds', () => {
  it('keeps an earlier build’s pages, replaced by what this build compiled, and forgets pages the site lost', async () => {
    const earlier = new Map([
      ['/a', 'docs/a.md'],
      ['/b', 'docs/b.md'],
      ['/gone', 'docs/gone.md'],
    ]);
    const compiled = new Map([
      ['/b', {source: 'docs/b.md', listed: 0}],
      ['/c', {source: 'docs/c.md', listed: 2}],
    ]);
    const next = updateRenderedPages(earlier, compiled, new Set(['/a', '/b', '/c']));
    expect([...next]).toEqual([
      ['/a', 'docs/a.md'],
      ['/c', 'docs/c.md'],
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'roles-rendered-')), 'cache', 'rendered-default-en.json');
    expect(await loadRenderedPages(file)).toEqual(new Map());
    await saveRenderedPages(file, next);
    expect(await loadRenderedPages(file)).toEqual(next);
    writeFileSync(file, '{"not": "a list"}');
    expect(await loadRenderedPages(file)).toEqual(new Map());
  });
});
