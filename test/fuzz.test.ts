/**
 * Fuzzing differential test (`support/fuzz.ts`): the aggregator agrees with
 * the MDX compile on generated sites.
 *
 * Seeded and small in `npm test` (FUZZ_RUNS sites, default 200); the long
 * suite runs a larger one (`long/fuzz.test.ts`). For a longer local run:
 * `FUZZ_RUNS=30000 FUZZ_SEED=7 npx vitest run test/fuzz.test.ts`.
 */
import {describe, it} from 'vitest';
import {fuzzAgreement} from './support/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

describe('the aggregator agrees with the MDX compile on generated documents', () => {
  it(`on ${RUNS} generated sites (seed ${SEED})`, {timeout: Math.max(240_000, RUNS * 2_000)}, async () => {
    await fuzzAgreement(RUNS, SEED);
  });
});
