/**
 * Child process: one aggregator run over a corpus in a fresh Node.js
 * process, the way a `docusaurus start` or `build` meets it (nothing in
 * memory, worker threads started by the run itself). Prints one JSON line.
 *
 *   node bench/lib/aggregator-child.mjs <corpusDir> [--workers=0|N|auto] [--cache=<file>]
 *
 * Without `--cache` the run keeps nothing (cold, no cache file); with it, the
 * run loads that cache file first (if it exists) and writes it afterwards,
 * as the plugin does with its default `cache: true`.
 *
 * `runMs` is the aggregator's own work (constructor and `run`: loading the
 * cache file, stat/read, the fast path, parsing, the pool's threads, saving
 * the cache); `cpuMs` the CPU time all the process's threads spent in that
 * time (above `runMs` when threads ran in parallel); `importMs` the
 * plugin's module loading before it. `hash`
 * identifies the entries and problems, to check that every way of running
 * gives the same table.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';

const [corpusArg, ...flags] = process.argv.slice(2);
if (!corpusArg) {
  console.error('usage: aggregator-child.mjs <corpusDir> [--workers=0|N|auto] [--cache=<file>]');
  process.exit(2);
}
const option = (name) => flags.find((flag) => flag.startsWith(`--${name}=`))?.slice(name.length + 3);
const workersFlag = option('workers') ?? '0';
const workers = workersFlag === 'auto' ? 'auto' : Number(workersFlag);
const cacheFile = option('cache') ?? false;

const importStart = performance.now();
const {loadPlugin, docSources, MARKDOWN_SETTINGS} = await import('./plugin.mjs');
const plugin = await loadPlugin();
const importMs = performance.now() - importStart;

const corpusDir = path.resolve(corpusArg);
const manifest = JSON.parse(await readFile(path.join(corpusDir, 'manifest.json'), 'utf8'));
const docs = docSources(corpusDir, manifest);
const config = plugin.toRolesConfig(plugin.DEFAULT_OPTIONS);

const usageBefore = process.resourceUsage();
const start = performance.now();
const aggregator = new plugin.RolesAggregator(config, MARKDOWN_SETTINGS, {cacheFile, workers});
const result = await aggregator.run(docs);
const runMs = performance.now() - start;
const usageAfter = process.resourceUsage();
// CPU time of every thread of the process (microseconds): with workers, more than the wall-clock when they ran in parallel.
const cpuMs =
  (usageAfter.userCPUTime - usageBefore.userCPUTime + usageAfter.systemCPUTime - usageBefore.systemCPUTime) / 1000;

const hash = createHash('sha256')
  .update(JSON.stringify({entries: result.entries, problems: result.problems}))
  .digest('hex')
  .slice(0, 16);
console.log(
  JSON.stringify({
    files: docs.length,
    workers,
    cacheFile: cacheFile ? path.basename(cacheFile) : false,
    importMs: Math.round(importMs),
    runMs: Math.round(runMs * 10) / 10,
    cpuMs: Math.round(cpuMs),
    entries: result.entries.length,
    expectedEntries: manifest.annotations,
    problems: result.problems.filter((problem) => problem.ruleId !== 'unparsable').length,
    unparsable: result.problems.filter((problem) => problem.ruleId === 'unparsable').length,
    stats: result.stats,
    hash,
  }),
);
