#!/usr/bin/env node
/**
 * `npm run bench`: how much docusaurus-plugin-roles costs.
 *
 *   node bench/run.mjs            everything (N = 1,000 and 10,000; 3 build pairs per bundler)
 *   node bench/run.mjs --quick    N = 1,000 only and 1 build pair per bundler
 *   node bench/run.mjs --no-build skip the whole-site builds
 *   node bench/run.mjs --only=restart,workers   only some parts (see PARTS)
 *
 * Parts (each also has --no-<part>): micro (in-process aggregator vs naive
 * parse), memory, restart (new process, cache file), workers (cold, fresh
 * processes, 0/1/2/auto threads), start (docusaurus start + perf logger),
 * redux (the real-world row), handoffs (N duties with N links resolved),
 * build (cold build pairs), warm (warm build pair). Other flags: --sizes=1000,10000  --runs=N (in-process repetitions)
 * --child-runs=N  --start-pairs=N  --workers-list=0,1,2,auto  --redux-runs=N
 * --build-docs=300  --build-runs=3  --warm-runs=N  --bundlers=faster,webpack
 * --seed=N.  See bench/README.md for what is measured.
 */
import {spawn} from 'node:child_process';
import {mkdir, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {writeCorpus} from './lib/corpus.mjs';
import {measureCorpus, median, round, fmt} from './lib/measure.mjs';
import {
  FORMAT,
  MARKDOWN_SETTINGS,
  OUT_DIR,
  REPO_ROOT,
  docSources,
  ensurePluginBuilt,
  loadPlugin,
  pluginInfo,
} from './lib/plugin.mjs';
import {BUNDLERS, coldBuild, timedBuild, writeSite} from './lib/build.mjs';
import {AUTO_THREADS, measureRestart, measureWorkers} from './lib/fresh.mjs';
import {REDUX_SETTINGS, measureRedux, reduxUnavailable, writeReduxCorpus} from './lib/redux.mjs';
import {measureStart} from './lib/start.mjs';
import {measureHandoffs} from './lib/handoffs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(OUT_DIR, 'results.json');

/** Targets from the issues (7, 11 and 17, the latest where they differ), checked at the largest size measured. */
const TARGETS = {
  coldOverNaive: 0.1,
  warmChangedOverCold: 0.02,
  // docusaurus start, perf logger: roles allContentLoaded() / docs loadContent().
  startRestartRolesOverDocs: 0.25,
  startColdRolesOverDocs: 1.0,
  reduxColdOverNaive: 0.5,
  buildRolesOverNotes: 1.05,
  warmBuildRolesOverNotes: 1.02,
  memoryGrowthMB: 150,
};

/** The parts of the benchmark, in the order they run. */
const PARTS = ['micro', 'memory', 'restart', 'workers', 'start', 'redux', 'handoffs', 'build', 'warm'];

function parseArgs(argv) {
  const flags = new Map();
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unexpected argument ${arg} (see bench/README.md)`);
    flags.set(match[1], match[2] ?? true);
  }
  const known = [
    'quick', 'only', ...PARTS.map((part) => `no-${part}`), 'sizes', 'runs', 'child-runs', 'start-pairs', 'workers-list',
    'redux-runs', 'build-docs', 'build-runs', 'warm-runs', 'bundlers', 'seed', 'roles-options', 'help',
  ];
  for (const key of flags.keys()) if (!known.includes(key)) throw new Error(`Unknown flag --${key}; known: ${known.map((k) => `--${k}`).join(' ')}`);
  const quick = flags.has('quick');
  const sizes = flags.has('sizes')
    ? String(flags.get('sizes')).split(',').map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))))
    : quick
      ? [1000]
      : [1000, 10000];
  for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: expected positive integers, got ${flags.get('sizes')}`);
  const bundlers = flags.has('bundlers') ? String(flags.get('bundlers')).split(',') : Object.keys(BUNDLERS);
  for (const bundler of bundlers) if (!BUNDLERS[bundler]) throw new Error(`Unknown bundler ${bundler}`);
  const only = flags.has('only') ? String(flags.get('only')).split(',') : PARTS;
  for (const part of only) if (!PARTS.includes(part)) throw new Error(`--only: unknown part ${part}; parts: ${PARTS.join(', ')}`);
  const parts = Object.fromEntries(PARTS.map((part) => [part, only.includes(part) && !flags.has(`no-${part}`)]));
  const workersList = String(flags.get('workers-list') ?? '0,1,2,auto')
    .split(',')
    .map((w) => (w === 'auto' ? 'auto' : Number(w)));
  for (const w of workersList) if (w !== 'auto' && !(Number.isInteger(w) && w >= 0)) throw new Error(`--workers-list: expected counts or auto`);
  // Plugin options of the generated sites (start, build, warm), read by their config from the environment.
  const rolesOptions = flags.has('roles-options') ? JSON.parse(String(flags.get('roles-options'))) : {};
  process.env.ROLES_BENCH_OPTIONS = JSON.stringify(rolesOptions);
  return {
    help: flags.has('help'),
    quick,
    sizes,
    parts,
    runsFor: (n) => (flags.has('runs') ? Number(flags.get('runs')) : n >= 5000 ? 3 : 5),
    childRunsFor: (n) => (flags.has('child-runs') ? Number(flags.get('child-runs')) : quick ? 1 : n >= 5000 ? 2 : 3),
    startPairs: Number(flags.get('start-pairs') ?? (quick ? 1 : 2)),
    workersList,
    reduxRuns: Number(flags.get('redux-runs') ?? (quick ? 3 : 5)),
    buildDocs: Number(flags.get('build-docs') ?? 300),
    buildRuns: Number(flags.get('build-runs') ?? (quick ? 1 : 3)),
    warmRuns: Number(flags.get('warm-runs') ?? (quick ? 1 : 2)),
    bundlers,
    seed: Number(flags.get('seed') ?? 20240611),
    rolesOptions,
  };
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    totalMemMB: Math.round(os.totalmem() / 1024 / 1024),
    loadavgAtStart: os.loadavg().map((x) => round(x)),
  };
}

const log = (...args) => console.log(...args);
const int = (n) => n.toLocaleString('en-US');

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (align?.[i] === 'l' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function runMemoryChild(corpusDir, workers = 0) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(HERE, 'lib', 'memory-child.mjs'), corpusDir, `--workers=${workers}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        resolve({error: `memory child exited with ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`});
      }
    });
  });
}

async function saveResults(results) {
  await mkdir(OUT_DIR, {recursive: true});
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

/** Whether any per-size part (micro, memory, restart, workers, start) runs. */
const SIZE_PARTS = ['micro', 'memory', 'restart', 'workers', 'start'];

async function sizeBenchmarks(options, results) {
  ensurePluginBuilt(log);
  const plugin = await loadPlugin();
  const config = plugin.toRolesConfig(plugin.DEFAULT_OPTIONS);
  const parts = options.parts;
  for (const n of options.sizes) {
    const corpusDir = path.join(OUT_DIR, `corpus-${n}`);
    const started = performance.now();
    const manifest = await writeCorpus(corpusDir, {count: n, seed: options.seed});
    log(
      `\nCorpus ${int(n)} docs: ${path.relative(REPO_ROOT, corpusDir)} (${manifest.reused ? 'reused' : `generated in ${fmt(performance.now() - started)}`}; ` +
        `avg ${int(manifest.averageBytes)} B/doc, ${int(manifest.annotations)} annotations, ` +
        `${round((100 * manifest.docsWithoutAnnotations) / n, 1)}% of docs without any, ${int(manifest.examples)} fenced/inline :::role examples)`,
    );
    const entry = {
      docs: n,
      corpus: {
        dir: path.relative(REPO_ROOT, corpusDir),
        bytes: manifest.bytes,
        averageBytes: manifest.averageBytes,
        annotations: manifest.annotations,
        docsWithoutAnnotations: manifest.docsWithoutAnnotations,
        roleExamplesInCode: manifest.examples,
      },
    };
    results.sizes.push(entry);
    if (parts.micro) {
      const docs = docSources(corpusDir, manifest);
      entry.micro = await measureCorpus({plugin, config, docs, manifest, runs: options.runsFor(n), log});
      await saveResults(results);
    }
    if (parts.memory) {
      entry.memory = {};
      for (const workers of [0, 'auto']) {
        log(`  memory: cold run in a child process (node --expose-gc), workers ${workers}…`);
        entry.memory[workers] = await runMemoryChild(corpusDir, workers);
      }
      await saveResults(results);
    }
    if (parts.restart) {
      log(`  restart: a cold child writes the cache file, a new child loads it (nothing changed)…`);
      const cacheFile = path.join(OUT_DIR, 'cache', `facts-corpus-${n}.json`);
      await mkdir(path.dirname(cacheFile), {recursive: true});
      entry.restart = await measureRestart({corpusDir, cacheFile, runs: options.childRunsFor(n), log});
      await saveResults(results);
    }
    if (parts.workers) {
      log(`  workers: cold runs, no cache, a fresh process each (workers ${options.workersList.join(', ')}; auto = ${AUTO_THREADS} here)…`);
      entry.workers = await measureWorkers({corpusDir, runs: options.childRunsFor(n), settings: options.workersList, log});
      await saveResults(results);
    }
    if (parts.start) {
      const {siteDir} = await writeSite('roles', {count: n, seed: options.seed, name: `site-start-${n}`});
      log(`  docusaurus start (${path.relative(REPO_ROOT, siteDir)}), DOCUSAURUS_PERF_LOGGER=true, stopped once the site is loaded…`);
      entry.start = await measureStart({siteDir, pairs: options.startPairs, log});
      await saveResults(results);
    }
  }
}

async function reduxBenchmark(options, results) {
  const unavailable = reduxUnavailable();
  if (unavailable) {
    // Every other part runs without it; the summary says it was skipped.
    results.reduxSkipped = unavailable;
    log(`\nReal-world row (redux): SKIPPED, ${unavailable}.`);
    return;
  }
  ensurePluginBuilt(log);
  const plugin = await loadPlugin();
  const config = plugin.toRolesConfig(plugin.DEFAULT_OPTIONS);
  const corpusDir = path.join(OUT_DIR, 'corpus-redux');
  const manifest = await writeReduxCorpus(corpusDir, {seed: options.seed, parseMarkdown: plugin.parseMarkdown});
  log(
    `\nReal-world row: the Redux docs with annotations inserted in every file (${path.relative(REPO_ROOT, corpusDir)}, ` +
      `${manifest.count} files, ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB, ${int(manifest.annotations)} annotations; ` +
      `Docusaurus's default markdown settings ${JSON.stringify(REDUX_SETTINGS)})`,
  );
  results.redux = await measureRedux({plugin, config, corpusDir, manifest, runs: options.reduxRuns, log});
  await saveResults(results);
}

/**
 * Warm rebuilds on Docusaurus Faster: per repetition and variant, a cold
 * build (after `docusaurus clear`) then a second build that keeps the Rspack
 * persistent cache and the roles plugin's cache file. Every build of this
 * part runs with the perf logger (roles and notes alike).
 */
async function warmBuildBenchmarks(options, results) {
  const logDir = path.join(OUT_DIR, 'logs');
  const sites = {};
  for (const variant of ['roles', 'notes']) {
    sites[variant] = await writeSite(variant, {count: options.buildDocs, seed: options.seed});
  }
  const bundler = 'faster';
  log(
    `\nWarm build pairs: ${options.buildDocs} docs as :::role vs :::note on ${bundler}, ${options.warmRuns} repetition(s): ` +
      'docusaurus clear + build, then build again (Rspack cache and roles cache kept), DOCUSAURUS_PERF_LOGGER=true',
  );
  const warm = {docs: options.buildDocs, bundler, runs: options.warmRuns, roles: {cold: [], warm: []}, notes: {cold: [], warm: []}};
  results.warmBuild = warm;
  for (let rep = 1; rep <= options.warmRuns; rep += 1) {
    const order = rep % 2 ? ['roles', 'notes'] : ['notes', 'roles'];
    for (const variant of order) {
      for (const phase of ['cold', 'warm']) {
        const label = `${bundler}-${variant}-pair${rep}-${phase}`;
        const result = await timedBuild({
          siteDir: sites[variant].siteDir,
          variant,
          bundler,
          label,
          perfLogger: true,
          logDir,
          clear: phase === 'cold',
          outName: `warm-${variant}`,
        });
        const perf = result.perf ?? {};
        warm[variant][phase].push({
          ok: result.ok,
          ms: round(result.ms),
          log: result.log,
          ...(result.pages && {pages: result.pages}),
          rolesAllContentLoadedMs: perf.rolesAllContentLoadedMs,
          rolesLine: perf.rolesLine,
          docsLoadContentMs: perf.docsLoadContentMs,
          stagesMs: perf.stagesMs,
          ...(!result.ok && {error: result.error, tail: result.tail}),
        });
        log(
          `  ${label.padEnd(26)} ${result.ok ? fmt(result.ms).padStart(8) : 'FAILED'}` +
            (variant === 'roles' && result.ok ? `  allContentLoaded() roles ${perf.rolesAllContentLoadedMs ?? '< 5'} ms, docs loadContent() ${perf.docsLoadContentMs} ms` : '') +
            (result.ok ? '' : `\n${(result.tail ?? '').replace(/^/gm, '    | ')}`),
        );
      }
    }
    await saveResults(results);
  }
  const med = (list) => {
    const ok = list.filter((r) => r.ok).map((r) => r.ms);
    return ok.length ? round(median(ok)) : null;
  };
  warm.mediansMs = {
    roles: {cold: med(warm.roles.cold), warm: med(warm.roles.warm)},
    notes: {cold: med(warm.notes.cold), warm: med(warm.notes.warm)},
  };
  const ratio = (phase) =>
    warm.mediansMs.roles[phase] && warm.mediansMs.notes[phase] ? round(warm.mediansMs.roles[phase] / warm.mediansMs.notes[phase], 3) : null;
  warm.ratiosRolesOverNotes = {cold: ratio('cold'), warm: ratio('warm')};
  await saveResults(results);
}

async function buildBenchmarks(options, results) {
  const logDir = path.join(OUT_DIR, 'logs');
  const sites = {};
  for (const variant of ['roles', 'notes']) {
    sites[variant] = await writeSite(variant, {count: options.buildDocs, seed: options.seed});
  }
  const expectedEntries = sites.roles.manifest.annotations;
  log(
    `\nWhole-site builds: ${options.buildDocs} docs (${int(expectedEntries)} callouts) as :::role vs :::note, ` +
      `${options.buildRuns} cold build pair(s) per bundler (docusaurus clear before each)`,
  );
  const build = {docs: options.buildDocs, callouts: expectedEntries, runs: options.buildRuns, bundlers: {}, failures: []};
  results.build = build;
  const perfRuns = {};
  const runOne = async (variant, bundler, label, perfLogger = false) => {
    const result = await coldBuild({siteDir: sites[variant].siteDir, variant, bundler, label, perfLogger, logDir});
    log(
      `  ${label.padEnd(22)} ${result.ok ? fmt(result.ms).padStart(8) : 'FAILED'}${result.pages?.rolesJsonEntries !== undefined ? `  (roles.json: ${result.pages.rolesJsonEntries} entries)` : ''}`,
    );
    if (!result.ok) {
      log(`    ${result.error}; log: ${result.log}\n${result.tail.replace(/^/gm, '    | ')}`);
      build.failures.push({label, variant, bundler, error: result.error, log: result.log, tail: result.tail});
    }
    return result;
  };
  for (const bundler of options.bundlers) {
    const record = {future: BUNDLERS[bundler], roles: [], notes: []};
    build.bundlers[bundler] = record;
    for (let rep = 1; rep <= options.buildRuns; rep += 1) {
      // Alternate which variant goes first, so drift hits both alike.
      const order = rep % 2 ? ['roles', 'notes'] : ['notes', 'roles'];
      for (const variant of order) {
        // In --quick mode the one roles build on Faster also logs perf.
        // In --quick mode the first pair on the first bundler also logs perf.
        const perf = options.quick && bundler === options.bundlers[0] && rep === 1;
        const result = await runOne(variant, bundler, `${bundler}-${variant}-${rep}`, perf);
        record[variant].push(result);
        if (result.perf) perfRuns[variant] = {bundler, sameAsTimedBuild: true, ok: result.ok, ...result.perf};
      }
      await saveResults(results);
    }
  }
  if (!options.quick) {
    // One extra pair with DOCUSAURUS_PERF_LOGGER=true (not part of the medians).
    const bundler = options.bundlers[0];
    for (const variant of ['roles', 'notes']) {
      const result = await runOne(variant, bundler, `${bundler}-${variant}-perf`, true);
      perfRuns[variant] = {bundler, sameAsTimedBuild: false, ok: result.ok, ...(result.perf ?? {})};
    }
  }
  build.perf = perfRuns.roles;
  build.perfNotes = perfRuns.notes;
  // Builds that failed (for example while the theme components were being
  // written) get one more try now, at the end.
  const failed = [...build.failures];
  if (failed.length > 0) {
    log(`  retrying ${failed.length} failed build(s) once…`);
    build.retries = [];
    for (const failure of failed) {
      const result = await runOne(failure.variant, failure.bundler, `${failure.label}-retry`);
      build.retries.push({label: failure.label, ok: result.ok, ms: result.ok ? round(result.ms) : undefined});
      if (result.ok) {
        const list = build.bundlers[failure.bundler]?.[failure.variant];
        if (list) list.push(result);
      }
    }
  }
  for (const record of Object.values(build.bundlers)) {
    const ok = (list) => list.filter((r) => r.ok).map((r) => r.ms);
    const roles = ok(record.roles);
    const notes = ok(record.notes);
    record.samplesMs = {roles: roles.map((x) => round(x)), notes: notes.map((x) => round(x))};
    record.mediansMs = {
      roles: roles.length ? round(median(roles)) : null,
      notes: notes.length ? round(median(notes)) : null,
    };
    record.ratioRolesOverNotes =
      roles.length && notes.length ? round(median(roles) / median(notes), 3) : null;
    record.roles = record.roles.map(({perf, ...rest}) => ({...rest, ms: round(rest.ms)}));
    record.notes = record.notes.map(({perf, ...rest}) => ({...rest, ms: round(rest.ms)}));
  }
  await saveResults(results);
}

function printSummary(options, results) {
  printMicro(results);
  printFresh(results);
  printStart(results);
  printMemory(results);
  if (results.redux) printRedux(results);
  if (results.reduxSkipped) log(`\n=== Real-world row: skipped: ${results.reduxSkipped} ===`);
  if (results.build) printBuild(results);
  if (results.warmBuild) printWarm(results);
  log(`\nResults: ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
}

/** `OK (≤ target)` or the factor of the miss. */
function verdict(value, target, strict = false) {
  if (value === null || value === undefined) return 'n/a';
  const ok = strict ? value < target : value <= target;
  return ok ? `OK (${strict ? '<' : '≤'} ${target})` : `MISSED: ${(value / target).toFixed(2)}× the ${target} target`;
}

/** Record a target's value and verdict in `results.targets`. */
function target(results, name, value, limit, extra = {}) {
  results.targets = {...results.targets, [name]: {value, target: limit, met: value !== null && value !== undefined && value <= limit, ...extra}};
}

function printFresh(results) {
  const restart = results.sizes.filter((s) => s.restart);
  if (restart.length > 0) {
    log('\n=== Restart with the cache: a new process loads the cache file a cold run wrote, nothing changed (medians) ===');
    log(
      table(
        ['docs', 'runs', 'cold run', 'cold process', 'restart run', 'restart process', 'restart/cold', 'same entries', 'restart stats'],
        restart.map((s) => {
          const r = s.restart;
          return [
            int(s.docs),
            r.runs,
            fmt(r.mediansMs.coldRun),
            fmt(r.mediansMs.coldProcess),
            fmt(r.mediansMs.restartRun),
            fmt(r.mediansMs.restartProcess),
            r.restartOverCold.toFixed(4),
            r.checks.sameEntries && r.checks.nothingParsed && r.checks.allFromCacheFile ? 'yes' : 'NO',
            `reused ${r.stats.restart.reused}, persisted ${r.stats.restart.persisted}, skipped ${r.stats.restart.skipped}`,
          ];
        }),
      ),
    );
    log(
      `run = the aggregator's constructor + run() in the child (loading/writing the cache file included; workers 'auto' = ${AUTO_THREADS} threads);\n` +
        'process = the whole child process (Node start-up and the plugin\'s modules included).',
    );
  }
  const workers = results.sizes.filter((s) => s.workers);
  if (workers.length > 0) {
    const settings = Object.keys(workers[0].workers.mediansMs);
    log(`\n=== Cold, no cache, a fresh process per run: aggregator run by workers setting (medians; auto = ${AUTO_THREADS} threads here) ===`);
    log(
      table(
        ['docs', 'runs', ...settings.map((w) => `workers ${w}`), ...settings.filter((w) => w !== '0').map((w) => `${w}/0`), 'identical entries'],
        workers.map((s) => [
          int(s.docs),
          s.workers.runs,
          ...settings.map((w) => fmt(s.workers.mediansMs[w].run)),
          ...settings.filter((w) => w !== '0').map((w) => s.workers.overInProcess[w].toFixed(2)),
          s.workers.checks.identicalEntries ? `yes (${s.workers.checks.hashes[0]})` : `NO ${s.workers.checks.hashes.join(' ')}`,
        ]),
      ),
    );
    for (const s of workers) {
      log(
        `  ${int(s.docs)} docs, CPU time of all threads (median) / run: ` +
          settings.map((w) => `${w}: ${fmt(s.workers.mediansMs[w].cpu)} (${s.workers.parallelism[w]}×)`).join(', '),
      );
    }
    log(
      'workers 0 = parsed in process; N = a Tinypool pool of N threads (started by the run: its start-up is included);\n' +
        'CPU/run = cores kept busy on average: near 1 for every setting means the threads did not get a second core (a busy machine).',
    );
  }
}

function printStart(results) {
  const start = results.sizes.filter((s) => s.start);
  if (start.length === 0) return;
  log('\n=== docusaurus start, DOCUSAURUS_PERF_LOGGER=true (stopped once the site is loaded): roles allContentLoaded() vs docs loadContent() (medians) ===');
  const cell = (p, key) => (p.ok ? fmt(p[key]) : 'failed');
  log(
    table(
      ['docs', 'pairs', 'cold roles', 'cold docs', 'cold roles/docs', 'restart roles', 'restart docs', 'restart roles/docs'],
      start.map((s) => [
        int(s.docs),
        s.start.pairs,
        cell(s.start.cold, 'rolesAllContentLoadedMs'),
        cell(s.start.cold, 'docsLoadContentMs'),
        s.start.cold.ok ? `${s.start.cold.rolesOverDocs.toFixed(2)}×` : 'n/a',
        cell(s.start.restart, 'rolesAllContentLoadedMs'),
        cell(s.start.restart, 'docsLoadContentMs'),
        s.start.restart.ok ? `${s.start.restart.rolesOverDocs.toFixed(3)}×` : 'n/a',
      ]),
    ),
  );
  const largest = start[start.length - 1];
  const line = largest.start.samples.restart.find((r) => r.rolesLine)?.rolesLine;
  if (line) log(`  | ${line}`);
  log(`\nTargets at ${int(largest.docs)} docs (docusaurus start, perf logger):`);
  const cold = largest.start.cold.ok ? largest.start.cold.rolesOverDocs : null;
  const restart = largest.start.restart.ok ? largest.start.restart.rolesOverDocs : null;
  log(`  cold:    roles/docs = ${cold ?? 'n/a'}  ${verdict(cold, TARGETS.startColdRolesOverDocs)}`);
  log(`  restart: roles/docs = ${restart ?? 'n/a'}  ${verdict(restart, TARGETS.startRestartRolesOverDocs)}`);
  target(results, 'startColdRolesOverDocs', cold, TARGETS.startColdRolesOverDocs, {atDocs: largest.docs});
  target(results, 'startRestartRolesOverDocs', restart, TARGETS.startRestartRolesOverDocs, {atDocs: largest.docs});
}

function printMemory(results) {
  const sizes = results.sizes.filter((s) => s.memory);
  if (sizes.length === 0) return;
  log('\n=== Peak memory growth of a cold run (child process, node --expose-gc) ===');
  const rows = [];
  for (const s of sizes) {
    for (const [workers, m] of Object.entries(s.memory)) {
      rows.push(
        m.error
          ? [int(s.docs), workers, 'error', '', '', '', m.error.slice(0, 60)]
          : [int(s.docs), workers, m.growthMB.rss, m.growthMB.heapUsed, m.growthMB.retainedHeapUsed, fmt(m.runMs), `${m.samples}`],
      );
    }
  }
  log(table(['docs', 'workers', 'ΔRSS MB', 'Δheap MB', 'retained MB', 'run', 'samples'], rows));
  log(
    'ΔRSS = peak RSS during the run minus the RSS just before it (sampled, and the kernel\'s peak): it includes the worker\n' +
      'threads\' heaps (threads share the process); Δheap is the main thread\'s V8 heap only; retained = heap still held after a GC.',
  );
  const largest = sizes[sizes.length - 1];
  log(`\nTarget at ${int(largest.docs)} docs: peak memory growth < ${TARGETS.memoryGrowthMB} MB`);
  for (const [workers, m] of Object.entries(largest.memory)) {
    if (m.error) continue;
    log(`  workers ${workers}: ΔRSS ${m.growthMB.rss} MB  ${verdict(m.growthMB.rss, TARGETS.memoryGrowthMB, true)}`);
    target(results, `memoryGrowthMB_workers_${workers}`, m.growthMB.rss, TARGETS.memoryGrowthMB, {atDocs: largest.docs});
  }
}

function printRedux(results) {
  const r = results.redux;
  log(`\n=== Real-world row: Redux docs, annotations in every file (${r.docs} files, ${int(r.corpus.annotations)} annotations; medians of ${r.runs}, in process) ===`);
  log(
    table(
      ['naive', 'cold (workers 0)', 'cold (auto)', 'cold/naive', 'auto/naive', 'parsed', 'fast (outline)', 'entries'],
      [[
        fmt(r.mediansMs.naive),
        fmt(r.mediansMs.cold),
        fmt(r.mediansMs.coldAuto),
        r.ratios.coldOverNaive.toFixed(3),
        r.ratios.coldAutoOverNaive.toFixed(3),
        `${r.stats.cold.parsed}/${r.stats.cold.files}`,
        `${r.stats.cold.fast} (${(100 * r.fastShare.ofFiles).toFixed(0)}%)`,
        `${int(r.checks.entries)}/${int(r.checks.expectedEntries)}${r.checks.sameWithPool ? '' : ' (pool differs!)'}`,
      ]],
    ),
  );
  const modules = r.profile.modules.slice(0, 8).map(({name, percent}) => `${name} ${percent}%`).join(', ');
  const functions = r.profile.functions.slice(0, 6).map(({name, percent}) => `${name} ${percent}%`).join(', ');
  log(`  cold run (workers 0) profiled, self time by module: ${modules}`);
  log(`    top functions: ${functions}`);
  log(`Target: cold/naive = ${r.ratios.coldOverNaive.toFixed(3)}  ${verdict(r.ratios.coldOverNaive, TARGETS.reduxColdOverNaive)}`);
  target(results, 'reduxColdOverNaive', r.ratios.coldOverNaive, TARGETS.reduxColdOverNaive);
}

function printWarm(results) {
  const w = results.warmBuild;
  log(`\n=== docusaurus build pair on ${w.bundler}, ${w.docs} docs: cold (after docusaurus clear) then warm (Rspack cache kept), :::role vs :::note (medians of ${w.runs}) ===`);
  const cell = (v) => (v === null ? 'failed' : fmt(v));
  log(
    table(
      ['build', 'roles', 'notes', 'roles/notes', 'difference'],
      ['cold', 'warm'].map((phase) => [
        phase,
        cell(w.mediansMs.roles[phase]),
        cell(w.mediansMs.notes[phase]),
        w.ratiosRolesOverNotes[phase] === null ? 'n/a' : `${w.ratiosRolesOverNotes[phase].toFixed(3)}×`,
        w.ratiosRolesOverNotes[phase] === null ? 'n/a' : fmt(w.mediansMs.roles[phase] - w.mediansMs.notes[phase]),
      ]),
      ['l'],
    ),
  );
  for (const phase of ['cold', 'warm']) {
    const lines = w.roles[phase].filter((r) => r.ok);
    const acl = lines.map((r) => r.rolesAllContentLoadedMs ?? '<5').join(', ');
    const docs = lines.map((r) => r.docsLoadContentMs ?? '?').join(', ');
    log(`  ${phase} roles builds: allContentLoaded() roles ${acl} ms; docs loadContent() ${docs} ms`);
    const line = lines.find((r) => r.rolesLine)?.rolesLine;
    if (line) log(`    | ${line}`);
  }
  log(`Targets: roles/notes ≤ ${TARGETS.buildRolesOverNotes} for cold builds, ≤ ${TARGETS.warmBuildRolesOverNotes} for warm ones`);
  for (const phase of ['cold', 'warm']) {
    const goal = phase === 'warm' ? TARGETS.warmBuildRolesOverNotes : TARGETS.buildRolesOverNotes;
    log(`  ${phase}: ${w.ratiosRolesOverNotes[phase] ?? 'n/a'}  ${verdict(w.ratiosRolesOverNotes[phase], goal)}`);
    target(results, `${phase}BuildRolesOverNotes`, w.ratiosRolesOverNotes[phase], goal, {docs: w.docs});
  }
}

function printMicro(results) {
  const sizes = results.sizes.filter((s) => s.micro).map((s) => ({...s, ...s.micro, memory: s.memory?.['0']}));
  if (sizes.length === 0) return;
  log('\n=== Aggregator vs. naive parse, in process (medians, wall-clock ms) ===');
  const rows = sizes.map((s) => [
    int(s.docs),
    (s.corpus.bytes / 1024 / 1024).toFixed(1),
    s.runs,
    s.mediansMs.read.toFixed(1),
    s.mediansMs.naive.toFixed(0),
    s.mediansMs.cold.toFixed(0),
    s.mediansMs.warmUnchanged.toFixed(1),
    s.mediansMs.warmChanged.toFixed(1),
    s.ratios.coldOverNaive.toFixed(3),
    s.ratios.warmChangedOverCold.toFixed(4),
    `${(100 * s.stats.cold.parsed / s.stats.cold.files).toFixed(0)}%` +
      (s.stats.cold.fast !== undefined ? ` (${(100 * s.stats.cold.fast / s.stats.cold.files).toFixed(0)}%)` : ''),
    s.memory && !s.memory.error ? `${s.memory.growthMB.rss}` : 'n/a',
    s.memory && !s.memory.error ? `${s.memory.growthMB.heapUsed}` : 'n/a',
  ]);
  log(
    table(
      ['docs', 'MB', 'runs', 'read', 'naive', 'cold', 'warm=', 'warm+1', 'cold/naive', 'warm+1/cold', 'parsed', 'ΔRSS MB', 'Δheap MB'],
      rows,
    ),
  );
  log(
    'read = readFile + includes(":role") of every file; naive = read + parseMarkdown of every file;\n' +
      'cold = fresh RolesAggregator.run; warm= = second run, nothing changed; warm+1 = run after one file changed;\n' +
      'parsed = share of files the cold run parsed (the rest are skipped: no ":role"), in parentheses those that went through the\n' +
      'plugin\'s fast path (only annotations and headings parsed), when the plugin reports it; ΔRSS/Δheap = peak growth of a cold run (child process).',
  );
  for (const s of sizes) {
    const b = s.coldBreakdown;
    log(
      `  ${int(s.docs)} docs: ${(100 * b.filesWithRoleFraction).toFixed(0)}% of files (${(100 * b.bytesWithRoleFraction).toFixed(0)}% of bytes) contain ":role" and cannot be skipped; ` +
        `cold stats ${JSON.stringify(s.stats.cold)}`,
    );
    const modules = b.profile.modules.slice(0, 8).map(({name, percent}) => `${name} ${percent}%`).join(', ');
    const functions = b.profile.functions.slice(0, 5).map(({name, percent}) => `${name} ${percent}%`).join(', ');
    log(`  ${int(s.docs)} docs, cold run profiled (${int(b.docs)} docs, ${fmt(b.profile.ms)} under the profiler), self time by module: ${modules}`);
    log(`    top functions: ${functions}`);
    const c = s.checks;
    log(
      `  ${int(s.docs)} docs, checks: entries ${int(c.entries)}/${int(c.expectedEntries)} expected, problems ${c.problems}, unparsable ${c.unparsable}, ` +
        `warm+1 stats ${JSON.stringify(s.stats.warmChanged)}, edit visible: ${c.editSeenInWarmRun}`,
    );
  }
  const largest = sizes[sizes.length - 1];
  if (largest) {
    log(`\nTargets at ${int(largest.docs)} docs:`);
    log(`  cold/naive   = ${largest.ratios.coldOverNaive.toFixed(3)}  ${verdict(largest.ratios.coldOverNaive, TARGETS.coldOverNaive)}`);
    log(`  warm+1/cold  = ${largest.ratios.warmChangedOverCold.toFixed(4)}  ${verdict(largest.ratios.warmChangedOverCold, TARGETS.warmChangedOverCold)}`);
    results.targets = {
      ...results.targets,
      atDocs: largest.docs,
      coldOverNaive: {value: largest.ratios.coldOverNaive, target: TARGETS.coldOverNaive, met: largest.ratios.coldOverNaive <= TARGETS.coldOverNaive},
      warmChangedOverCold: {value: largest.ratios.warmChangedOverCold, target: TARGETS.warmChangedOverCold, met: largest.ratios.warmChangedOverCold <= TARGETS.warmChangedOverCold},
    };
  }
}

function printBuild(results) {
  const b = results.build;
  log(`\n=== docusaurus build, ${b.docs} docs, ${int(b.callouts)} callouts: :::role (plugin) vs :::note (medians of ${b.runs}, cold) ===`);
  const rows = Object.entries(b.bundlers).map(([bundler, r]) => [
    bundler,
    r.future,
    r.mediansMs.roles === null ? 'failed' : fmt(r.mediansMs.roles),
    r.mediansMs.notes === null ? 'failed' : fmt(r.mediansMs.notes),
    r.ratioRolesOverNotes === null ? 'n/a' : `${r.ratioRolesOverNotes.toFixed(3)}×`,
    r.ratioRolesOverNotes === null ? 'n/a' : fmt(r.mediansMs.roles - r.mediansMs.notes),
  ]);
  log(table(['bundler', 'future', 'roles', 'notes', 'roles/notes', 'difference'], rows, ['l', 'l']));
  if (b.perf) {
    const p = b.perf;
    log(`  DOCUSAURUS_PERF_LOGGER, one roles build (${p.bundler}${p.sameAsTimedBuild ? ', also a timed build' : ''}):`);
    log(`    allContentLoaded() - roles@default: ${p.rolesAllContentLoadedMs ?? '< 5 ms or not logged'}${p.rolesAllContentLoadedMs !== undefined ? ' ms' : ''}`);
    log(`    docs@default loadContent():         ${p.docsLoadContentMs ?? 'not logged'}${p.docsLoadContentMs !== undefined ? ' ms' : ''}`);
    if (p.rolesLine) log(`    | ${p.rolesLine}`);
    if (p.docsLine) log(`    | ${p.docsLine}`);
    const n = b.perfNotes;
    if (p.stagesMs && n?.stagesMs) {
      const names = [...new Set([...Object.keys(p.stagesMs), ...Object.keys(n.stagesMs)])];
      const cell = (v) => (v === undefined ? '-' : fmt(v));
      log('  Build stages from the perf logger (one build each):');
      log(
        table(
          ['stage', 'roles', 'notes', 'difference'],
          names.map((name) => [
            name,
            cell(p.stagesMs[name]),
            cell(n.stagesMs[name]),
            p.stagesMs[name] !== undefined && n.stagesMs[name] !== undefined ? fmt(p.stagesMs[name] - n.stagesMs[name]) : '-',
          ]),
          ['l'],
        ).replace(/^/gm, '    '),
      );
    }
  }
  if (b.failures.length > 0) {
    log(`  ${b.failures.length} build(s) failed; logs under bench/out/logs/. Retries: ${JSON.stringify(b.retries ?? [])}`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    log(
      `Usage: node bench/run.mjs [--quick] [--only=${PARTS.join(',')}] [--no-<part>] [--sizes=1000,10000] [--runs=N] [--child-runs=N]\n` +
        '  [--start-pairs=N] [--workers-list=0,1,2,auto] [--redux-runs=N] [--build-docs=300] [--build-runs=3] [--warm-runs=N]\n' +
        '  [--bundlers=faster,webpack] [--seed=N] [--roles-options=JSON]   (see bench/README.md)',
    );
    return;
  }
  const machine = machineInfo();
  log(`docusaurus-plugin-roles benchmark — node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadavgAtStart.join(' ')}`);
  if (machine.loadavgAtStart[0] > machine.cpus * 0.5) {
    log(`  note: the machine is busy (load ${machine.loadavgAtStart[0]} on ${machine.cpus} CPUs); timings will be noisy`);
  }
  if (Object.keys(options.rolesOptions).length > 0) log(`  plugin options of the generated sites: ${JSON.stringify(options.rolesOptions)}`);
  const results = {
    startedAt: new Date().toISOString(),
    options: {
      ...options,
      runsFor: undefined,
      childRunsFor: undefined,
      runs: Object.fromEntries(options.sizes.map((n) => [n, options.runsFor(n)])),
      childRuns: Object.fromEntries(options.sizes.map((n) => [n, options.childRunsFor(n)])),
    },
    machine,
    plugin: pluginInfo(),
    parser: {format: FORMAT, markdownSettings: MARKDOWN_SETTINGS, note: 'future.v4 = true: mdx1Compat off'},
    sizes: [],
  };
  if (SIZE_PARTS.some((part) => options.parts[part])) await sizeBenchmarks(options, results);
  if (options.parts.redux) await reduxBenchmark(options, results);
  if (options.parts.handoffs) {
    ensurePluginBuilt(log);
    log('\nHandoffs: N duties with N links, resolved in process (bench/lib/handoffs.mjs)');
    results.handoffs = await measureHandoffs({log});
    await saveResults(results);
  }
  if (options.parts.build) await buildBenchmarks(options, results);
  if (options.parts.warm) await warmBuildBenchmarks(options, results);
  results.machine.loadavgAtEnd = os.loadavg().map((x) => round(x));
  results.finishedAt = new Date().toISOString();
  printSummary(options, results);
  await saveResults(results);
  // Wrong results (not missed targets) fail the run.
  const broken =
    results.sizes.some(
      (s) =>
        (s.micro && (s.micro.checks.entries !== s.micro.checks.expectedEntries || !s.micro.checks.editSeenInWarmRun)) ||
        (s.restart && !(s.restart.checks.sameEntries && s.restart.checks.nothingParsed && s.restart.checks.entries === s.restart.checks.expectedEntries)) ||
        (s.workers && !s.workers.checks.identicalEntries) ||
        (s.start && !(s.start.cold.ok && s.start.restart.ok)),
    ) ||
    (results.redux && (results.redux.checks.entries !== results.redux.checks.expectedEntries || !results.redux.checks.sameWithPool)) ||
    (results.build && Object.values(results.build.bundlers).some((r) => r.ratioRolesOverNotes === null)) ||
    (results.warmBuild && Object.values(results.warmBuild.ratiosRolesOverNotes).some((r) => r === null));
  if (broken) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
