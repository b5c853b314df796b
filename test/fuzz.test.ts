/**
 * Fuzzing differential test: on generated sites (a few documents each, and
 * the site's `markdown` settings), the aggregator, which builds the table
 * and the exports, must find exactly what each page's own Docusaurus
 * compile finds with `remarkRoles`: the same valid annotations (line, id,
 * roles, area, title, text), the same problems, and, for a document that is
 * not valid MDX, the page's own error position, never a crash.
 *
 * Seeded and of fixed size in `npm test` (FUZZ_RUNS sites, default 200);
 * for a long local run: `FUZZ_RUNS=30000 FUZZ_SEED=7 npx vitest run test/fuzz.test.ts`.
 * A failure prints the seed and the shrunk site, and every failing document
 * is appended to `test/.tmp/fuzz-<seed>/failures.jsonl`: minimize it by hand and add
 * it to `test/agreement/` (see `agreement.test.ts`).
 */
import {appendFileSync, mkdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {documentArbitrary, settingsArbitrary} from './support/documents.js';
import {checkAgreement, type AgreementStats} from './support/agreement.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
// One folder per seed, so a long run and `npm test` can run side by side.
const workDir = path.join(import.meta.dirname, '.tmp', `fuzz-${SEED}`);

describe('the aggregator agrees with the MDX compile on generated documents', () => {
  it(`on ${RUNS} generated sites (seed ${SEED})`, {timeout: Math.max(240_000, RUNS * 2_000)}, async () => {
    rmSync(workDir, {recursive: true, force: true});
    mkdirSync(workDir, {recursive: true});
    const failures = path.join(workDir, 'failures.jsonl');
    let site = 0;
    const stats: AgreementStats = {documents: 0, invalid: 0, annotations: 0, problems: 0};
    await fc.assert(
      fc.asyncProperty(
        fc.array(documentArbitrary, {minLength: 1, maxLength: 6}),
        settingsArbitrary,
        async (contents, settings) => {
          site += 1;
          const dir = path.join(workDir, `site-${site}`);
          const disagreements = await checkAgreement(dir, contents, settings, stats);
          rmSync(dir, {recursive: true, force: true});
          // Every failing case, one JSON line each, for minimizing by hand.
          for (const each of disagreements) appendFileSync(failures, `${JSON.stringify(each)}\n`);
          expect(disagreements).toEqual([]);
        },
      ),
      {numRuns: RUNS, seed: SEED, endOnFailure: process.env.FUZZ_SHRINK === '0'},
    );
    console.log(
      `fuzz (seed ${SEED}): ${site} sites, ${stats.documents} documents (${stats.invalid} not valid MDX), ` +
        `${stats.annotations} valid annotations and ${stats.problems} problems compared`,
    );
    // The generator must keep producing what it is meant to compare.
    expect(stats.annotations).toBeGreaterThan(stats.documents / 2);
    expect(stats.problems).toBeGreaterThan(stats.documents / 4);
    expect(stats.invalid).toBeLessThan(stats.documents / 2);
  });
});
