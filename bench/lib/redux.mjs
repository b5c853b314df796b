/**
 * The real-world row: the Redux docs (`../shared/corpora/redux-docs`, long
 * Docusaurus MDX with imports, JSX, tabs, tables and many code fences) with
 * `:::role` annotations inserted between top-level blocks, the way
 * `test/long/differential.test.ts` inserts them, in **every** file (so the
 * aggregator can skip none: the hard case). Written to
 * `bench/out/corpus-redux/` with a `manifest.json` like the generated
 * corpora's, so the same tools read it.
 *
 * Measured in process, interleaved like the generated corpora: a naive
 * parse of every file, the aggregator cold in process (`workers: 0`) and
 * with the pool (`workers: 'auto'`), and where the in-process cold run's
 * time goes (CPU profile).
 */
import {existsSync} from 'node:fs';
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {createRandom} from './prng.mjs';
import {REPO_ROOT, docSources} from './plugin.mjs';
import {gc, median, round, timed} from './measure.mjs';
import {profile} from './profile.mjs';

export const REDUX_CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpora', 'redux-docs');

/**
 * Why the real-world row cannot run here (the Redux docs are not beside the
 * repository: a clone does not have them, CI's machine does), or `undefined`.
 */
export function reduxUnavailable() {
  return existsSync(REDUX_CORPUS)
    ? undefined
    : `it needs the Redux docs in ${REDUX_CORPUS} (a folder beside the repository, as on CI's machine; not part of a clone)`;
}
/**
 * Docusaurus's default `markdown` settings (the Redux site does not turn on
 * `future.v4`, so `mdx1Compat` stays on: its docs use `<!-- -->` comments).
 */
export const REDUX_SETTINGS = {headingIds: true, comments: true, admonitions: true, emoji: true, mermaid: false, maintainCase: false};
/** Bump when the inserted text changes, so a stale copy is rewritten. */
const VERSION = 1;

/** Valid annotations only, so every inserted one must reach the table. */
const ANNOTATIONS = [
  ':::role[Captures the images]{of=technologist area=imaging}\nPositions the patient.\n:::',
  ':::role[Reads the study]{of=radiologist area=interpretation}\nWrites the **report**.\n\n- one\n- two\n:::',
  ':::role{of="radiologist technologist" area=radiation-safety}\nKeeps dose low. Always.\n:::',
  ':::role[Asks about pregnancy]{of=radiographer area=patient-care}\nBefore X-ray.\n:::',
  ':::role[Explains the procedure]{of=technologist area=patient-care}\nIn plain words, with `inline code` and a [link](https://example.org).\n:::',
];

/** Insert annotations before about 30% of the top-level blocks (front matter excepted). */
function annotate(source, parseMarkdown, next) {
  const tree = parseMarkdown(source, {format: 'mdx', comments: REDUX_SETTINGS.comments});
  const offsets = tree.children
    .filter((node) => node.type !== 'yaml' && node.position)
    .map((node) => node.position.start.offset)
    .filter(() => next() < 0.3)
    .reverse();
  // At least one per file, before the first block after the front matter.
  if (offsets.length === 0) {
    const first = tree.children.find((node) => node.type !== 'yaml' && node.position);
    if (first) offsets.push(first.position.start.offset);
  }
  let text = source;
  for (const offset of offsets) {
    const annotation = ANNOTATIONS[Math.floor(next() * ANNOTATIONS.length)];
    text = `${text.slice(0, offset)}${annotation}\n\n${text.slice(offset)}`;
  }
  return {text, inserted: offsets.length};
}

/** Write the annotated copy (reused while its manifest matches). */
export async function writeReduxCorpus(dir, {seed, parseMarkdown}) {
  const manifestPath = path.join(dir, 'manifest.json');
  const wanted = {redux: VERSION, seed};
  try {
    const existing = JSON.parse(await readFile(manifestPath, 'utf8'));
    if (Object.entries(wanted).every(([key, value]) => existing[key] === value)) return {...existing, reused: true};
  } catch {
    // Not written yet.
  }
  const unavailable = reduxUnavailable();
  if (unavailable) throw new Error(`The real-world row cannot run: ${unavailable}`);
  await rm(dir, {recursive: true, force: true});
  const names = (await readdir(REDUX_CORPUS, {recursive: true})).filter((name) => /\.mdx?$/.test(name)).sort();
  const {next} = createRandom(seed);
  const files = [];
  let bytes = 0;
  let originalBytes = 0;
  let annotations = 0;
  for (const name of names) {
    const source = await readFile(path.join(REDUX_CORPUS, name), 'utf8');
    const {text, inserted} = annotate(source, parseMarkdown, next);
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), {recursive: true});
    await writeFile(target, text);
    files.push({path: name, annotations: inserted});
    bytes += Buffer.byteLength(text);
    originalBytes += Buffer.byteLength(source);
    annotations += inserted;
  }
  const manifest = {...wanted, count: files.length, bytes, originalBytes, averageBytes: Math.round(bytes / files.length), annotations, files};
  await writeFile(manifestPath, JSON.stringify(manifest));
  return {...manifest, reused: false};
}

async function naiveParse(docs, parseMarkdown) {
  let nodes = 0;
  await Promise.all(
    docs.map(async (doc) => {
      const raw = await readFile(doc.filePath, 'utf8');
      nodes += parseMarkdown(raw, {format: doc.format, comments: REDUX_SETTINGS.comments}).children.length;
    }),
  );
  return nodes;
}


/** Naive parse vs. the aggregator cold (in process and with the pool), `runs` interleaved repetitions. */
export async function measureRedux({plugin, config, corpusDir, manifest, runs, log}) {
  const docs = docSources(corpusDir, manifest);
  const fresh = (workers) => new plugin.RolesAggregator(config, REDUX_SETTINGS, {workers});
  // Warm-up: JIT the code paths once.
  await naiveParse(docs, plugin.parseMarkdown);
  await fresh(0).run(docs);
  const samples = {naive: [], cold: [], coldAuto: []};
  let cold;
  let coldAuto;
  for (let rep = 1; rep <= runs; rep += 1) {
    const naive = await timed(() => naiveParse(docs, plugin.parseMarkdown));
    cold = await timed(() => fresh(0).run(docs));
    coldAuto = await timed(() => fresh('auto').run(docs));
    samples.naive.push(naive.ms);
    samples.cold.push(cold.ms);
    samples.coldAuto.push(coldAuto.ms);
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v))]));
  log(`  redux: naive ${medians.naive} ms, cold (workers 0) ${medians.cold} ms, cold (workers auto) ${medians.coldAuto} ms (medians of ${runs})`);
  gc();
  let profiledStats;
  const profiled = await profile(async () => {
    profiledStats = (await fresh(0).run(docs)).stats;
  });
  const stats = cold.result.stats;
  return {
    docs: docs.length,
    corpus: {dir: path.relative(REPO_ROOT, corpusDir), source: path.relative(REPO_ROOT, REDUX_CORPUS), bytes: manifest.bytes, originalBytes: manifest.originalBytes, annotations: manifest.annotations},
    runs,
    samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x))])),
    mediansMs: medians,
    ratios: {coldOverNaive: round(medians.cold / medians.naive, 3), coldAutoOverNaive: round(medians.coldAuto / medians.naive, 3)},
    stats: {cold: stats, coldAuto: coldAuto.result.stats},
    fastShare: {ofFiles: round(stats.fast / stats.files, 3), ofParsed: stats.parsed ? round(stats.fast / stats.parsed, 3) : 0},
    checks: {
      entries: cold.result.entries.length,
      expectedEntries: manifest.annotations,
      problems: cold.result.problems.filter((problem) => problem.ruleId !== 'unparsable').length,
      unparsable: cold.result.problems.filter((problem) => problem.ruleId === 'unparsable').length,
      sameWithPool: JSON.stringify(cold.result.entries) === JSON.stringify(coldAuto.result.entries),
    },
    profile: {...profiled, stats: profiledStats},
  };
}
