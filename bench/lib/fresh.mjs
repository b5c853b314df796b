/**
 * The aggregator in fresh processes (`aggregator-child.mjs`), as every
 * `docusaurus start` and `build` meets it: a restart that loads the cache
 * file a previous cold run wrote, and cold runs with 0 (in process), 1, 2
 * and all worker threads.
 */
import {spawn} from 'node:child_process';
import {rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {median, round} from './measure.mjs';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'aggregator-child.mjs');

/** What `workers: 'auto'` resolves to on this machine (the plugin's rule: one per core, up to 8). */
export const AUTO_THREADS = Math.min(os.availableParallelism(), 8);

/** Run the child once; resolves with its JSON line and the process's wall-clock time. */
export function runAggregatorChild(corpusDir, {workers = 0, cacheFile} = {}) {
  const args = [CHILD, corpusDir, `--workers=${workers}`, ...(cacheFile ? [`--cache=${cacheFile}`] : [])];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      try {
        resolve({...JSON.parse(out.trim().split('\n').pop()), wallMs: round(wallMs, 1)});
      } catch {
        reject(new Error(`aggregator child (${args.slice(1).join(' ')}) exited with ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
      }
    });
  });
}

const fmtS = (ms) => `${(ms / 1000).toFixed(2)}s`;

/**
 * Restart with the cache: each repetition deletes the cache file, runs a
 * cold child that writes it (workers 'auto', the plugin's defaults), then
 * a new child that loads it with nothing changed.
 */
export async function measureRestart({corpusDir, cacheFile, runs, log}) {
  const cold = [];
  const restart = [];
  let last;
  for (let rep = 1; rep <= runs; rep += 1) {
    await rm(cacheFile, {force: true});
    const first = await runAggregatorChild(corpusDir, {workers: 'auto', cacheFile});
    const again = await runAggregatorChild(corpusDir, {workers: 'auto', cacheFile});
    cold.push(first);
    restart.push(again);
    last = {first, again};
    log(
      `  restart rep ${rep}/${runs}: cold (writes the cache) ${fmtS(first.runMs)} run, ${fmtS(first.wallMs)} process; ` +
        `restart ${round(again.runMs, 1)}ms run, ${fmtS(again.wallMs)} process (stats ${JSON.stringify(again.stats)})`,
    );
  }
  const coldMs = median(cold.map((r) => r.runMs));
  const restartMs = median(restart.map((r) => r.runMs));
  const withFacts = last.first.stats.parsed;
  return {
    runs,
    workers: 'auto',
    threads: AUTO_THREADS,
    samplesMs: {
      coldRun: cold.map((r) => r.runMs),
      coldProcess: cold.map((r) => r.wallMs),
      restartRun: restart.map((r) => r.runMs),
      restartProcess: restart.map((r) => r.wallMs),
      restartImport: restart.map((r) => r.importMs),
    },
    mediansMs: {
      coldRun: round(coldMs),
      coldProcess: round(median(cold.map((r) => r.wallMs))),
      restartRun: round(restartMs),
      restartProcess: round(median(restart.map((r) => r.wallMs))),
    },
    restartOverCold: round(restartMs / coldMs, 4),
    stats: {cold: last.first.stats, restart: last.again.stats},
    checks: {
      sameEntries: restart.every((r, i) => r.hash === cold[i].hash),
      hash: last.again.hash,
      entries: last.again.entries,
      expectedEntries: last.again.expectedEntries,
      nothingParsed: restart.every((r) => r.stats.parsed === 0),
      allFromCacheFile: restart.every((r) => r.stats.persisted === withFacts),
    },
  };
}

/**
 * Cold runs, no cache, one fresh process each, with every `workers`
 * setting in turn (the order rotates between repetitions so drift hits
 * them alike). Every run must give the same entries (hash).
 */
export async function measureWorkers({corpusDir, runs, settings, log}) {
  const samples = Object.fromEntries(settings.map((w) => [String(w), []]));
  const hashes = new Set();
  const stats = {};
  for (let rep = 1; rep <= runs; rep += 1) {
    const order = settings.map((_, i) => settings[(i + rep - 1) % settings.length]);
    const line = [];
    for (const workers of order) {
      const result = await runAggregatorChild(corpusDir, {workers});
      samples[String(workers)].push(result);
      hashes.add(result.hash);
      stats[String(workers)] = result.stats;
      line.push(`${workers}: ${fmtS(result.runMs)} (cpu ${fmtS(result.cpuMs)})`);
    }
    log(`  workers rep ${rep}/${runs}: ${line.join('  ')}`);
  }
  const medians = Object.fromEntries(
    Object.entries(samples).map(([w, list]) => [
      w,
      {run: round(median(list.map((r) => r.runMs))), process: round(median(list.map((r) => r.wallMs))), cpu: round(median(list.map((r) => r.cpuMs)))},
    ]),
  );
  const base = medians['0'].run;
  return {
    runs,
    autoThreads: AUTO_THREADS,
    samplesMs: Object.fromEntries(
      Object.entries(samples).map(([w, list]) => [w, {run: list.map((r) => r.runMs), process: list.map((r) => r.wallMs), cpu: list.map((r) => r.cpuMs)}]),
    ),
    mediansMs: medians,
    overInProcess: Object.fromEntries(Object.entries(medians).map(([w, m]) => [w, round(m.run / base, 3)])),
    // CPU time over wall-clock: how many cores the run kept busy on average.
    parallelism: Object.fromEntries(
      Object.entries(samples).map(([w, list]) => [w, round(median(list.map((r) => r.cpuMs / r.runMs)), 2)]),
    ),
    stats,
    checks: {identicalEntries: hashes.size === 1, hashes: [...hashes]},
  };
}
