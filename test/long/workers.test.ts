/**
 * The worker path: the compiled aggregator (`lib/`, where the worker module
 * exists) parsing in worker threads must give exactly what it gives in
 * process, in the same order (entries and problems, unparsable files
 * included), and what each page's own Docusaurus compile gives.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {RolesAggregator, type AggregateResult, type DocSource} from '../../plugins/docusaurus-plugin-roles/lib/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/lib/options.js';
import {MAX_DOCUMENT_CHARACTERS} from '../../plugins/docusaurus-plugin-roles/lib/core/limits.js';
import {AnalyzePool} from '../../plugins/docusaurus-plugin-roles/lib/parse/pool.js';
import {analyzeFiles} from '../../plugins/docusaurus-plugin-roles/lib/parse/analyze.js';
import {docSource, pageResults} from '../support/aggregate-one.js';
import {agrees} from '../support/agreement.js';
import {documentArbitrary, settingsArbitrary} from '../support/documents.js';
import {aggregatorSettings, compilePage, type SiteSettings} from '../support/reference.js';

const workDir = path.join(import.meta.dirname, '..', '.tmp', 'workers');
const CONFIG = toRolesConfig(DEFAULT_OPTIONS);

/** What the content plugins of a site vary per file: format, the blog's title removal, admonitions. */
const PER_FILE: SiteSettings[] = [
  {},
  {format: 'md'},
  {removeContentTitle: true},
  {admonitions: false},
  {admonitions: {keywords: ['custom']}},
];

/** Everything but the counters. */
function table({entries, problems}: AggregateResult) {
  return {entries, problems};
}

/** Write `documents` under `dir`; each doc with its own per-file settings. */
function writeSite(dir: string, documents: ReadonlyArray<[string, string, SiteSettings]>): DocSource[] {
  mkdirSync(dir, {recursive: true});
  return documents.map(([relative, content, settings], index) => {
    writeFileSync(path.join(dir, relative), content);
    return docSource(dir, relative, settings, index + 1);
  });
}

async function aggregate(docs: readonly DocSource[], workers: number, settings: SiteSettings = {}): Promise<AggregateResult> {
  // `poolFrom: 0`: these sites are small, and the threads must start to be tested.
  return new RolesAggregator(CONFIG, aggregatorSettings(settings), {cacheFile: false, workers, poolFrom: 0}).run(docs);
}

describe('parsing in worker threads gives what parsing in process gives', () => {
  const documents: Array<[string, string, SiteSettings]> = [];

  beforeAll(() => {
    rmSync(workDir, {recursive: true, force: true});
    // Over one chunk of 256 docs, so the pool serves two chunks in flight.
    fc.sample(documentArbitrary, {numRuns: 290, seed: 11}).forEach((content, index) => {
      documents.push([`doc-${String(index).padStart(3, '0')}.mdx`, content, PER_FILE[index % PER_FILE.length]!]);
    });
    documents.push(['unparsable.mdx', ':::role[Broken]{of=radiologist}\nA {broken expression\n:::\n', {}]);
    documents.push(['unparsable.md', '# Title\n\n<div>unclosed :role[x]{of=technologist}\n', {format: 'md'}]);
    const huge = `:::role[Huge]{of=radiologist}\n${'A very long body. '.repeat(MAX_DOCUMENT_CHARACTERS / 16)}\n:::\n`;
    documents.push(['too-large.mdx', huge, {}]);
    documents.push(['too-large-post.mdx', `# Post\n\n${huge}`, {removeContentTitle: true}]);
  });

  it('on 294 generated docs of every kind, against workers: 0 and the MDX compile', async () => {
    const docs = writeSite(path.join(workDir, 'site'), documents);
    const threaded = await aggregate(docs, 2);
    const inProcess = await aggregate(docs, 0);
    expect(threaded.stats.threaded).toBeGreaterThan(0);
    expect(inProcess.stats.threaded).toBe(0);
    expect(threaded.stats.parsed).toBe(inProcess.stats.parsed);
    expect(table(threaded)).toEqual(table(inProcess));
    expect(threaded.problems.filter((problem) => problem.ruleId === 'unparsable').length).toBeGreaterThanOrEqual(2);
    expect(threaded.problems.filter((problem) => problem.ruleId === 'document-too-large')).toHaveLength(2);

    const results = pageResults(threaded, documents.map(([relative]) => relative));
    for (const [relative, content, settings] of documents) {
      if (content.length > MAX_DOCUMENT_CHARACTERS) continue;
      const page = await compilePage(`/site/docs/${relative}`, content, settings);
      expect(agrees(page, results.get(relative)!, content), `${relative}: ${JSON.stringify({page, table: results.get(relative)})}`).toBe(true);
    }
  });

  it('on generated sites, with their markdown settings (property)', async () => {
    let site = 0;
    let pooled = 0;
    let poolable = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(documentArbitrary, {minLength: 90, maxLength: 120}), settingsArbitrary, async (contents, settings) => {
        site += 1;
        const dir = path.join(workDir, `site-${site}`);
        const docs = writeSite(
          dir,
          contents.map((content, index) => [`doc-${index}.mdx`, content, settings]),
        );
        const threaded = await aggregate(docs, 2, settings);
        const inProcess = await aggregate(docs, 0, settings);
        rmSync(dir, {recursive: true, force: true});
        // A site whose content plugin adds syntax (remark-math) is parsed
        // in process: its remark plugins are functions, which no thread gets.
        if (settings.math === undefined) poolable += 1;
        if (threaded.stats.threaded > 0) pooled += 1;
        expect(table(threaded)).toEqual(table(inProcess));
      }),
      {numRuns: 4, seed: 20261126},
    );
    // The pool must have done the parsing, not only the in-process fallback.
    expect(site).toBe(4);
    expect(poolable).toBeGreaterThan(0);
    expect(pooled).toBe(poolable);
  });

  it('analyzes in process a batch whose worker throws or answers short', async () => {
    const inputs = documents.slice(0, 40).map(([, content]) => ({content, format: 'mdx' as const, admonitions: false as const, removeContentTitle: false}));
    inputs[20] = {...inputs[20]!, content: ''};
    const pool = new AnalyzePool(path.join(import.meta.dirname, '..', 'support', 'failing-worker.mjs'), 2);
    try {
      const settings = aggregatorSettings();
      expect(await pool.analyze(inputs, settings)).toEqual(analyzeFiles(inputs, settings));
      expect(pool.failures).toBe(2);
    } finally {
      await pool.destroy();
    }
  });
});
