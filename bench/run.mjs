#!/usr/bin/env node
/**
 * `npm run bench`: how much docusaurus-plugin-roles costs.
 *
 *   node bench/run.mjs            everything (N = 1,000 and 10,000; 3 build pairs per bundler)
 *   node bench/run.mjs --quick    N = 1,000 only and 1 build pair per bundler
 *   node bench/run.mjs --no-build skip the whole-site builds
 *
 * Other flags: --no-micro (builds only)  --sizes=1000,10000  --runs=N (timing repetitions for every
 * size)  --build-docs=300  --build-runs=3  --bundlers=faster,webpack
 * --seed=N  --no-memory.  See bench/README.md for what is measured.
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
import {BUNDLERS, coldBuild, writeSite} from './lib/build.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(OUT_DIR, 'results.json');

/** Targets from the issue, checked at the largest size measured. */
const TARGETS = {coldOverNaive: 0.1, warmChangedOverCold: 0.02};

function parseArgs(argv) {
  const flags = new Map();
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unexpected argument ${arg} (see bench/README.md)`);
    flags.set(match[1], match[2] ?? true);
  }
  const known = ['quick', 'no-build', 'no-micro', 'sizes', 'runs', 'build-docs', 'build-runs', 'bundlers', 'seed', 'no-memory', 'help'];
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
  return {
    help: flags.has('help'),
    quick,
    sizes,
    runsFor: (n) => (flags.has('runs') ? Number(flags.get('runs')) : n >= 5000 ? 3 : 5),
    build: !flags.has('no-build'),
    micro: !flags.has('no-micro'),
    buildDocs: Number(flags.get('build-docs') ?? 300),
    buildRuns: Number(flags.get('build-runs') ?? (quick ? 1 : 3)),
    bundlers,
    seed: Number(flags.get('seed') ?? 20240611),
    memory: !flags.has('no-memory'),
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

function runMemoryChild(corpusDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(HERE, 'lib', 'memory-child.mjs'), corpusDir], {
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

async function microBenchmarks(options, results) {
  ensurePluginBuilt(log);
  const plugin = await loadPlugin();
  const config = plugin.toRolesConfig(plugin.DEFAULT_OPTIONS);
  for (const n of options.sizes) {
    const corpusDir = path.join(OUT_DIR, `corpus-${n}`);
    const started = performance.now();
    const manifest = await writeCorpus(corpusDir, {count: n, seed: options.seed});
    log(
      `\nCorpus ${int(n)} docs: ${path.relative(REPO_ROOT, corpusDir)} (${manifest.reused ? 'reused' : `generated in ${fmt(performance.now() - started)}`}; ` +
        `avg ${int(manifest.averageBytes)} B/doc, ${int(manifest.annotations)} annotations, ` +
        `${round((100 * manifest.docsWithoutAnnotations) / n, 1)}% of docs without any, ${int(manifest.examples)} fenced/inline :::role examples)`,
    );
    const docs = docSources(corpusDir, manifest);
    const runs = options.runsFor(n);
    const micro = await measureCorpus({plugin, config, docs, manifest, runs, log});
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
      ...micro,
    };
    if (options.memory) {
      log(`  memory: cold run in a child process (node --expose-gc)…`);
      entry.memory = await runMemoryChild(corpusDir);
    }
    results.sizes.push(entry);
    await saveResults(results);
  }
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
  if (results.sizes.length > 0) printMicro(results);
  if (results.build) printBuild(results);
  log(`\nResults: ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
}

function printMicro(results) {
  log('\n=== Aggregator vs. naive parse (medians, wall-clock ms) ===');
  const rows = results.sizes.map((s) => [
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
  for (const s of results.sizes) {
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
  const largest = results.sizes[results.sizes.length - 1];
  if (largest) {
    const verdict = (value, target) => (value <= target ? `OK (≤ ${target})` : `MISSED: ${(value / target).toFixed(1)}× the ${target} target`);
    log(`\nTargets at ${int(largest.docs)} docs:`);
    log(`  cold/naive   = ${largest.ratios.coldOverNaive.toFixed(3)}  ${verdict(largest.ratios.coldOverNaive, TARGETS.coldOverNaive)}`);
    log(`  warm+1/cold  = ${largest.ratios.warmChangedOverCold.toFixed(4)}  ${verdict(largest.ratios.warmChangedOverCold, TARGETS.warmChangedOverCold)}`);
    results.targets = {
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
    log('Usage: node bench/run.mjs [--quick] [--no-build] [--no-micro] [--sizes=1000,10000] [--runs=N] [--build-docs=300] [--build-runs=3] [--bundlers=faster,webpack] [--seed=N] [--no-memory]');
    return;
  }
  const machine = machineInfo();
  log(`docusaurus-plugin-roles benchmark — node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadavgAtStart.join(' ')}`);
  if (machine.loadavgAtStart[0] > machine.cpus * 0.5) {
    log(`  note: the machine is busy (load ${machine.loadavgAtStart[0]} on ${machine.cpus} CPUs); timings will be noisy`);
  }
  const results = {
    startedAt: new Date().toISOString(),
    options: {...options, runsFor: undefined, runs: Object.fromEntries(options.sizes.map((n) => [n, options.runsFor(n)]))},
    machine,
    plugin: pluginInfo(),
    parser: {format: FORMAT, markdownSettings: MARKDOWN_SETTINGS, note: 'future.v4 = true: mdx1Compat off'},
    sizes: [],
  };
  if (options.micro) await microBenchmarks(options, results);
  if (options.build) await buildBenchmarks(options, results);
  results.machine.loadavgAtEnd = os.loadavg().map((x) => round(x));
  results.finishedAt = new Date().toISOString();
  printSummary(options, results);
  await saveResults(results);
  const broken =
    results.sizes.some((s) => s.checks.entries !== s.checks.expectedEntries || !s.checks.editSeenInWarmRun) ||
    (results.build && Object.values(results.build.bundlers).some((r) => r.ratioRolesOverNotes === null));
  if (broken) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
