/**
 * Which files the aggregator reads: docs, blog posts and Markdown pages of
 * every instance, from the content plugins' loaded content, with what their
 * compile does.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {AllContent, LoadContext} from '@docusaurus/types';
import {admonitionKeywords, collectSources} from '../plugins/docusaurus-plugin-roles/src/plugin/content.js';
import {DEFAULT_ADMONITION_KEYWORDS} from '../plugins/docusaurus-plugin-roles/src/parse/format.js';

const siteDir = '/site';

function context(siteConfig: Record<string, unknown>): LoadContext {
  return {
    siteDir,
    localizationDir: path.join(siteDir, 'i18n', 'fr'),
    i18n: {defaultLocale: 'en', locales: ['en', 'fr'], currentLocale: 'fr', localeConfigs: {fr: {translate: true}}},
    siteConfig: {baseUrl: '/hospital/', trailingSlash: true, ...siteConfig},
  } as unknown as LoadContext;
}

const doc = (source: string, permalink: string, extra: Record<string, unknown> = {}) => ({
  source,
  permalink,
  frontMatter: {},
  draft: false,
  unlisted: false,
  ...extra,
});
const metadata = (source: string, permalink: string, unlisted = false) => ({
  source,
  permalink,
  frontMatter: {},
  unlisted,
});

const allContent = {
  'docusaurus-plugin-content-docs': {
    default: {
      loadedVersions: [
        {
          versionName: 'current',
          contentPath: path.join(siteDir, 'docs'),
          contentPathLocalized: path.join(siteDir, 'i18n', 'fr', 'docusaurus-plugin-content-docs', 'current'),
          sidebars: {},
          docs: [doc('@site/docs/a.md', '/hospital/docs/a', {id: 'a', title: 'A'})],
        },
      ],
    },
  },
  'docusaurus-plugin-content-blog': {
    default: {blogPosts: [{metadata: metadata('@site/blog/2024-01-01-post.md', '/hospital/blog/2024/01/01/post')}]},
    news: {blogPosts: [{metadata: metadata('@site/news/hidden.mdx', '/hospital/news/hidden', true)}]},
  },
  'docusaurus-plugin-content-pages': {
    default: [
      {type: 'jsx', source: '@site/src/pages/index.tsx', permalink: '/hospital/'},
      {type: 'mdx', ...metadata('@site/src/pages/visit.md', '/hospital/visit')},
    ],
    empty: null,
  },
} as unknown as AllContent;

describe('collectSources', () => {
  it('lists docs, then blog posts of every blog, then Markdown pages, with trailing-slash permalinks', () => {
    const sources = collectSources(allContent, context({}));
    const shown = sources.map(({kind, pluginId, version, source, permalink, unlisted}) => ({
      kind,
      pluginId,
      version,
      source,
      permalink,
      unlisted,
    }));
    expect(shown).toEqual([
      {kind: 'docs', pluginId: 'default', version: 'current', source: 'docs/a.md', permalink: '/hospital/docs/a/', unlisted: false},
      {kind: 'blog', pluginId: 'default', version: null, source: 'blog/2024-01-01-post.md', permalink: '/hospital/blog/2024/01/01/post/', unlisted: false},
      {kind: 'blog', pluginId: 'news', version: null, source: 'news/hidden.mdx', permalink: '/hospital/news/hidden/', unlisted: true},
      {kind: 'page', pluginId: 'default', version: null, source: 'src/pages/visit.md', permalink: '/hospital/visit/', unlisted: false},
    ]);
    expect(sources[0]!.filePath).toBe(path.resolve(siteDir, 'docs/a.md'));
    expect(sources[2]!.format).toBe('mdx');
  });

  it('marks blog posts as compiled without their leading # Title, as the blog does', () => {
    const sources = collectSources(allContent, context({}));
    expect(sources.map((source) => source.removeContentTitle ?? false)).toEqual([false, true, true, false]);
  });

  it("gives each file its instance's admonition keywords, as the config declares them", () => {
    const sources = collectSources(
      allContent,
      context({
        presets: [['classic', {docs: {admonitions: false}, blog: {admonitions: {keywords: ['story']}}}]],
        plugins: [['@docusaurus/plugin-content-blog', {id: 'news', admonitions: {keywords: ['news'], extendDefaults: false}}]],
      }),
    );
    expect(sources.map((source) => source.admonitions)).toEqual([
      false,
      [...DEFAULT_ADMONITION_KEYWORDS, 'story'],
      ['news'],
      DEFAULT_ADMONITION_KEYWORDS,
    ]);
  });

  it("gives each file the folders its instance's MDX loader includes, as the content plugins compute them", () => {
    const sources = collectSources(
      allContent,
      context({
        presets: [['classic', {docs: {}, blog: {}, pages: {}}]],
        plugins: [['@docusaurus/plugin-content-blog', {id: 'news', path: 'news'}]],
      }),
    );
    const folder = (...parts: string[]) => path.join(siteDir, ...parts) + path.sep;
    expect(sources.map((source) => source.contentDirs)).toEqual([
      [folder('i18n', 'fr', 'docusaurus-plugin-content-docs', 'current'), folder('docs')],
      [folder('i18n', 'fr', 'docusaurus-plugin-content-blog'), folder('blog')],
      [folder('i18n', 'fr', 'docusaurus-plugin-content-blog-news'), folder('news')],
      [folder('i18n', 'fr', 'docusaurus-plugin-content-pages'), folder('src', 'pages')],
    ]);
    // An instance the config does not show: its folders are unknown (its partials are compiled as their importers).
    expect(collectSources(allContent, context({})).slice(1).map((source) => source.contentDirs)).toEqual([undefined, undefined, undefined]);
  });
});

describe('admonitionKeywords', () => {
  it('normalizes the option as the MDX loader does', () => {
    expect(admonitionKeywords(undefined)).toBe(DEFAULT_ADMONITION_KEYWORDS);
    expect(admonitionKeywords(true)).toBe(DEFAULT_ADMONITION_KEYWORDS);
    expect(admonitionKeywords(false)).toBe(false);
    expect(admonitionKeywords({keywords: ['x']})).toEqual([...DEFAULT_ADMONITION_KEYWORDS, 'x']);
    expect(admonitionKeywords({keywords: ['x'], extendDefaults: false})).toEqual(['x']);
  });
});
