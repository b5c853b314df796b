/**
 * Child process (started with `node --expose-gc`): peak memory of one cold
 * aggregator run over a corpus. Prints one JSON line on stdout.
 *
 *   node --expose-gc bench/lib/memory-child.mjs <corpusDir> [--workers=0|N|auto]
 *
 * With worker threads (`--workers`, default 0: in process), their heaps
 * are in this process's RSS (threads share the process) but not in
 * `heapUsed` (each thread has its own V8 heap): read `rss` then.
 * Memory is sampled on a 1 ms timer and, because the run is mostly
 * synchronous parsing between file reads (timers fire rarely then), also
 * each time a file read completes: `fs/promises.readFile` is wrapped and
 * the wrapper is made visible to ESM importers with `syncBuiltinESMExports`.
 * The peak RSS also comes from the kernel (`resourceUsage().maxRSS`), which
 * sampling cannot miss.
 */
import fsPromises from 'node:fs/promises';
import {syncBuiltinESMExports} from 'node:module';
import path from 'node:path';

if (typeof globalThis.gc !== 'function') {
  console.error('memory-child must run with node --expose-gc');
  process.exit(2);
}

const corpusDir = path.resolve(process.argv[2]);
const workersFlag = process.argv.slice(3).find((arg) => arg.startsWith('--workers='))?.slice('--workers='.length) ?? '0';
const workers = workersFlag === 'auto' ? 'auto' : Number(workersFlag);
let peak = {rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0};
let samples = 0;
let sampling = false;
function sample() {
  if (!sampling) return;
  const usage = process.memoryUsage();
  samples += 1;
  for (const key of Object.keys(peak)) if (usage[key] > peak[key]) peak[key] = usage[key];
}

const originalReadFile = fsPromises.readFile;
fsPromises.readFile = async function sampledReadFile(...args) {
  const result = await originalReadFile.apply(this, args);
  sample();
  return result;
};
syncBuiltinESMExports();

const {loadPlugin, docSources, MARKDOWN_SETTINGS} = await import('./plugin.mjs');
const plugin = await loadPlugin();
const manifest = JSON.parse(await originalReadFile(path.join(corpusDir, 'manifest.json'), 'utf8'));
const docs = docSources(corpusDir, manifest);
const config = plugin.toRolesConfig(plugin.DEFAULT_OPTIONS);
const aggregator = new plugin.RolesAggregator(config, MARKDOWN_SETTINGS, {workers});

globalThis.gc();
globalThis.gc();
const baseline = process.memoryUsage();
const baselineMaxRssKB = process.resourceUsage().maxRSS;
peak = {...baseline};
sampling = true;
const timer = setInterval(sample, 1);
const start = performance.now();
const result = await aggregator.run(docs);
const ms = performance.now() - start;
sample();
clearInterval(timer);
sampling = false;
const maxRssKB = process.resourceUsage().maxRSS;
globalThis.gc();
globalThis.gc();
const after = process.memoryUsage();

const MB = 1024 * 1024;
const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;
// The kernel's peak only tells about the run if the run set a new peak.
const kernelPeakRss = maxRssKB > baselineMaxRssKB ? maxRssKB * 1024 : 0;
console.log(
  JSON.stringify({
    files: docs.length,
    workers,
    entries: result.entries.length,
    stats: result.stats,
    runMs: Math.round(ms),
    samples,
    baselineMB: {rss: mb(baseline.rss), heapUsed: mb(baseline.heapUsed)},
    peakMB: {
      rss: mb(Math.max(peak.rss, kernelPeakRss)),
      heapUsed: mb(peak.heapUsed),
      heapTotal: mb(peak.heapTotal),
      external: mb(peak.external),
    },
    growthMB: {
      // Peak during the run minus the baseline just before it.
      rss: mb(Math.max(peak.rss, kernelPeakRss) - baseline.rss),
      heapUsed: mb(peak.heapUsed - baseline.heapUsed),
      heapTotal: mb(peak.heapTotal - baseline.heapTotal),
      external: mb(peak.external - baseline.external),
      // Still held after the run and a full GC: the aggregator's cache and result.
      retainedHeapUsed: mb(after.heapUsed - baseline.heapUsed),
    },
    // Whether the process peak RSS before the run was already higher (then
    // the kernel figure says nothing about the run itself).
    kernelPeakBeforeRunMB: mb(baselineMaxRssKB * 1024),
  }),
);
