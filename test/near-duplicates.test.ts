/**
 * Near-duplicate duties: the two pairs the demo once had ("Keeps radiation
 * / dose as low as reasonably achievable"; "Completes the identification
 * timeout" / "Takes part in the timeout"), none of its other pairs (several
 * share words but are different duties), and the inverted index finds what
 * comparing every pair finds.
 *
 * Data: `test/near-duplicates/demo-*.json` (see its README).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {contentWords, similarPairs, TITLE_FLOOR, type SimilarityInput} from '../plugins/docusaurus-plugin-roles/src/core/near-duplicates.js';
import {DEFAULT_OPTIONS} from '../plugins/docusaurus-plugin-roles/src/options.js';

interface DemoDuty {
  title: string;
  text: string;
  roles: string[];
}

function demo(language: 'en' | 'es'): DemoDuty[] {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'near-duplicates', `demo-${language}.json`), 'utf8')) as DemoDuty[];
}

function pairsOf(duties: readonly DemoDuty[], language: 'en' | 'es'): string[][] {
  const inputs = duties.map((duty) => ({...duty, scope: 'current'}));
  return similarPairs(inputs, DEFAULT_OPTIONS.nearDuplicates, language).map(({first, second}) => [duties[first]!.title, duties[second]!.title]);
}

describe('near-duplicates on the demo', () => {
  it('finds exactly the two pairs of the English demo', () => {
    expect(pairsOf(demo('en'), 'en')).toEqual([
      ['Keeps radiation as low as reasonably achievable', 'Keeps dose as low as reasonably achievable'],
      ['Completes the identification timeout', 'Takes part in the timeout'],
    ]);
  });

  it('finds none in the Spanish demo, whose pairs were half untranslated (English beside Spanish)', () => {
    expect(pairsOf(demo('es'), 'es')).toEqual([]);
  });

  it('weighs titles by their words, the same in any site (Dice), and stems them', () => {
    const words = (title: string) => new Set(contentWords(title, 'en'));
    expect([...words('Keeps radiation as low as reasonably achievable')]).toEqual(['keep', 'radiat', 'low', 'reason', 'achiev']);
    // Counter-examples of the demo: titles that share words but name other duties.
    const alike = (a: string, b: string) => {
      const x = words(a);
      const y = words(b);
      return (2 * [...x].filter((word) => y.has(word)).length) / (x.size + y.size);
    };
    expect(alike('Captures the thoracic spine MRI', 'Captures the spine images')).toBeLessThan(DEFAULT_OPTIONS.nearDuplicates.titles);
    expect(alike('Leaves diagnosis and results to physicians', 'Tells you how your results will reach you')).toBeLessThan(TITLE_FLOOR);
    expect(alike('Completes the identification timeout', 'Takes part in the timeout')).toBeGreaterThanOrEqual(TITLE_FLOOR);
  });
});

describe('a duty repeated many times', () => {
  it('gives one pair per repeat, each with the first of them, not every pair', () => {
    const repeated: SimilarityInput = {title: 'Checks the dose', text: 'Looks at the dose of every scan.', roles: ['technologist'], scope: 'current'};
    const pairs = similarPairs(Array.from({length: 600}, () => repeated), DEFAULT_OPTIONS.nearDuplicates, 'en');
    expect(pairs).toHaveLength(599);
    expect(new Set(pairs.map(({first}) => first))).toEqual(new Set([0]));
    expect(new Set(pairs.map(({second}) => second)).size).toBe(599);
  });
});

describe('the inverted index', () => {
  const word = fc.constantFrom('scan', 'dose', 'lead', 'timeout', 'image', 'report', 'contrast', 'needle', 'patient', 'safety');
  const text = fc.array(word, {minLength: 0, maxLength: 8}).map((words) => words.join(' '));
  const duty: fc.Arbitrary<SimilarityInput> = fc.record({
    title: text,
    text,
    roles: fc.subarray(['a', 'b'], {minLength: 1}),
    scope: fc.constantFrom('current', '1.0'),
  });

  /**
   * Every pair compared, as the check defines it (Dice of title words,
   * TF-IDF cosine of texts), then each later duty with its closest earlier
   * one: the highest of the two similarities, the first on a tie.
   */
  function everyPair(duties: readonly SimilarityInput[], thresholds: {titles: number; texts: number}): Array<[number, number]> {
    const titleSets = duties.map((duty) => new Set(contentWords(duty.title, 'en')));
    const bags = duties.map((duty) => {
      const bag = new Map<string, number>();
      for (const each of contentWords(duty.text, 'en')) bag.set(each, (bag.get(each) ?? 0) + 1);
      return bag;
    });
    const df = new Map<string, number>();
    for (const bag of bags) for (const each of bag.keys()) df.set(each, (df.get(each) ?? 0) + 1);
    const vectors = bags.map((bag) => {
      const weights = [...bag].map(([each, tf]) => [each, (1 + Math.log(tf)) * Math.log(1 + duties.length / df.get(each)!)] as const);
      const norm = Math.hypot(...weights.map(([, weight]) => weight));
      return new Map(weights.map(([each, weight]) => [each, norm === 0 ? 0 : weight / norm]));
    });
    const closest = new Map<number, {first: number; score: number}>();
    for (let a = 0; a < duties.length; a += 1) {
      for (let b = a + 1; b < duties.length; b += 1) {
        if (duties[a]!.scope !== duties[b]!.scope || !duties[a]!.roles.some((role) => duties[b]!.roles.includes(role))) continue;
        const shared = [...titleSets[a]!].filter((each) => titleSets[b]!.has(each)).length;
        const sizes = titleSets[a]!.size + titleSets[b]!.size;
        const title = sizes === 0 ? 0 : (2 * shared) / sizes;
        let text = 0;
        for (const [each, weight] of vectors[a]!) text += weight * (vectors[b]!.get(each) ?? 0);
        if (title >= thresholds.titles || (text >= thresholds.texts - 1e-12 && title >= TITLE_FLOOR)) {
          const score = Math.max(title, text);
          if (score > (closest.get(b)?.score ?? -1) + 1e-9) closest.set(b, {first: a, score});
        }
      }
    }
    return [...closest].map(([b, {first}]) => [first, b]);
  }

  it('pairs each duty with the duty that comparing every pair finds closest, stopping early or not', () => {
    fc.assert(
      fc.property(fc.array(duty, {maxLength: 60}), (duties) => {
        const thresholds = {titles: 0.75, texts: 0.35};
        const indexed = similarPairs(duties, thresholds, 'en').map(({first, second}) => [first, second]);
        const sort = (pairs: number[][]) => [...pairs].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
        expect(sort(indexed)).toEqual(sort(everyPair(duties, thresholds)));
      }),
      {numRuns: 300},
    );
  });
});
