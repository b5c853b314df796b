/**
 * The post-build check reads a page's ids as HTML does, however the page
 * was written: React's quoted and escaped attributes, or a minifier's
 * unquoted ones.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkBuiltCallouts, htmlIds} from '../plugins/docusaurus-plugin-roles/src/plugin/verify-build.js';
import type {DocusaurusConfig} from '@docusaurus/types';
import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';

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

describe('checkBuiltCallouts', () => {
  const entry = (id: string): RoleEntry => ({
    id,
    roles: ['radiologist'],
    area: 'general',
    title: id,
    text: '',
    permalink: '/page',
    source: 'docs/page.md',
    line: 1,
    kind: 'docs',
    pluginId: 'default',
    version: 'current',
    pageTitle: 'Page',
    pagePosition: 1,
    categories: [],
    sectionId: null,
    sectionTitle: null,
    column: 1,
    citation: null,
    owner: null,
    reviewed: null,
    reviewDue: null,
    audience: ['patient', 'staff'],
    follows: [],
    handsTo: [],
  });

  it('finds a callout whose id needs escaping, minified or not, and names a missing one', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'roles-built-'));
    mkdirSync(path.join(outDir, 'page'));
    writeFileSync(path.join(outDir, 'page', 'index.html'), '<main><aside id=R&D class=theme-role-callout></aside><aside id="a&amp;b"></aside></main>');
    await checkBuiltCallouts({outDir, baseUrl: '/', entries: [entry('R&D'), entry('a&b')]});
    await expect(checkBuiltCallouts({outDir, baseUrl: '/', entries: [entry('R&D'), entry('gone')]})).rejects.toThrow(
      /docs\/page\.md \(\/page\): gone/,
    );
  });
});

describe('checkBuiltCallouts, when the page has callouts but not the listed one', () => {
  it('says the table and the page disagree, not that remarkRoles is missing', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'roles-built-'));
    mkdirSync(path.join(outDir, 'page'));
    writeFileSync(path.join(outDir, 'page', 'index.html'), '<aside id=other class="theme-role-callout x"></aside>');
    const entry = {id: 'listed', roles: ['radiologist'], area: 'general', title: 'L', text: '', permalink: '/page', source: 'docs/page.md', line: 1, kind: 'docs' as const, pluginId: 'default', version: 'current', pageTitle: 'Page', pagePosition: 1, categories: [], sectionId: null, sectionTitle: null, column: 1, citation: null, owner: null, reviewed: null, reviewDue: null, audience: ['patient', 'staff'], follows: [], handsTo: []};
    const error = await checkBuiltCallouts({outDir, baseUrl: '/', entries: [entry]}).catch((caught: unknown) => caught as Error);
    expect(error?.message).toContain('The roles table lists duties that their built pages do not show');
    expect(error?.message).toContain('docs/page.md (/page): listed');
    expect(error?.message).not.toContain('compiled without');
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
    const error = await checkBuiltCallouts({outDir, baseUrl: '/', entries, siteConfig}).catch((caught: unknown) => caught as Error);
    expect(error?.message).toContain(
      "- the blog plugin instance `news`: plugins: [['@docusaurus/plugin-content-blog', {id: 'news', path: 'news', remarkPlugins: [remarkRoles]}]]",
    );
    expect(error?.message).toContain(
      "- the pages plugin instance `default`: presets: [['classic', {…, pages: {remarkPlugins: [remarkRoles]}}]] (`…` stands for what the config already has there: keep it)",
    );
  });
});
