/**
 * The site's handoffs, from the gathered annotations to what the pages, the
 * table and the exports show: each content plugin instance and version as a
 * scope with its content folders (the original and the locale's), the
 * resolution (`core/handoff-graph.ts`), and the two views of its result:
 * `follows`/`handsTo` keys on the table's entries, and each callout's links
 * with the other side's title, roles and page.
 */
import path from 'node:path';
import {getPluginI18nPath, posixPath} from '@docusaurus/utils';
import type {AllContent, LoadContext} from '@docusaurus/types';
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {RoleAnnotation} from '../core/extract.js';
import {resolveHandoffs, type HandoffGraph, type HandoffPage} from '../core/handoff-graph.js';
import type {DocSource} from '../parse/aggregate.js';
import type {Problem} from '../core/problem.js';
import type {ContentKind, HandoffSide, RoleEntry} from '../types.js';
import {contentInstancesSetup, describeInstance} from './setup-check.js';

/** A file's annotations, as the aggregator resolved them. */
export interface PageAnnotations {
  doc: DocSource;
  /** Its valid annotations, in document order. */
  annotations: RoleAnnotation[];
  /** Ids of its invalid annotations. */
  invalidIds: string[];
  /** Ids of the duties it shows through the partials it renders. */
  partialIds?: string[];
}

/** The handoffs of each callout of a page that has any, by callout id. */
export type PageHandoffs = Record<string, {follows: HandoffSide[]; handsTo: HandoffSide[]}>;

/** The site's handoffs, resolved, in the shapes the rest of the plugin reads. */
export interface SiteHandoffs {
  /** Problems found while resolving (unknown targets, self-links, links across instances, cycles). */
  problems: Problem[];
  /** `permalink#id` → the keys of the duties it follows and hands over to. */
  keys: Map<string, {follows: string[]; handsTo: string[]}>;
  /** By absolute file path: its callouts' handoffs, for the pages (a file with none is absent). */
  pages: Map<string, PageHandoffs>;
  /** How many handoffs the site has. */
  count: number;
  /** Steps the resolution took (see `HandoffGraph.steps`). */
  steps: number;
}

/** The folders a scope's files live in: the content folder and the locale's. */
export type ScopeRoots = Map<string, string[]>;

/** The scope key of a page: its content plugin, instance and docs version. */
export function scopeOf(doc: Pick<DocSource, 'kind' | 'pluginId' | 'version'>): string {
  return `${doc.kind}\0${doc.pluginId}\0${doc.version ?? ''}`;
}

/** "the docs plugin instance `default`, version `current`" for messages. */
function scopeLabel(doc: Pick<DocSource, 'kind' | 'pluginId' | 'version'>): string {
  const instance = describeInstance(doc.kind, doc.pluginId);
  return doc.version === null ? instance : `${instance}, version \`${doc.version}\``;
}

const PLUGIN_NAMES: Record<ContentKind, string> = {
  docs: 'docusaurus-plugin-content-docs',
  blog: 'docusaurus-plugin-content-blog',
  page: 'docusaurus-plugin-content-pages',
};
const DEFAULT_PATHS: Record<Exclude<ContentKind, 'docs'>, string> = {blog: 'blog', page: 'src/pages'};

/**
 * Every scope's content folders, site-relative: each docs version's
 * `contentPath` and `contentPathLocalized` (from the loaded content), and
 * each blog and pages instance's `path` option and its folder in
 * `i18n/<locale>/`.
 */
export function scopeRoots(allContent: AllContent, context: LoadContext): ScopeRoots {
  const roots: ScopeRoots = new Map();
  const relative = (folder: string) => posixPath(path.relative(context.siteDir, folder));
  const docs = (allContent[PLUGIN_NAMES.docs] ?? {}) as Record<string, LoadedContent | undefined>;
  for (const [pluginId, content] of Object.entries(docs)) {
    for (const version of content?.loadedVersions ?? []) {
      const key = scopeOf({kind: 'docs', pluginId, version: version.versionName});
      const folders = [version.contentPath, version.contentPathLocalized].filter((folder) => folder !== undefined);
      roots.set(key, folders.map(relative));
    }
  }
  const declared = contentInstancesSetup(context.siteConfig);
  for (const kind of ['blog', 'page'] as const) {
    for (const pluginId of Object.keys(allContent[PLUGIN_NAMES[kind]] ?? {})) {
      const options = declared.find((instance) => instance.kind === kind && instance.pluginId === pluginId)?.options;
      const folder = typeof options?.path === 'string' ? options.path : DEFAULT_PATHS[kind];
      const localized = getPluginI18nPath({localizationDir: context.localizationDir, pluginName: PLUGIN_NAMES[kind], pluginId});
      roots.set(scopeOf({kind, pluginId, version: null}), [relative(path.resolve(context.siteDir, folder)), relative(localized)]);
    }
  }
  return roots;
}

/**
 * The names a file reference may give a page: its own file, then the same
 * place under each other folder of its scope (where its translation, or its
 * original, is), so `./b.md` from a translated page finds an untranslated
 * `b.md`, and the other way round.
 */
function pageFiles(source: string, roots: readonly string[]): string[] {
  const root = roots.find((folder) => folder === '' || source.startsWith(`${folder}/`));
  if (root === undefined) return [source];
  const inside = root === '' ? source : source.slice(root.length + 1);
  return [source, ...roots.filter((folder) => folder !== root).map((folder) => path.posix.join(folder, inside))];
}

/**
 * Resolve the handoffs of every gathered page. A partial (imported
 * Markdown, `doc.partial`) takes no part: its callouts are compiled once
 * for every page that renders it, so they could not show each page's
 * handoffs; a handoff written in one is reported, never dropped silently.
 */
export function linkHandoffs(gathered: readonly PageAnnotations[], roots: ScopeRoots, baseUrl: string): SiteHandoffs {
  const pages = gathered.filter(({doc}) => !doc.partial);
  const inPartials = gathered.filter(({doc}) => doc.partial).flatMap(handoffsInPartial);
  const input: HandoffPage[] = pages.map(({doc, annotations, invalidIds, partialIds}) => {
    const scope = scopeOf(doc);
    const folders = roots.get(scope) ?? [];
    return {
      source: doc.source,
      permalink: doc.permalink,
      scope,
      scopeLabel: scopeLabel(doc),
      files: pageFiles(doc.source, folders),
      roots: folders,
      duties: annotations,
      invalidIds,
      partialIds,
    };
  });
  const graph = resolveHandoffs(input, {baseUrl});
  return {
    problems: [...inPartials, ...graph.problems],
    ...views(pages, graph),
    count: graph.handsTo.reduce((sum, targets) => sum + targets.length, 0),
    steps: graph.steps,
  };
}

/** A problem for each annotation of a partial that declares handoffs. */
function handoffsInPartial({doc, annotations}: PageAnnotations): Problem[] {
  return annotations.flatMap(({follows, handsTo, line, column}) => {
    const written = [...(follows?.length ? ['`follows`'] : []), ...(handsTo?.length ? ['`hands-to`'] : [])];
    if (written.length === 0) return [];
    return [
      {
        file: doc.source,
        line,
        column,
        ruleId: 'handoff-in-partial' as const,
        reason: `Unexpected ${written.join(' and ')} in a partial (imported Markdown, shown by each page that renders it), expected handoffs on the annotations written in the pages themselves (a partial's callouts cannot show each page's handoffs)`,
      },
    ];
  });
}

/** The graph as entry keys and as each callout's links. */
function views(pages: readonly PageAnnotations[], graph: HandoffGraph): Pick<SiteHandoffs, 'keys' | 'pages'> {
  const sides = graph.duties.map(({page, duty}): HandoffSide & {key: string; file: string} => {
    const {doc, annotations} = pages[page]!;
    const annotation = annotations[duty]!;
    const href = `${doc.permalink}#${annotation.id}`;
    return {key: href, file: doc.filePath, href, title: annotation.title, roles: annotation.roles, pageTitle: doc.pageTitle};
  });
  const keys: SiteHandoffs['keys'] = new Map();
  const byFile: SiteHandoffs['pages'] = new Map();
  graph.duties.forEach(({page, duty}, number) => {
    const follows = graph.follows[number]!;
    const handsTo = graph.handsTo[number]!;
    if (follows.length === 0 && handsTo.length === 0) return;
    const self = sides[number]!;
    keys.set(self.key, {follows: follows.map((other) => sides[other]!.key), handsTo: handsTo.map((other) => sides[other]!.key)});
    // The other side's page title only when it is another page.
    const side = (other: number): HandoffSide => {
      const {href, title, roles, pageTitle, file} = sides[other]!;
      return {href, title, roles, pageTitle: file === self.file ? null : pageTitle};
    };
    let links = byFile.get(self.file);
    if (!links) {
      links = Object.create(null) as PageHandoffs;
      byFile.set(self.file, links);
    }
    links[pages[page]!.annotations[duty]!.id] = {follows: follows.map(side), handsTo: handsTo.map(side)};
  });
  return {keys, pages: byFile};
}

/**
 * The entries with their `follows` and `handsTo` keys, each naming another
 * entry of the table (a duty of an unlisted page has no entry, so no key).
 */
export function withHandoffKeys(entries: readonly RoleEntry[], keys: SiteHandoffs['keys']): RoleEntry[] {
  if (keys.size === 0) return entries.map((entry) => ({...entry, follows: [], handsTo: []}));
  const listed = new Set(entries.map((entry) => `${entry.permalink}#${entry.id}`));
  return entries.map((entry) => {
    const links = keys.get(`${entry.permalink}#${entry.id}`);
    return {
      ...entry,
      follows: links?.follows.filter((key) => listed.has(key)) ?? [],
      handsTo: links?.handsTo.filter((key) => listed.has(key)) ?? [],
    };
  });
}
