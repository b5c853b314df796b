// The table modules declare one another as @theme modules: load those declarations.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../plugins/docusaurus-plugin-roles/src/theme/roles.d.ts" />
/**
 * The table's text search: what a reader types against a duty's title and
 * text, forgiving case, accents, punctuation, hyphens and the spaces inside a
 * compound, in every language. Examples, then properties checked on
 * generated text (fast-check).
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
if (process.env.SEARCH_RUNS) fc.configureGlobal({numRuns: Number(process.env.SEARCH_RUNS)});
import {
  foldText,
  indexText,
  matchesQuery,
  parseQuery,
  searchWords,
} from '../plugins/docusaurus-plugin-roles/src/theme/RoleComparisonTable/search.js';

/** Whether `query` finds `text`. */
const finds = (text: string, query: string): boolean => matchesQuery(indexText(text), parseQuery(query));

describe('what the search forgives', () => {
  it.each([
    ['X-ray', 'xray'],
    ['X-ray', 'x ray'],
    ['X-ray', 'X-RAY'],
    ['X\u2011ray', 'xray'], // non-breaking hyphen
    ['X\u2010ray', 'x-ray'], // hyphen
    ['X\u2013ray', 'xray'], // en dash
    ['an X ray of the spine', 'xray'],
    ['an xray of the spine', 'x-ray'],
    ['CT-guided injection', 'ct guided'],
    ['radiografía de tórax', 'radiografia'],
    ['radiografia de torax', 'RADIOGRAFÍA'],
    ['Pédiatrie', 'pediatrie'],
    ['Straße', 'strasse'],
    ['STRASSE', 'straße'],
    ['Røntgen', 'rontgen'],
    ['Œdème', 'oedeme'],
    ['ﬁlm', 'film'],
    ['ΟΔΟΣ', 'οδος'],
    ["the patient's consent", 'patients'],
    ['the patient\u2019s consent', "patient's"],
    ['1.5\u00a0T MRI', '1.5 t'],
    ['dose and contrast', 'contrast dose'],
  ])('%j is found by %j', (text, query) => {
    expect(finds(text, query)).toBe(true);
  });

  it.each([
    ['the arm', 'ear'],
    ['X-ray', 'xrays'],
    ['radiologist', 'technologist'],
    ['dose', 'dose contrast'],
  ])('%j is not found by %j', (text, query) => {
    expect(finds(text, query)).toBe(false);
  });

  it('finds everything with an empty or punctuation-only query', () => {
    expect(finds('anything', '')).toBe(true);
    expect(finds('anything', ' - , ')).toBe(true);
  });

  it('folds to plain words, separated by single spaces', () => {
    expect(searchWords('  X‑ray,\u00a0then  CT-guided (Straße)!  ')).toBe('xray then ctguided strasse');
    expect(foldText('ÉCOLE ﬁne Ærø')).toBe('ecole fine aero');
  });
});

/** Words from a few scripts, with and without accents and special letters. */
const letters = fc.constantFrom(...'abcdeéèfgiíïlmnoóøpqrsßtuúüvxyzçñæœłđ'.split(''), 'Ω', 'σ', 'ж', 'ı', 'İ');
const word = fc.array(letters, {minLength: 1, maxLength: 8}).map((chars) => chars.join(''));
const words = fc.array(word, {minLength: 1, maxLength: 6});
/** What may stand inside a compound word. */
const joiner = fc.constantFrom('-', '\u2010', '\u2011', '\u2013', '.', '\u2019', "'", '/', '');
/** What may stand between words. */
const separator = fc.constantFrom(' ', '  ', '\u00a0', '\u202f', ', ', ' - ', '\n');

describe('search properties', () => {
  it('folding is idempotent and ignores case', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme'}), (text) => {
        const folded = foldText(text);
        expect(foldText(folded)).toBe(folded);
        expect(foldText(text.toUpperCase())).toBe(folded);
        expect(foldText(text.toLowerCase())).toBe(folded);
      }),
    );
  });

  it('a word of a text finds it, whatever its case and accents', () => {
    fc.assert(
      fc.property(words, separator, fc.nat(), (list, sep, pick) => {
        const text = list.join(sep);
        const chosen = list[pick % list.length]!;
        expect(finds(text, chosen)).toBe(true);
        expect(finds(text, chosen.toUpperCase())).toBe(true);
        expect(finds(text, chosen.normalize('NFD').replace(/\p{M}/gu, ''))).toBe(true);
      }),
    );
  });

  it('a compound finds itself written together, apart or with any hyphen', () => {
    fc.assert(
      fc.property(word, word, joiner, joiner, (first, second, inText, inQuery) => {
        const text = `the ${first}${inText}${second} room`;
        for (const query of [`${first}${second}`, `${first} ${second}`, `${first}${inQuery}${second}`]) {
          expect(finds(text, query), `${JSON.stringify(text)} by ${JSON.stringify(query)}`).toBe(true);
        }
      }),
    );
  });

  it('the words of a query may come in any order, with any separators', () => {
    fc.assert(
      fc.property(words, separator, separator, (list, sepText, sepQuery) => {
        expect(finds(list.join(sepText), [...list].reverse().join(sepQuery))).toBe(true);
      }),
    );
  });

  it('a query never finds a text that lacks one of its letters', () => {
    fc.assert(
      fc.property(words, word, (list, query) => {
        const text = searchWords(list.join(' ')).replace(/ /g, '');
        const missing = [...searchWords(query)].some((letter) => !text.includes(letter));
        if (missing) expect(finds(list.join(' '), query)).toBe(false);
      }),
    );
  });
});
