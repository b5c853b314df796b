/**
 * Where the fast path's time goes, file by file: for each annotated file of
 * a corpus, a full parse, the outline alone (micromark's block parse
 * without the inline pass, `parse/block-outline.js`) and the whole fast
 * path (outline + parsing the needed blocks, `parse/fast-tree.js`), timed
 * one after the other for every file (so a machine slowing down affects
 * all three alike), the first repetition a warm-up. Prints the sums and
 * the ratios to the full parse, and the share of bytes the needed blocks hold.
 *
 *   node bench/lib/phases.mjs [corpus-dir (default bench/out/corpus-redux)] [repetitions (default 3)]
 *
 * Uses the compiled plugin (`npm run build --workspace docusaurus-plugin-roles` first).
 */
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {PLUGIN_LIB, REPO_ROOT} from './plugin.mjs';

const load = (name) => import(path.join(PLUGIN_LIB, 'parse', name));
const [{outline}, {fastTree}, {getSyntax, parseWith}, {loaderPreprocess}, {DEFAULT_ADMONITION_KEYWORDS}] = await Promise.all(
  ['block-outline.js', 'fast-tree.js', 'syntax.js', 'loader-input.js', 'page-tree.js'].map(load),
);
const dir = path.resolve(REPO_ROOT, process.argv[2] ?? 'bench/out/corpus-redux');
const runs = Number(process.argv[3] ?? 3);
const files = readdirSync(dir, {recursive: true})
  .filter((name) => /\.mdx?$/.test(name))
  .map((name) => loaderPreprocess({content: readFileSync(path.join(dir, name), 'utf8'), admonitions: DEFAULT_ADMONITION_KEYWORDS}, {headingIds: true}))
  .filter((content) => content.includes(':role'));
const syntax = getSyntax('mdx', true);
let bytes = 0;
let needed = 0;
for (const content of files) {
  bytes += content.length;
  for (const block of outline(content, syntax)?.needed ?? []) needed += block.end - block.start;
}
const cases = {
  full: (content) => parseWith(content, syntax),
  outline: (content) => outline(content, syntax),
  fast: (content) => {
    const found = outline(content, syntax);
    return found && fastTree(content, found, syntax);
  },
};
const sums = {full: 0, outline: 0, fast: 0};
for (let run = 0; run <= runs; run += 1) {
  for (const content of files) {
    for (const [name, time] of Object.entries(cases)) {
      const start = performance.now();
      time(content);
      if (run > 0) sums[name] += performance.now() - start;
    }
  }
}
const round = (value) => Math.round(value * 100) / 100;
console.log(
  `${files.length} annotated files, ${runs} repetitions: full ${Math.round(sums.full)} ms, outline ${Math.round(sums.outline)} ms (${round(sums.outline / sums.full)}×), ` +
    `fast path ${Math.round(sums.fast)} ms (${round(sums.fast / sums.full)}×); the needed blocks hold ${round(needed / bytes)} of the bytes`,
);
