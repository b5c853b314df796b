/**
 * Run the aggregator on documents written to a scratch folder, and put its
 * results in the shape `compilePage` gives, for differential tests.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {RolesAggregator, type AggregateResult, type DocSource} from '../../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/src/options.js';
import {siteSyntax} from '../../plugins/docusaurus-plugin-roles/src/parse/site-syntax.js';
import {admonitionKeywords, annotationKey, aggregatorSettings, sitePlugins, type PageResult, type SiteSettings} from './reference.js';

/** The doc a file at `relative` (under `dir`) is to the aggregator, compiled with `settings`. */
export function docSource(dir: string, relative: string, settings: SiteSettings = {}, position = 1): DocSource {
  return {
    filePath: path.join(dir, relative),
    source: relative,
    permalink: `/${relative}`,
    kind: 'docs',
    pluginId: 'default',
    version: 'current',
    format: settings.format === 'md' ? 'md' : 'mdx',
    pageTitle: relative,
    pagePosition: position,
    categories: [],
    admonitions: admonitionKeywords(settings),
    removeContentTitle: settings.removeContentTitle ?? false,
    ...(settings.math && {syntax: siteSyntax(sitePlugins(settings))}),
  };
}

/** Aggregate `documents` (relative path → content) as one site; results by relative path. */
export async function aggregateDocuments(
  dir: string,
  documents: ReadonlyMap<string, string>,
  settings: SiteSettings = {},
  aggregator = new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings(settings)),
): Promise<Map<string, PageResult>> {
  const sources: DocSource[] = [];
  for (const [relative, content] of documents) {
    const filePath = path.join(dir, relative);
    mkdirSync(path.dirname(filePath), {recursive: true});
    writeFileSync(filePath, content);
    sources.push(docSource(dir, relative, settings, sources.length + 1));
  }
  return pageResults(await aggregator.run(sources), [...documents.keys()]);
}

/** A run's results per document (`sources`: the docs' `source` paths), in the shape `compilePage` gives. */
export function pageResults(run: Omit<AggregateResult, 'stats'>, sources: readonly string[]): Map<string, PageResult> {
  const results = new Map<string, PageResult>(sources.map((relative) => [relative, {annotations: [], problems: []}]));
  for (const entry of run.entries) results.get(entry.source)!.annotations.push(annotationKey(entry));
  for (const {file, line, column, reason, ruleId} of run.problems) {
    const result = results.get(file)!;
    if (ruleId === 'unparsable') {
      result.error = `${line}:${column}`;
      result.errorReason = reason;
    } else {
      result.problems.push(`${line}:${column}: ${reason}`);
    }
  }
  return results;
}
