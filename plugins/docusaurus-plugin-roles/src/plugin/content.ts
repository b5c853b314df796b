/**
 * Read the docs plugin instances' loaded content into the list of files
 * the aggregator reads. Knows Docusaurus data shapes, nothing else.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {aliasedSitePathToRelativePath, posixPath} from '@docusaurus/utils';
import type {AllContent, LoadContext} from '@docusaurus/types';
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {DocSource} from '../parse/aggregate.js';
import {resolveFormat} from '../parse/parser.js';
import {readingOrder} from './reading-order.js';

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
          pluginId,
          version: version.versionName,
          format: resolveFormat(filePath, siteFormat, mdx?.format),
          pageTitle: doc.title,
          pagePosition: position,
          categories,
        });
      }
    }
  }
  return sources;
}
