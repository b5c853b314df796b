/**
 * The reading level of a duty's text, sentence by sentence, in English
 * (Flesch–Kincaid grade) or Spanish (Szigriszt-Pazos on the INFLESZ scale).
 *
 * Sentences and words come from the unified collective's natural-language
 * parsers (`parse-english`, which knows abbreviations such as `Dr.` and
 * `e.g.`, and `parse-latin` for Spanish, with Spanish abbreviations joined
 * here); syllables from `syllable` (English, with its exceptions list) and
 * `spanishSyllables`. Other languages have no formula here: `scoreText`
 * returns `undefined` for them, and the checks say so.
 *
 * A word of the site's word list (a glossary's terms, which the site
 * explains) counts as one word of one syllable: the sentence is still as
 * long, but the defined term no longer makes it read as hard.
 */
import {ParseEnglish} from 'parse-english';
import {ParseLatin} from 'parse-latin';
import {toString} from 'nlcst-to-string';
import {syllable} from 'syllable';
import type {Root as NlcstRoot, Sentence} from 'nlcst';
import {fleschKincaidGrade, szigrisztPazos, type ReadabilityCounts} from './formulas.js';
import {spanishSyllables} from './spanish-syllables.js';

/** A language the check has a formula for. */
export type ReadabilityLanguage = 'en' | 'es';

/** The formula's language for a locale or language tag (`en-GB` → `en`), or `undefined`. */
export function readabilityLanguage(locale: string): ReadabilityLanguage | undefined {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'en' || language === 'es' ? language : undefined;
}

/** One scored sentence. */
export interface SentenceScore {
  /** The sentence as written. */
  text: string;
  /** Where it starts in the scored text (UTF-16 offset). */
  offset: number;
  words: number;
  syllables: number;
  /** Flesch–Kincaid grade (`en`) or Szigriszt-Pazos perspicuity (`es`); `null` below `minWords`. */
  score: number | null;
}

/** A scored text: its sentences and the score of the whole. */
export interface TextScore {
  language: ReadabilityLanguage;
  sentences: SentenceScore[];
  /** The whole text's score (every sentence counted), `null` when it has no word. */
  score: number | null;
}

/** Decides which words the site defines (`readability.words`). */
export interface WordList {
  /** How many words, from `index`, form a listed term (0: none). */
  match(words: readonly string[], index: number): number;
}

/** Lower case, composed, without a trailing full stop (an abbreviation's). */
function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/\.$/, '');
}

/**
 * A word list: each entry is a word or a phrase (`C-arm`, `spinal cord
 * stimulator`); case is ignored and the last word may take a plural `s` or
 * `es`.
 */
export function createWordList(entries: readonly string[]): WordList {
  const terms = entries
    .map((entry) => entry.split(/\s+/).filter(Boolean).map(normalizeWord))
    .filter((term) => term.length > 0)
    // Longest first, so `spinal cord stimulator` wins over `spinal cord`.
    .sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, string[][]>();
  for (const term of terms) {
    const list = byFirst.get(term[0]!) ?? [];
    list.push(term);
    byFirst.set(term[0]!, list);
  }
  const same = (written: string, listed: string, last: boolean): boolean =>
    written === listed || (last && (written === `${listed}s` || written === `${listed}es`));
  return {
    match(words, index) {
      const first = normalizeWord(words[index] ?? '');
      const candidates = [
        ...(byFirst.get(first) ?? []),
        ...(byFirst.get(first.replace(/e?s$/, '')) ?? []).filter((term) => term.length === 1),
      ];
      for (const term of candidates) {
        if (index + term.length > words.length) continue;
        if (term.every((listed, at) => same(normalizeWord(words[index + at]!), listed, at === term.length - 1))) {
          return term.length;
        }
      }
      return 0;
    },
  };
}

/** The empty word list. */
export const NO_WORDS: WordList = {match: () => 0};

/** Abbreviations after which a Spanish sentence goes on (`Dr. García`). */
const SPANISH_ABBREVIATIONS = new Set([
  'dr', 'dra', 'drs', 'sr', 'sra', 'sres', 'srta', 'ud', 'uds', 'lic', 'ing', 'prof', 'dña', 'd', 'núm', 'pág',
  'aprox', 'etc', 'ej', 'p. ej', 'tel', 'avda', 'art', 'cap', 'fig', 'vol', 'máx', 'mín',
]);

const english = new ParseEnglish();
const latin = new ParseLatin();

/** The sentences of a text, as nlcst nodes, in order. */
function sentencesOf(text: string, language: ReadabilityLanguage): Sentence[] {
  const tree: NlcstRoot = language === 'en' ? english.parse(text) : latin.parse(text);
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const child of paragraph.children) if (child.type === 'SentenceNode') sentences.push(child);
  }
  return language === 'es' ? joinAfterAbbreviations(sentences) : sentences;
}

/** Spanish: a "sentence" that ends with a known abbreviation goes on in the next one. */
function joinAfterAbbreviations(sentences: Sentence[]): Sentence[] {
  const joined: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = joined.at(-1);
    if (previous && endsWithAbbreviation(previous)) {
      joined[joined.length - 1] = {
        ...previous,
        children: [...previous.children, {type: 'WhiteSpaceNode', value: ' '}, ...sentence.children],
        position: previous.position && sentence.position ? {start: previous.position.start, end: sentence.position.end} : previous.position,
      };
    } else {
      joined.push(sentence);
    }
  }
  return joined;
}

function endsWithAbbreviation(sentence: Sentence): boolean {
  const words = sentence.children.filter((node) => node.type === 'WordNode');
  const last = words.at(-1);
  const text = toString(sentence).trimEnd();
  if (!last || !text.endsWith('.')) return false;
  const word = toString(last).toLowerCase();
  const before = words.at(-2) ? `${toString(words.at(-2)!).toLowerCase()}. ${word}` : word;
  return SPANISH_ABBREVIATIONS.has(word) || SPANISH_ABBREVIATIONS.has(before);
}

/**
 * Syllable counts of the words already counted, by language: a site's duties
 * share most of their words, and counting one (`syllable` singularizes it,
 * normalizes it and runs its rules) was the largest cost of scoring them.
 * Bounded: emptied when it grows past `SYLLABLES_KEPT` words.
 */
const counted = {en: new Map<string, number>(), es: new Map<string, number>()};
const SYLLABLES_KEPT = 100_000;

/** Syllables of one word; a token without letters (a number) counts one. */
function syllablesOf(word: string, language: ReadabilityLanguage): number {
  const known = counted[language];
  let count = known.get(word);
  if (count === undefined) {
    count = /\p{L}/u.test(word) ? Math.max(1, language === 'en' ? syllable(word) : spanishSyllables(word)) : 1;
    if (known.size >= SYLLABLES_KEPT) known.clear();
    known.set(word, count);
  }
  return count;
}

/** Words and syllables of a sentence, listed terms counted as one word of one syllable. */
function countSentence(sentence: Sentence, language: ReadabilityLanguage, list: WordList): {words: number; syllables: number} {
  const words = sentence.children.filter((node) => node.type === 'WordNode').map((node) => toString(node));
  let count = 0;
  let syllables = 0;
  for (let index = 0; index < words.length; ) {
    const listed = list.match(words, index);
    count += 1;
    if (listed > 0) {
      syllables += 1;
      index += listed;
    } else {
      syllables += syllablesOf(words[index]!, language);
      index += 1;
    }
  }
  return {words: count, syllables};
}

/** The formula of a language on counts. */
export function formulaScore(counts: ReadabilityCounts, language: ReadabilityLanguage): number {
  return language === 'en' ? fleschKincaidGrade(counts) : szigrisztPazos(counts);
}

/**
 * Score a text sentence by sentence, and as a whole. Sentences of fewer than
 * `minWords` words get no score of their own but count in the whole.
 */
export function scoreText(
  text: string,
  language: ReadabilityLanguage,
  {words: list = NO_WORDS, minWords = 3}: {words?: WordList; minWords?: number} = {},
): TextScore {
  const sentences: SentenceScore[] = [];
  const total: ReadabilityCounts = {sentence: 0, word: 0, syllable: 0};
  for (const sentence of sentencesOf(text, language)) {
    const {words, syllables} = countSentence(sentence, language, list);
    if (words === 0) continue;
    total.sentence += 1;
    total.word += words;
    total.syllable += syllables;
    sentences.push({
      text: toString(sentence).trim(),
      offset: sentence.position?.start.offset ?? 0,
      words,
      syllables,
      score: words >= minWords ? formulaScore({sentence: 1, word: words, syllable: syllables}, language) : null,
    });
  }
  return {language, sentences, score: total.word > 0 ? formulaScore(total, language) : null};
}

/** Whether a score misses its target: above the grade (English) or below the INFLESZ score (Spanish). */
export function missesTarget(score: number, language: ReadabilityLanguage, target: {grade: number; inflesz: number}): boolean {
  return language === 'en' ? score > target.grade : score < target.inflesz;
}
