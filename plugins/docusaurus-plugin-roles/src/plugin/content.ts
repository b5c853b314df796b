/**
 * Read the content plugins' loaded content (docs, blog posts, Markdown
 * pages) into the list of files the aggregator reads. Knows Docusaurus data
 * shapes, nothing else.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {addTrailingPathSeparator, aliasedSitePathToRelativePath, getPluginI18nPath, posixPath} from '@docusaurus/utils';
import * as docusaurusUtils from '@docusaurus/utils';
import type {AllContent, LoadContext} from '@docusaurus/types';
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {DocSource} from '../parse/aggregate.js';
import type {ContentKind} from '../types.js';
import {DEFAULT_ADMONITION_KEYWORDS, resolveFormat} from '../parse/format.js';
import {siteSyntax, type SiteSyntax} from '../parse/site-syntax.js';
import {readingOrder} from './reading-order.js';
import {contentInstancesSetup} from './setup-check.js';

// CommonJS getter export, invisible to ESM named imports: require it.
const {applyTrailingSlash} = createRequire(import.meta.url)(
  '@docusaurus/utils-common',
) as typeof import('@docusaurus/utils-common');

/**
 * Every doc of every docs plugin instance and version, for the locale
 * being built (`source` already points at the localized file when there is
 * one). Drafts are left out of production builds, as Docusaurus does.
 * Permalinks follow the site's `trailingSlash`, as the served URLs do.
 * Each version's docs come in the order a reader meets them in its sidebars.
 */
export function collectDocSources(allContent: AllContent, context: LoadContext): DocSource[] {
  const instances = (allContent['docusaurus-plugin-content-docs'] ?? {}) as Record<
    string,
    LoadedContent | undefined
  >;
  const siteFormat = context.siteConfig.markdown?.format ?? 'mdx';
  const production = process.env.NODE_ENV === 'production';
  const {trailingSlash, baseUrl} = context.siteConfig;
  const sources: DocSource[] = [];
  for (const [pluginId, content] of Object.entries(instances)) {
    // The docs plugin's MDX rule includes every version's folders.
    const folders = (content?.loadedVersions ?? [])
      .flatMap((version) => [version.contentPathLocalized, version.contentPath])
      .flatMap((folder) => (folder ? [addTrailingPathSeparator(folder)] : []));
    const contentDirs = folders.length > 0 ? folders : undefined;
    for (const version of content?.loadedVersions ?? []) {
      for (const {doc, position, categories} of readingOrder(version)) {
        if (production && doc.draft) continue;
        const relative = posixPath(aliasedSitePathToRelativePath(doc.source));
        const filePath = path.resolve(context.siteDir, relative);
        const mdx = doc.frontMatter.mdx as {format?: unknown} | undefined;
        sources.push({
          filePath,
          source: relative,
          permalink: applyTrailingSlash(doc.permalink, {trailingSlash, baseUrl}),
          kind: 'docs',
          pluginId,
          version: version.versionName,
          format: resolveFormat(filePath, siteFormat, mdx?.format),
          pageTitle: doc.title,
          pagePosition: position,
          categories,
          unlisted: doc.unlisted,
          pageRoles: doc.frontMatter.roles,
          ...(contentDirs && {contentDirs}),
        });
      }
    }
  }
  return sources;
}

/** What this module reads of a blog post or a Markdown page's metadata. */
interface ContentMetadata {
  source: string;
  permalink: string;
  /** A post's title; a page's front matter title or first heading, when it has one. */
  title?: string | undefined;
  frontMatter: {[key: string]: unknown};
  unlisted: boolean;
}

/** The part of `@docusaurus/plugin-content-blog`'s loaded content we read. */
interface BlogContent {
  blogPosts: Array<{metadata: ContentMetadata}>;
}

/** One item of `@docusaurus/plugin-content-pages`'s loaded content. */
type PageMetadata = ({type: 'mdx'} & ContentMetadata) | {type: 'jsx'};

/**
 * A blog post or Markdown page as the aggregator reads it: no versions, no
 * sidebar; `position` is its place in its plugin's own order (the blog's:
 * newest first).
 */
function toSource(
  metadata: ContentMetadata,
  kind: ContentKind,
  pluginId: string,
  position: number,
  context: LoadContext,
): DocSource {
  const {trailingSlash, baseUrl} = context.siteConfig;
  const relative = posixPath(aliasedSitePathToRelativePath(metadata.source));
  const filePath = path.resolve(context.siteDir, relative);
  const mdx = metadata.frontMatter.mdx as {format?: unknown} | undefined;
  return {
    filePath,
    source: relative,
    permalink: applyTrailingSlash(metadata.permalink, {trailingSlash, baseUrl}),
    kind,
    pluginId,
    version: null,
    format: resolveFormat(filePath, context.siteConfig.markdown?.format ?? 'mdx', mdx?.format),
    pageTitle: metadata.title ?? metadata.permalink,
    pagePosition: position,
    categories: [],
    // The blog's MDX loader drops a leading `# Title` (it is the post's title).
    ...(kind === 'blog' && {removeContentTitle: true}),
    unlisted: metadata.unlisted,
    pageRoles: metadata.frontMatter.roles,
  };
}

/**
 * Every post of every blog plugin instance, in the blog's order (newest
 * first). The blog plugin already leaves drafts out of production builds.
 */
export function collectBlogSources(allContent: AllContent, context: LoadContext): DocSource[] {
  const instances = (allContent['docusaurus-plugin-content-blog'] ?? {}) as Record<
    string,
    BlogContent | undefined
  >;
  return Object.entries(instances).flatMap(([pluginId, content]) =>
    (content?.blogPosts ?? []).map((post, index) => toSource(post.metadata, 'blog', pluginId, index + 1, context)),
  );
}

/**
 * Every Markdown/MDX page (`.md`, `.mdx` under `src/pages`) of every pages plugin
 * instance; React pages hold no Markdown. Drafts are already left out of
 * production builds by the pages plugin.
 */
export function collectPageSources(allContent: AllContent, context: LoadContext): DocSource[] {
  const instances = (allContent['docusaurus-plugin-content-pages'] ?? {}) as Record<
    string,
    PageMetadata[] | null | undefined
  >;
  return Object.entries(instances).flatMap(([pluginId, pages]) =>
    (pages ?? [])
      .flatMap((page) => (page.type === 'mdx' ? [page] : []))
      .map((page, index) => toSource(page, 'page', pluginId, index + 1, context)),
  );
}

/**
 * The admonition keywords an `admonitions` option gives the MDX loader, as
 * `@docusaurus/mdx-loader` normalizes it (`true` or absent: the defaults).
 */
export function admonitionKeywords(option: unknown): readonly string[] | false {
  if (option === undefined || option === true) return DEFAULT_ADMONITION_KEYWORDS;
  if (!option || typeof option !== 'object') return false;
  const {keywords, extendDefaults} = option as {keywords?: string[]; extendDefaults?: boolean};
  const own = keywords ?? DEFAULT_ADMONITION_KEYWORDS;
  return (extendDefaults ?? true) ? [...DEFAULT_ADMONITION_KEYWORDS, ...own] : own;
}

/** The syntax an instance's remark plugins add, once per options object (they do not change in a process). */
const syntaxOfOptions = new WeakMap<object, SiteSyntax>();
function instanceSyntax(options: Record<string, unknown>): SiteSyntax {
  let syntax = syntaxOfOptions.get(options);
  if (!syntax) {
    syntax = siteSyntax({
      beforeDefaultRemarkPlugins: options.beforeDefaultRemarkPlugins as unknown[] | undefined,
      remarkPlugins: options.remarkPlugins as unknown[] | undefined,
    });
    syntaxOfOptions.set(options, syntax);
  }
  return syntax;
}

/** The plugin names and default folders of the blog and pages plugins, as they compute their content folders. */
const CONTENT_FOLDERS = {
  blog: {pluginName: 'docusaurus-plugin-content-blog', path: 'blog'},
  page: {pluginName: 'docusaurus-plugin-content-pages', path: 'src/pages'},
} as const;

/**
 * The folders a blog or pages instance's MDX rule includes, as the plugin
 * computes them: its localized folder when the locale is translated, then
 * its `path` (each with a trailing separator, as the rule has it).
 */
function contentFolders(kind: 'blog' | 'page', pluginId: string, options: Record<string, unknown>, context: LoadContext): string[] {
  const {pluginName, path: defaultPath} = CONTENT_FOLDERS[kind];
  // `getLocaleConfig` is Docusaurus 3.8+; before it every locale is translated.
  const {getLocaleConfig} = docusaurusUtils as {getLocaleConfig?: (i18n: LoadContext['i18n']) => {translate?: boolean}};
  const translate = getLocaleConfig?.(context.i18n).translate ?? true;
  const folder = path.resolve(context.siteDir, typeof options.path === 'string' ? options.path : defaultPath);
  const localized = translate ? [getPluginI18nPath({localizationDir: context.localizationDir, pluginName, pluginId})] : [];
  return [...localized, folder].map(addTrailingPathSeparator);
}

/**
 * Every file that may hold annotations: docs, then blog posts, then pages,
 * each with the admonition keywords of the instance that compiles it and
 * the syntax its remark plugins add (read from the config; an instance the
 * config does not show uses the defaults).
 */
export function collectSources(allContent: AllContent, context: LoadContext): DocSource[] {
  const declared = new Map(
    contentInstancesSetup(context.siteConfig).map((instance) => [`${instance.kind}:${instance.pluginId}`, instance.options]),
  );
  return [
    ...collectDocSources(allContent, context),
    ...collectBlogSources(allContent, context),
    ...collectPageSources(allContent, context),
  ].map((source) => {
    const options = declared.get(`${source.kind}:${source.pluginId}`);
    // An instance the config does not show: its folders are unknown, so its
    // partials are taken to be compiled as the pages that import them.
    if (!options) return source;
    const syntax = instanceSyntax(options);
    return {
      ...source,
      ...(source.kind !== 'docs' && {contentDirs: contentFolders(source.kind, source.pluginId, options, context)}),
      admonitions: admonitionKeywords(options.admonitions),
      ...((syntax.key || syntax.transformsBefore.length > 0) && {syntax}),
    };
  });
}
