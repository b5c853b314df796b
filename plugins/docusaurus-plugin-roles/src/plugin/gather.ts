/**
 * Gather the comparison table from a site's loaded content: every docs, blog
 * and pages file through the aggregator, unlisted pages left out, and the
 * content plugin instances that hold annotations without running
 * `remarkRoles`. The build (`allContentLoaded`) and the CLI (`roles:check`,
 * `roles:export`) both call this, so they cannot disagree.
 */
import {logger} from '@docusaurus/logger';
import type {AllContent, DocusaurusConfig, LoadContext} from '@docusaurus/types';
import type {
  AggregateResult,
  AggregatorOptions,
  DocSource,
  MarkdownSettings,
  RolesAggregator,
} from '../parse/aggregate.js';
import type {Problem} from '../core/problem.js';
import {defaultCacheFile} from '../parse/disk-cache.js';
import type {ContentKind, PluginOptions, RoleEntry} from '../types.js';
import {collectSources} from './content.js';
import {linkHandoffs, scopeRoots, withHandoffKeys, type SiteHandoffs} from './handoffs.js';
import type {PublishedPage} from '../remark/registry.js';
import {bindContentInstances, withInstance, type ContentInstance} from './instances.js';
import {contentInstancesSetup, describeInstance, ellipsisNote} from './setup-check.js';

export {PLUGIN_NAME} from './name.js';

/** How the site's MDX loader reads Markdown, for the aggregator to read it the same way. */
export function markdownSettings(siteConfig: DocusaurusConfig): MarkdownSettings {
  const {markdown} = siteConfig;
  return {
    preprocessor: markdown?.preprocessor,
    headingIds: markdown?.mdx1Compat?.headingIds ?? true,
    comments: markdown?.mdx1Compat?.comments ?? true,
    admonitions: markdown?.mdx1Compat?.admonitions ?? true,
    emoji: markdown?.emoji ?? true,
    mermaid: markdown?.mermaid ?? false,
    maintainCase: markdown?.anchors?.maintainCase ?? false,
    loaderRunner: usesRspack(siteConfig) ? 'rspack' : 'webpack',
    format: markdown?.format ?? 'mdx',
  };
}

/** Whether the site bundles with Rspack (`future.faster.rspackBundler`; 3.6–3.9: `future.experimental_faster`). */
function usesRspack(siteConfig: DocusaurusConfig): boolean {
  const future = siteConfig.future as {faster?: unknown; experimental_faster?: unknown} | undefined;
  const faster = future?.faster ?? future?.experimental_faster;
  if (typeof faster === 'boolean') return faster;
  return typeof faster === 'object' && faster !== null && (faster as {rspackBundler?: unknown}).rspackBundler === true;
}

/**
 * Where a plugin instance keeps its cache (one file per locale: each
 * locale reads other files, and a run drops the files it did not read),
 * and how many threads it parses with.
 */
export function aggregatorOptions(
  {siteDir, i18n}: Pick<LoadContext, 'siteDir' | 'i18n'>,
  {id, cache, workers}: Pick<PluginOptions, 'id' | 'cache' | 'workers'>,
): AggregatorOptions {
  return {cacheFile: cache ? defaultCacheFile(siteDir, `${id}-${i18n.currentLocale}`) : false, workers};
}

/** A content plugin instance whose files hold annotations but that does not run `remarkRoles`. */
export interface MissingRemark {
  kind: ContentKind;
  pluginId: string;
  /** Its first annotation, to show where. */
  first: Pick<RoleEntry, 'source' | 'line'>;
  /** The config line that fixes it. */
  fix: string;
}

/** The table of one site, for one locale, and what is wrong with its annotations. */
export interface GatheredRoles {
  /** Every file read, in order: docs, blog posts, pages. */
  sources: DocSource[];
  /** The table's and exports' entries: listed pages only, with their handoffs. */
  entries: RoleEntry[];
  /** The handoffs, resolved site-wide, and their problems (reported with `onBrokenHandoffs`). */
  handoffs: SiteHandoffs;
  /** The aggregator's full result (problems, unparsable files, statistics). */
  result: AggregateResult;
  missingRemark: MissingRemark[];
  /** Mistakes in which roles instance content instances belong to (`instances.ts`): each fails the build. */
  setupErrors: string[];
  /** Content instances no table reads, which this instance (the primary one) warns about. */
  unseen: ContentInstance[];
}

/**
 * Read every content file of the content plugin instances that belong to
 * this roles instance (`instanceId`, one of the site's `rolesIds`) and
 * build the table's entries.
 */
export async function gatherRoles({
  allContent,
  context,
  aggregator,
  instanceId,
  rolesIds,
}: {
  allContent: AllContent;
  context: LoadContext;
  aggregator: RolesAggregator;
  instanceId: string;
  /** Every instance of this plugin in the site (default: this one only). */
  rolesIds?: readonly string[];
}): Promise<GatheredRoles> {
  const everySource = collectSources(allContent, context);
  const ids = rolesIds?.includes(instanceId) ? rolesIds : [instanceId];
  const owners = bindContentInstances(context.siteConfig, ids, uniqueInstances(everySource));
  const sources = everySource.filter((source) => owners.owner(source.kind, source.pluginId) === instanceId);
  const primary = owners.primary === instanceId;
  warnTransformsBeforeRoles(sources);
  const result = await aggregator.run(sources);
  // Like Docusaurus's own aggregate pages (tags pages), the table lists
  // nothing from an unlisted page (the partials it renders included: their
  // entries keep the partial's source, so only the permalink tells);
  // drafts are not loaded at all.
  const hidden = new Set(sources.filter((source) => source.unlisted).map((source) => source.permalink));
  const listed = hidden.size === 0 ? result.entries : result.entries.filter((entry) => !hidden.has(entry.permalink));
  // Links resolve over every page of this instance, listed or not (an unlisted page shows its callouts).
  const handoffs = linkHandoffs(result.pages, scopeRoots(allContent, context), context.siteConfig.baseUrl);
  const entries = withHandoffKeys(listed, handoffs.keys);
  // With several roles instances, the line to add names the instance.
  const named = ids.length > 1 ? instanceId : undefined;
  return {
    sources,
    entries,
    handoffs,
    result,
    missingRemark: findMissingRemark(context.siteConfig, result.entries, named),
    // Said once, by the primary instance.
    setupErrors: primary ? owners.errors : [],
    unseen: primary ? owners.unseen : [],
  };
}

/** Each content instance that has sources, once, in order. */
function uniqueInstances(sources: readonly DocSource[]): ContentInstance[] {
  const seen = new Map<string, ContentInstance>();
  for (const {kind, pluginId} of sources) seen.set(`${kind}:${pluginId}`, {kind, pluginId});
  return [...seen.values()];
}

/**
 * A remark plugin listed before `remarkRoles` that transforms the tree
 * changes what the page's `remarkRoles` reads, which the table does not
 * reproduce: say so, once per instance and plugin, with the fix.
 */
function warnTransformsBeforeRoles(sources: readonly DocSource[]): void {
  const seen = new Set<string>();
  for (const {kind, pluginId, syntax} of sources) {
    for (const name of syntax?.transformsBefore ?? []) {
      const key = `${kind}:${pluginId}:${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      logger.warn`The remark plugin code=${name} runs before code=${'remarkRoles'} in ${describeInstance(kind, pluginId)} and may change what its pages' annotations show, which the roles table does not follow. List code=${'remarkRoles'} before it in code=${'remarkPlugins'} unless it never touches a code=${':::role'}.`;
    }
  }
}

/**
 * The declared content plugin instances that hold annotations (listed or
 * not: an unlisted page still shows them) but do not run `remarkRoles`
 * (`entries` are those of the instances this roles instance reads).
 */
function findMissingRemark(siteConfig: DocusaurusConfig, entries: readonly RoleEntry[], instance: string | undefined): MissingRemark[] {
  return contentInstancesSetup(siteConfig).flatMap(({kind, pluginId, registered, fix}) => {
    if (registered) return [];
    const first = entries.find((entry) => entry.kind === kind && entry.pluginId === pluginId);
    return first ? [{kind, pluginId, first: {source: first.source, line: first.line}, fix: withInstance(fix, instance)}] : [];
  });
}

/** Where each file is published, for the remark plugin (see `RolesHost.pages`). */
export function publishedPages(sources: readonly DocSource[]): Map<string, PublishedPage> {
  return new Map(
    sources.map((source) => [source.filePath, {permalink: source.permalink, unlisted: source.unlisted ?? false}]),
  );
}

/** The reason given for an instance that does not run `remarkRoles`. */
export function missingRemarkReason({kind, pluginId, fix}: MissingRemark): string {
  return `Role annotations in ${describeInstance(kind, pluginId)}, whose remarkPlugins do not include remarkRoles, so its pages would not show them. Add it: ${fix}${ellipsisNote([fix])}`;
}

/** The same, positioned at the instance's first annotation, for the CLI. */
export function missingRemarkProblem(missing: MissingRemark): Problem {
  return {
    file: missing.first.source,
    line: missing.first.line,
    column: 1,
    reason: missingRemarkReason(missing),
    ruleId: 'missing-remark-plugin',
  };
}

/** The error that stops the build, with every instance to fix at once. */
export function missingRemarkError(missing: readonly MissingRemark[]): Error {
  const lines = missing.map(
    ({kind, pluginId, first, fix}) =>
      `- ${describeInstance(kind, pluginId)} (first at ${first.source}:${first.line}):\n    ${fix}`,
  );
  return new Error(
    logger.interpolate`Pages of these content plugin instances contain role annotations, but their code=${'remarkPlugins'} do not include code=${'remarkRoles'}, so the pages would not show them:
${lines.join('\n')}
Change each entry of docusaurus.config as shown${ellipsisNote(missing.map(({fix}) => fix))}, and import remarkRoles:
  import {remarkRoles} from 'docusaurus-plugin-roles';`,
  );
}
