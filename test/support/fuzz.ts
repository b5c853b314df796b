/**
 * The fuzzing differential check shared by `fuzz.test.ts` (a small seeded
 * run in `npm test`) and `long/fuzz.test.ts` (a large one in
 * `npm run test:long`): on generated sites (a few documents each, and the
 * site's `markdown` settings), the aggregator must find exactly what each
 * page's own Docusaurus compile finds with `remarkRoles`: the same valid
 * annotations (line, id, roles, area, title, text), the same problems, and,
 * for a document that is not valid MDX, the page's own error position,
 * never a crash.
 *
 * A failure prints the seed and the shrunk site, and every failing document
 * is appended to `test/.tmp/fuzz-<seed>/failures.jsonl`: minimize it by hand
 * and add it to `test/agreement/` (see `agreement.test.ts`).
 */
import {appendFileSync, mkdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {expect} from 'vitest';
import {documentArbitrary, settingsArbitrary} from './documents.js';
import {checkAgreement, type AgreementStats} from './agreement.js';

/** Run `runs` generated sites from `seed`; fails the calling test on the first disagreement. */
export async function fuzzAgreement(runs: number, seed: number): Promise<void> {
  // One folder per seed, so a long run and `npm test` can run side by side.
  const workDir = path.join(import.meta.dirname, '..', '.tmp', `fuzz-${seed}`);
  rmSync(workDir, {recursive: true, force: true});
  mkdirSync(workDir, {recursive: true});
  const failures = path.join(workDir, 'failures.jsonl');
  let site = 0;
  const stats: AgreementStats = {documents: 0, invalid: 0, annotations: 0, problems: 0};
  await fc.assert(
    fc.asyncProperty(fc.array(documentArbitrary, {minLength: 1, maxLength: 6}), settingsArbitrary, async (contents, settings) => {
      site += 1;
      const dir = path.join(workDir, `site-${site}`);
      const disagreements = await checkAgreement(dir, contents, settings, stats);
      rmSync(dir, {recursive: true, force: true});
      // Every failing case, one JSON line each, for minimizing by hand.
      for (const each of disagreements) appendFileSync(failures, `${JSON.stringify(each)}\n`);
      expect(disagreements).toEqual([]);
    }),
    {numRuns: runs, seed, endOnFailure: process.env.FUZZ_SHRINK === '0'},
  );
  console.log(
    `fuzz (seed ${seed}): ${site} sites, ${stats.documents} documents (${stats.invalid} not valid MDX), ` +
      `${stats.annotations} valid annotations and ${stats.problems} problems compared`,
  );
  // The generator must keep producing what it is meant to compare.
  expect(stats.annotations).toBeGreaterThan(stats.documents / 2);
  expect(stats.problems).toBeGreaterThan(stats.documents / 4);
  expect(stats.invalid).toBeLessThan(stats.documents / 2);
}
