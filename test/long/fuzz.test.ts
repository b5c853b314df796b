/**
 * The large fuzzing run of the long suite (`support/fuzz.ts`): ten times the
 * sites of `npm test`'s, from another seed, so CI explores documents that
 * the everyday run does not.
 */
import {describe, it} from 'vitest';
import {fuzzAgreement} from '../support/fuzz.js';

const RUNS = 2_000;
const SEED = 7;

describe('the aggregator agrees with the MDX compile on many generated documents', () => {
  it(`on ${RUNS} generated sites (seed ${SEED})`, {timeout: RUNS * 2_000}, async () => {
    await fuzzAgreement(RUNS, SEED);
  });
});
