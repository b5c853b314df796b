/**
 * Builds in processes of their own (`support/aggregate-child.mjs`, the
 * compiled aggregator) sharing one cache file: a build killed (SIGKILL)
 * while it writes the cache, and two builds writing it at once, must leave
 * the next build right (the table a cache-less run gives) and a valid cache
 * file behind.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, watch, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {RolesAggregator, type AggregateResult, type DocSource} from '../../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/src/options.js';
import {docSource} from '../support/aggregate-one.js';
import {aggregatorSettings} from '../support/reference.js';

const workDir = path.join(import.meta.dirname, '..', '.tmp', 'killed-build');
const docsDir = path.join(workDir, 'docs');
const cacheFile = path.join(workDir, 'node_modules', '.cache', 'docusaurus-plugin-roles', 'facts-default-en.json');
const cacheDir = path.dirname(cacheFile);
const child = path.join(import.meta.dirname, '..', 'support', 'aggregate-child.mjs');
/** Enough text that writing the cache file takes a while (about 2 MB). */
const DOCS = 180;

let docs: DocSource[] = [];

/** A doc of twelve duties with long bodies (the cache keeps their text). */
function content(index: number, revision = 0): string {
  const duties = Array.from({length: 12}, (_, duty) =>
    [
      `## Step ${duty}`,
      '',
      `:::role[Duty ${duty} of page ${index}, revision ${revision}]{of=${duty % 2 ? 'radiologist' : 'technologist'} area=imaging}`,
      'Body sentence that explains the duty in detail, and why it matters to the patient. '.repeat(8),
      ':::',
    ].join('\n'),
  );
  return `# Page ${index}\n\n${duties.join('\n\n')}\n`;
}

/** Start a build; `onStart` gets its process as soon as it runs. */
function build(workers: number, onStart?: (pid: number) => void): Promise<{code: number | null; signal: string | null; result?: AggregateResult; stderr: string}> {
  const job = path.join(workDir, `job-${Math.random().toString(36).slice(2)}.json`);
  // `poolFrom: 0`: the threads start on this small site too, so a kill can land while they run.
  writeFileSync(job, JSON.stringify({docs, markdown: aggregatorSettings(), cacheFile, workers, poolFrom: 0}));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, job], {stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      rmSync(job, {force: true});
      resolve({code, signal, stderr, ...(code === 0 && {result: JSON.parse(stdout) as AggregateResult})});
    });
    onStart?.(proc.pid!);
  });
}

/** Everything but the counters, as JSON carries it. */
function table({entries, problems}: AggregateResult) {
  return JSON.parse(JSON.stringify({entries, problems})) as unknown;
}

/** The table without a cache file (kept in memory across calls, so only changed docs are parsed again). */
const memoryOnly = new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings(), {cacheFile: false, workers: 0});
async function cacheless(): Promise<unknown> {
  return table(await memoryOnly.run(docs));
}

const temporaries = () => readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'));
const digest = () => createHash('sha256').update(readFileSync(cacheFile)).digest('hex');

/** A build in a new process reads the whole cache: nothing parsed, every doc from the file, the right table. */
async function expectValidCache(): Promise<void> {
  const next = await build(0);
  expect(next.code, next.stderr).toBe(0);
  expect(next.result!.stats).toMatchObject({parsed: 0, persisted: DOCS});
  expect(table(next.result!)).toEqual(await cacheless());
}

describe('builds in processes of their own, sharing a cache file', () => {
  beforeAll(() => {
    rmSync(workDir, {recursive: true, force: true});
    mkdirSync(docsDir, {recursive: true});
    docs = Array.from({length: DOCS}, (_, index) => {
      const relative = `page-${index}.mdx`;
      writeFileSync(path.join(docsDir, relative), content(index));
      return docSource(docsDir, relative, {}, index + 1);
    });
  });

  it('a build killed while it writes the cache leaves the next build right, with a valid cache file', async () => {
    const first = await build(2);
    expect(first.code, first.stderr).toBe(0);
    expect(first.result!.stats.threaded).toBeGreaterThan(0);
    expect(table(first.result!)).toEqual(await cacheless());

    let midWrite = 0;
    let attempts = 0;
    for (let attempt = 1; attempt <= 10 && midWrite < 2; attempt += 1) {
      attempts = attempt;
      // One doc changes, so the build parses it and writes the whole cache again.
      writeFileSync(docs[attempt]!.filePath, content(attempt, attempt));
      const before = digest();
      const leftBefore = new Set(temporaries());
      let pid: number | undefined;
      let killed = false;
      const watcher = watch(cacheDir, (_event, name) => {
        if (!killed && pid !== undefined && name?.endsWith('.tmp') && !leftBefore.has(name)) {
          killed = true;
          process.kill(pid, 'SIGKILL');
        }
      });
      const run = await build(0, (started) => (pid = started));
      watcher.close();
      const left = temporaries().filter((name) => !leftBefore.has(name));
      if (run.signal === 'SIGKILL' && left.length > 0) {
        // Killed mid-write: the half-written file is the temporary one; the cache file is the old one, whole.
        midWrite += 1;
        expect(digest()).toBe(before);
      } else {
        // Killed too late (or finished): then the new cache file is in place, whole.
        expect(left).toEqual([]);
      }
    }
    console.log(`killed build: ${midWrite} of ${attempts} kills landed while the cache file was being written`);
    expect(midWrite).toBeGreaterThan(0);

    // Old temporaries (killed writers') are removed by the next writer; recent ones (maybe a live writer's) are kept.
    const [old, ...recent] = temporaries();
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(path.join(cacheDir, old!), hourAgo, hourAgo);
    writeFileSync(docs[0]!.filePath, content(0, 99));
    const next = await build(0);
    expect(next.code, next.stderr).toBe(0);
    expect(next.result!.stats.parsed).toBeGreaterThan(0);
    expect(table(next.result!)).toEqual(await cacheless());
    expect(existsSync(path.join(cacheDir, old!))).toBe(false);
    expect(temporaries()).toEqual(recent);
    await expectValidCache();
  });

  it('two builds writing the cache file at once leave it valid', async () => {
    for (let round = 0; round < 3; round += 1) {
      writeFileSync(docs[round]!.filePath, content(round, 200 + round));
      const runs = await Promise.all([build(0), build(2)]);
      for (const run of runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(table(run.result!)).toEqual(await cacheless());
      }
      await expectValidCache();
    }
  });
});
