/**
 * Duties of the same role that read almost the same: "Keeps radiation as
 * low as reasonably achievable" and "Keeps dose as low as reasonably
 * achievable" are one duty written twice, and a reader of the table sees it
 * twice.
 *
 * Titles and texts are read as stemmed content words (stop words dropped:
 * `stopword`'s lists; English stems by Porter's algorithm, `stemmer`;
 * Spanish folded to lower case without accents or a plural `s`), and
 * compared apart:
 *
 * - titles by the Dice coefficient of their word sets (twice the shared
 *   words over all words): a title is a few words, and one word out of five
 *   changed is the same duty reworded, whatever the rest of the site says
 *   (a title measure weighted by the site's word frequencies swung from 0.59
 *   to 0.80 on the same two titles as the site grew);
 * - texts by the cosine of their TF-IDF vectors over the duties checked
 *   together, the textbook measure of near-duplicate documents (Manning,
 *   Raghavan and Schütze, Introduction to Information Retrieval, 2008,
 *   ch. 6), where a word every duty uses ("patient") weighs little and a
 *   shared rare one ("timeout") much.
 *
 * Pairs are found through an inverted index of title words (only duties
 * whose titles share a word are ever compared), not by comparing every duty
 * with every other, and the search for a duty's closest earlier one stops
 * at the first that no other can beat.
 */
import {createRequire} from 'node:module';
import {stemmer} from 'stemmer';

// `stopword` ships no types: its lists are plain string arrays.
const {eng, spa} = createRequire(import.meta.url)('stopword') as {eng: string[]; spa: string[]};

/** A duty as the check reads it. */
export interface SimilarityInput {
  title: string;
  text: string;
  roles: readonly string[];
  /** Duties in different scopes (docs versions) are never compared: a version repeats its duties. */
  scope: string;
}

/** Two duties that read almost the same: indexes into the input, `first < second`. */
export interface SimilarPair {
  first: number;
  second: number;
  /** Similarity of the titles (Dice) and of the texts (TF-IDF cosine), 0–1. */
  title: number;
  text: number;
  /** Roles both duties have. */
  roles: string[];
}

const STOP_WORDS = {en: new Set(eng), es: new Set(spa)};

/** Lower case without diacritics. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The stemmed content words of a text. */
export function contentWords(text: string, language: 'en' | 'es' | undefined): string[] {
  const stop = language === 'es' ? STOP_WORDS.es : STOP_WORDS.en;
  const words: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []) {
    if (stop.has(raw) || stop.has(fold(raw))) continue;
    const word = raw.replace(/['’]s$/, '');
    words.push(language === 'es' ? fold(word).replace(/(?<=\p{L}{3})e?s$/u, '') : stemmer(word));
  }
  return words;
}

/**
 * Titles at least this similar share a content word in a short title: with
 * texts that read alike, they name the same duty twice ("Completes the
 * identification timeout", "Takes part in the timeout": 0.33; "Leaves
 * diagnosis and results to physicians", "Tells you how your results will
 * reach you", two duties, 0.29).
 */
export const TITLE_FLOOR = 0.3;

/** How alike two duties must be to be reported. */
export interface SimilarityThresholds {
  /** Titles at least this similar are the same duty reworded. */
  titles: number;
  /** Texts at least this similar, under titles at least `TITLE_FLOOR` similar, are the same duty. */
  texts: number;
}

/** Normalized TF-IDF vectors of texts (weights of the words of each, over all of them). */
function tfIdfVectors(texts: readonly string[], language: 'en' | 'es' | undefined): Array<Map<string, number>> {
  const bags = texts.map((text) => {
    const bag = new Map<string, number>();
    for (const word of contentWords(text, language)) bag.set(word, (bag.get(word) ?? 0) + 1);
    return bag;
  });
  const frequency = new Map<string, number>();
  for (const bag of bags) for (const word of bag.keys()) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return bags.map((bag) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, tf] of bag) {
      const weight = (1 + Math.log(tf)) * Math.log(1 + texts.length / frequency.get(word)!);
      vector.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [word, weight] of vector) vector.set(word, norm === 0 ? 0 : weight / norm);
    return vector;
  });
}

/** Each title's distinct content words as ids, and the titles each word id is in (ascending). */
function titleIndex(titles: readonly string[], language: 'en' | 'es' | undefined) {
  const ids = new Map<string, number>();
  const words = titles.map((title) => {
    const set = new Set<number>();
    for (const word of contentWords(title, language)) {
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
      }
      set.add(id);
    }
    return [...set];
  });
  const postings: number[][] = Array.from({length: ids.size}, () => []);
  words.forEach((list, index) => {
    for (const id of list) postings[id]!.push(index);
  });
  return {words, postings};
}

/**
 * The pairs of duties that share a role and a scope and read almost the
 * same, most similar first: a title names the duty, so two titles that
 * differ in one word out of five are one duty reworded even when their texts
 * differ ("Keeps radiation / dose as low as reasonably achievable": titles
 * 0.80, texts 0.15 on the demo); two texts that describe the same steps
 * under titles that share a content word are one duty under two names
 * ("… the identification timeout", "… the timeout": titles 0.33, texts 0.38).
 *
 * Either way the titles are at least `min(titles, TITLE_FLOOR)` alike, so
 * only earlier duties whose titles share a word with a duty's are ever met
 * (through an inverted index of title words), and texts are compared only
 * for the pairs whose titles pass.
 *
 * Each duty is paired once, with the earlier duty it reads most like (the
 * highest of the two similarities; the first such duty on a tie): one
 * notice per repeated duty, so a site that repeats a duty a thousand times
 * gets a thousand notices, not half a million pairs held in memory.
 */
export function similarPairs(
  duties: readonly SimilarityInput[],
  thresholds: SimilarityThresholds,
  language: 'en' | 'es' | undefined,
): SimilarPair[] {
  const {words, postings} = titleIndex(
    duties.map((duty) => duty.title),
    language,
  );
  const texts = tfIdfVectors(
    duties.map((duty) => duty.text),
    language,
  );
  const pairs: SimilarPair[] = [];
  for (let second = 0; second < duties.length; second += 1) {
    const pair = closestEarlier(second, duties, words, postings, texts, thresholds);
    if (pair) pairs.push(pair);
  }
  return pairs.sort(
    (a, b) => Math.max(b.title, b.text) - Math.max(a.title, a.text) || a.first - b.first || a.second - b.second,
  );
}

/** Where each title-word list of the duty being paired has got to (reused: no allocation per duty). */
const cursors: number[] = [];

/**
 * The earlier duty that `second` reads most like, if any passes. The earlier
 * duties sharing a title word are met in ascending order, by merging the
 * posting lists of its title words (each list holds `second` itself, which
 * ends the walk), with the number of words each shares; so the first duty
 * wins a tie, and the walk stops at a duty no later one can beat (a
 * similarity of 1): a duty repeated a thousand times costs a thousand short
 * walks, not half a million comparisons.
 */
function closestEarlier(
  second: number,
  duties: readonly SimilarityInput[],
  words: readonly number[][],
  postings: readonly number[][],
  texts: ReadonlyArray<ReadonlyMap<string, number>>,
  thresholds: SimilarityThresholds,
): SimilarPair | undefined {
  const own = words[second]!;
  const least = Math.min(thresholds.titles, TITLE_FLOOR);
  const b = duties[second]!;
  cursors.length = own.length;
  cursors.fill(0);
  let best: {first: number; title: number; text: number; score: number} | undefined;
  for (;;) {
    let first = second;
    for (let list = 0; list < own.length; list += 1) first = Math.min(first, postings[own[list]!]![cursors[list]!]!);
    if (first === second) break;
    let shared = 0;
    for (let list = 0; list < own.length; list += 1) {
      if (postings[own[list]!]![cursors[list]!] === first) {
        shared += 1;
        cursors[list] = cursors[list]! + 1;
      }
    }
    const title = (2 * shared) / (words[first]!.length + own.length);
    if (title < least) continue;
    const a = duties[first]!;
    if (a.scope !== b.scope || !a.roles.some((role) => b.roles.includes(role))) continue;
    const text = cosine(texts[first]!, texts[second]!);
    if (title >= thresholds.titles || (text >= thresholds.texts && title >= TITLE_FLOOR)) {
      const score = Math.max(title, text);
      // (Rounding aside: a tie keeps the first.)
      if (!best || score > best.score + 1e-9) best = {first, title, text, score};
      // No similarity exceeds 1: nothing later can replace this one.
      if (best.score + 1e-9 >= 1) break;
    }
  }
  if (!best) return undefined;
  const roles = duties[best.first]!.roles.filter((role) => b.roles.includes(role));
  return {first: best.first, second, title: best.title, text: best.text, roles};
}

/** Cosine of two normalized sparse vectors: their dot product. */
function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, weight] of small) dot += weight * (large.get(word) ?? 0);
  return Math.min(1, dot);
}
