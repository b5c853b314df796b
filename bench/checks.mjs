// The accountability checks at scale: on N generated duties (default 5,000,
// two roles), the near-duplicate check through its inverted index against
// comparing every pair of duties, and the reading-level scoring of every
// duty. Timings only (nothing here passes or fails); same pairs asserted.
//
//   node bench/checks.mjs [--duties=5000] [--runs=3] [--seed=7]
//
// Imports the compiled plugin (plugins/docusaurus-plugin-roles/lib): run
// `npm run build --workspace docusaurus-plugin-roles` first.
import {performance} from 'node:perf_hooks';
import os from 'node:os';
import {contentWords, similarPairs, TITLE_FLOOR} from '../plugins/docusaurus-plugin-roles/lib/core/near-duplicates.js';
import {scoreText} from '../plugins/docusaurus-plugin-roles/lib/core/readability/index.js';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, Number(value)];
  }),
);
const DUTIES = args.duties || 5000;
const RUNS = args.runs || 3;
let seed = args.seed || 7;

/** A small deterministic generator (mulberry32). */
function random() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// 2,000 made-up content words, drawn by Zipf's law (rank r with probability
// about 1/r, the top ten left out as stop words are), as real prose is.
const syllables = ['ra', 'di', 'o', 'lo', 'gy', 'tech', 'ni', 'cal', 'scan', 'dose', 'lead', 'im', 'age', 'con', 'trast', 'port'];
const vocabulary = Array.from({length: 2000}, (_, index) => {
  let word = '';
  for (let count = 1 + (index % 4); count > 0; count -= 1) word += syllables[Math.floor(random() * syllables.length)];
  return `${word}${index}`;
});
function pick() {
  for (;;) {
    const rank = Math.floor(Math.exp(random() * Math.log(vocabulary.length + 11)));
    if (rank > 10) return vocabulary[rank - 11];
  }
}
const sentence = (length) => Array.from({length}, pick).join(' ');

const duties = Array.from({length: DUTIES}, (_, index) => ({
  title: sentence(3 + Math.floor(random() * 5)),
  text: `${sentence(8 + Math.floor(random() * 12))}. ${sentence(8 + Math.floor(random() * 12))}.`,
  roles: random() < 0.5 ? ['radiologist'] : random() < 0.8 ? ['technologist'] : ['radiologist', 'technologist'],
  scope: 'current',
  index,
}));
// A few planted near-duplicates, so the checks have something to find.
for (let index = 0; index < DUTIES; index += 250) duties[index + 1] = {...duties[index], index: index + 1, roles: duties[index].roles};

/** Every pair compared: the same measures, without the index. */
function everyPair(list, thresholds) {
  const titles = list.map((duty) => new Set(contentWords(duty.title, 'en')));
  const bags = list.map((duty) => {
    const bag = new Map();
    for (const word of contentWords(duty.text, 'en')) bag.set(word, (bag.get(word) ?? 0) + 1);
    return bag;
  });
  const df = new Map();
  for (const bag of bags) for (const word of bag.keys()) df.set(word, (df.get(word) ?? 0) + 1);
  const vectors = bags.map((bag) => {
    const vector = new Map();
    let norm = 0;
    for (const [word, tf] of bag) {
      const weight = (1 + Math.log(tf)) * Math.log(1 + list.length / df.get(word));
      vector.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [word, weight] of vector) vector.set(word, norm === 0 ? 0 : weight / norm);
    return vector;
  });
  let found = 0;
  for (let a = 0; a < list.length; a += 1) {
    for (let b = a + 1; b < list.length; b += 1) {
      if (!list[a].roles.some((role) => list[b].roles.includes(role))) continue;
      let shared = 0;
      for (const word of titles[a]) if (titles[b].has(word)) shared += 1;
      const title = (2 * shared) / (titles[a].size + titles[b].size || 1);
      let text = 0;
      for (const [word, weight] of vectors[a]) text += weight * (vectors[b].get(word) ?? 0);
      if (title >= thresholds.titles || (text >= thresholds.texts && title >= TITLE_FLOOR)) found += 1;
    }
  }
  return found;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(task) {
  const times = [];
  let result;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    result = task();
    times.push(performance.now() - start);
  }
  return {ms: median(times), result};
}

const thresholds = {titles: 0.75, texts: 0.35};
console.log(`${DUTIES} duties, ${RUNS} runs each (medians); load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
const indexed = time(() => similarPairs(duties, thresholds, 'en'));
const naive = time(() => everyPair(duties, thresholds));
console.log(`near duplicates, inverted index: ${indexed.ms.toFixed(0)} ms, ${indexed.result.length} pairs`);
console.log(`near duplicates, every pair:     ${naive.ms.toFixed(0)} ms, ${naive.result} pairs (index / every pair: ${(indexed.ms / naive.ms).toFixed(3)})`);
if (indexed.result.length !== naive.result) throw new Error('The index and every pair disagree');
const scored = time(() => duties.map((duty) => scoreText(`${duty.title}. ${duty.text}`, 'en')));
console.log(`reading level of every duty:     ${scored.ms.toFixed(0)} ms (${((scored.ms / DUTIES) * 1000).toFixed(0)} µs a duty)`);
