/**
 * In-process timings for one corpus: plain read, naive full parse, the
 * aggregator cold, and the aggregator warm (nothing changed / one file
 * changed). Each repetition runs every scenario once, interleaved, so slow
 * drift of the machine affects all of them alike; medians are reported.
 */
import {readFile, writeFile} from 'node:fs/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import {MARKDOWN_SETTINGS} from './plugin.mjs';
import {profile} from './profile.mjs';

/** `global.gc` without needing `node --expose-gc` on the command line. */
export const gc = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
})();

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Run `fn` after two GCs; its wall-clock time and result. */
export async function timed(fn) {
  gc();
  gc();
  const start = performance.now();
  const result = await fn();
  return {ms: performance.now() - start, result};
}

/** (c) Read every file, like the aggregator does (all at once), and scan it. */
async function plainRead(docs) {
  let hits = 0;
  await Promise.all(
    docs.map(async (doc) => {
      const raw = await readFile(doc.filePath, 'utf8');
      if (raw.includes(':role')) hits += 1;
    }),
  );
  return hits;
}

/** (b) Read and parse every file with the MDX loader's parser: no skip, no cache. */
async function naiveParse(docs, parseMarkdown) {
  let nodes = 0;
  await Promise.all(
    docs.map(async (doc) => {
      const raw = await readFile(doc.filePath, 'utf8');
      const tree = parseMarkdown(raw, {format: doc.format, comments: MARKDOWN_SETTINGS.comments});
      nodes += tree.children.length;
    }),
  );
  return nodes;
}

/** Docs the profiled breakdown looks at (the first ones of the corpus). */
const BREAKDOWN_DOCS = 2000;

/** The doc the warm scenario edits: one with annotations, mid-corpus. */
function pickEditTarget(docs, manifest) {
  const middle = Math.floor(docs.length / 2);
  for (let offset = 0; offset < docs.length; offset += 1) {
    const index = (middle + offset) % docs.length;
    if (manifest.files[index].annotations > 0) return docs[index];
  }
  throw new Error('No doc with annotations to edit');
}

/**
 * Insert a sentence right after the first real `:::role[…]{…}` opening
 * line (not one of the examples inside fenced code).
 */
function editInsideAnnotation(content, marker) {
  const lines = content.split('\n');
  let fence;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    const opening = /^(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length && line.trim() === opening[1]) fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening[1];
      continue;
    }
    if (line.startsWith(':::role[')) {
      lines.splice(index + 1, 0, `The bench edited this duty (${marker}).`, '');
      return lines.join('\n');
    }
  }
  throw new Error('Edit target has no :::role annotation outside code');
}

/**
 * One repetition of the aggregator scenarios on a fresh aggregator:
 * cold run, warm run with nothing changed, then one file edited and the
 * warm run timed again. The edited file is restored afterwards.
 */
async function aggregatorRuns(plugin, config, docs, target, rep) {
  const aggregator = new plugin.RolesAggregator(config, MARKDOWN_SETTINGS);
  const cold = await timed(() => aggregator.run(docs));
  const unchanged = await timed(() => aggregator.run(docs));
  const original = await readFile(target.filePath, 'utf8');
  const marker = `rep ${rep} ${Date.now()}`;
  let changed;
  try {
    await writeFile(target.filePath, editInsideAnnotation(original, marker));
    changed = await timed(() => aggregator.run(docs));
  } finally {
    await writeFile(target.filePath, original);
  }
  const edited = changed.result.entries.some(
    (entry) => entry.source === target.source && entry.text.includes(marker),
  );
  return {cold, unchanged, changed, edited};
}

/**
 * Where the cold run's time goes: a fresh aggregator's run over (at most)
 * the first BREAKDOWN_DOCS docs under the CPU profiler, self time by module.
 * Also the share of bytes in files that contain `:role` (the files the
 * aggregator cannot skip).
 */
async function coldBreakdown(plugin, config, docs) {
  const contents = await Promise.all(docs.map((doc) => readFile(doc.filePath, 'utf8')));
  let total = 0;
  let withRole = 0;
  let filesWithRole = 0;
  for (const content of contents) {
    total += content.length;
    if (content.includes(':role')) {
      withRole += content.length;
      filesWithRole += 1;
    }
  }
  gc();
  const aggregator = new plugin.RolesAggregator(config, MARKDOWN_SETTINGS);
  let stats;
  const profiled = await profile(async () => {
    stats = (await aggregator.run(docs)).stats;
  });
  return {
    filesWithRole,
    filesWithRoleFraction: round(filesWithRole / docs.length, 3),
    bytesWithRoleFraction: round(withRole / total, 3),
    stats,
    profile: profiled,
  };
}

export function round(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Warm the JIT on parser and aggregator code with a slice of the corpus. */
async function warmUp(plugin, config, docs) {
  const slice = docs.slice(0, Math.min(150, docs.length));
  await naiveParse(slice, plugin.parseMarkdown);
  await new plugin.RolesAggregator(config, MARKDOWN_SETTINGS).run(slice);
  await plainRead(slice);
}

/**
 * All in-process timings for one corpus. `log` gets progress lines.
 */
export async function measureCorpus({plugin, config, docs, manifest, runs, log}) {
  const target = pickEditTarget(docs, manifest);
  await warmUp(plugin, config, docs);
  const samples = {read: [], naive: [], cold: [], warmUnchanged: [], warmChanged: []};
  let stats;
  let checks;
  for (let rep = 1; rep <= runs; rep += 1) {
    const read = await timed(() => plainRead(docs));
    const naive = await timed(() => naiveParse(docs, plugin.parseMarkdown));
    const agg = await aggregatorRuns(plugin, config, docs, target, rep);
    samples.read.push(read.ms);
    samples.naive.push(naive.ms);
    samples.cold.push(agg.cold.ms);
    samples.warmUnchanged.push(agg.unchanged.ms);
    samples.warmChanged.push(agg.changed.ms);
    stats = {
      cold: agg.cold.result.stats,
      warmUnchanged: agg.unchanged.result.stats,
      warmChanged: agg.changed.result.stats,
    };
    checks = {
      entries: agg.cold.result.entries.length,
      expectedEntries: manifest.annotations,
      problems: agg.cold.result.problems.filter((problem) => problem.ruleId !== 'unparsable').length,
      unparsable: agg.cold.result.problems.filter((problem) => problem.ruleId === 'unparsable').length,
      filesContainingRole: read.result,
      editSeenInWarmRun: agg.edited,
    };
    log(
      `  rep ${rep}/${runs}: read ${fmt(read.ms)}  naive ${fmt(naive.ms)}  cold ${fmt(agg.cold.ms)}  ` +
        `warm(unchanged) ${fmt(agg.unchanged.ms)}  warm(1 changed) ${fmt(agg.changed.ms)}`,
    );
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v))]));
  // Proportions hardly depend on the corpus size: cap the profiled run.
  const breakdown = {docs: Math.min(docs.length, BREAKDOWN_DOCS), ...(await coldBreakdown(plugin, config, docs.slice(0, BREAKDOWN_DOCS)))};
  return {
    runs,
    editedFile: target.source,
    samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x))])),
    mediansMs: medians,
    ratios: {
      coldOverNaive: round(medians.cold / medians.naive, 4),
      warmChangedOverCold: round(medians.warmChanged / medians.cold, 4),
      warmUnchangedOverCold: round(medians.warmUnchanged / medians.cold, 4),
      readOverNaive: round(medians.read / medians.naive, 4),
      warmChangedOverRead: round(medians.warmChanged / medians.read, 2),
    },
    stats,
    checks,
    coldBreakdown: breakdown,
  };
}

export function fmt(ms) {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  return sign + (abs >= 10000 ? `${(abs / 1000).toFixed(1)}s` : abs >= 100 ? `${abs.toFixed(0)}ms` : `${abs.toFixed(1)}ms`);
}
