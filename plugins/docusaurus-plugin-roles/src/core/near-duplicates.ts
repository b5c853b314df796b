/**
 * Duties of the same role that read almost the same: "Keeps radiation as
 * low as reasonably achievable" and "Keeps dose as low as reasonably
 * achievable" are one duty written twice, and a reader of the table sees it
 * twice.
 *
 * A duty's title, and its text, each become a bag of stemmed content words
 * (stop words dropped: `stopword`'s lists; English stems by Porter's
 * algorithm, `stemmer`; Spanish folded to lower case without accents or a
 * plural `s`), weighted by TF-IDF over the duties checked together, and two
 * duties are compared by the cosine of their vectors: the textbook measure
 * of near-duplicate text in information retrieval (Manning, Raghavan and
 * Schütze, Introduction to Information Retrieval, 2008, ch. 6), where a
 * word every duty uses ("patient") weighs little and a shared rare word
 * ("timeout") much.
 *
 * Pairs are found through an inverted index (only duties that share a word
 * other than the most common ones are compared), not by comparing every duty
 * with every other.
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
  /** Cosine similarity of the titles and of the texts (0–1). */
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

/** A word used by more than this share of the duties is too common to find candidates with. */
const COMMON_SHARE = 0.2;
/** …unless the set is small: below this many duties, every word finds candidates. */
const COMMON_MIN = 50;

/**
 * Titles with at least this similarity share a distinctive word: with texts
 * that read alike, they name the same duty twice ("Completes the
 * identification timeout", "Takes part in the timeout": 0.30 on the demo).
 */
export const TITLE_FLOOR = 0.25;

/** How alike two duties must be to be reported. */
export interface SimilarityThresholds {
  /** Titles at least this similar are the same duty reworded. */
  titles: number;
  /** Texts at least this similar, under titles at least `TITLE_FLOOR` similar, are the same duty. */
  texts: number;
}

/** Normalized TF-IDF vectors of texts, and an inverted index of their less common words. */
function vectorize(texts: readonly string[], language: 'en' | 'es' | undefined) {
  const bags = texts.map((text) => {
    const bag = new Map<string, number>();
    for (const word of contentWords(text, language)) bag.set(word, (bag.get(word) ?? 0) + 1);
    return bag;
  });
  const frequency = new Map<string, number>();
  for (const bag of bags) for (const word of bag.keys()) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const count = texts.length;
  const vectors = bags.map((bag) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, tf] of bag) {
      const weight = (1 + Math.log(tf)) * Math.log(1 + count / frequency.get(word)!);
      vector.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [word, weight] of vector) vector.set(word, norm === 0 ? 0 : weight / norm);
    return vector;
  });
  const limit = Math.max(COMMON_MIN, Math.floor(count * COMMON_SHARE));
  const postings = new Map<string, number[]>();
  bags.forEach((bag, index) => {
    for (const word of bag.keys()) {
      if (frequency.get(word)! > limit) continue;
      const list = postings.get(word) ?? [];
      list.push(index);
      postings.set(word, list);
    }
  });
  return {vectors, postings};
}

/**
 * Every pair of duties that share a role and a scope and read almost the
 * same, most similar first. Titles and texts are weighed apart (each with
 * its own word frequencies): a title names the duty, so two titles that
 * differ in one word out of five are one duty reworded even when their texts
 * differ ("Keeps radiation / dose as low as reasonably achievable": titles
 * 0.80, texts 0.15 on the demo); two texts that describe the same steps
 * under titles that share a distinctive word are one duty under two names.
 */
export function similarPairs(
  duties: readonly SimilarityInput[],
  thresholds: SimilarityThresholds,
  language: 'en' | 'es' | undefined,
): SimilarPair[] {
  const titles = vectorize(duties.map((duty) => duty.title), language);
  const texts = vectorize(duties.map((duty) => duty.text), language);
  const pairs: SimilarPair[] = [];
  for (let first = 0; first < duties.length; first += 1) {
    const seen = new Set<number>();
    const candidates = [
      ...[...titles.vectors[first]!.keys()].flatMap((word) => titles.postings.get(word) ?? []),
      ...[...texts.vectors[first]!.keys()].flatMap((word) => texts.postings.get(word) ?? []),
    ];
    for (const second of candidates) {
      if (second <= first || seen.has(second)) continue;
      seen.add(second);
      const a = duties[first]!;
      const b = duties[second]!;
      if (a.scope !== b.scope) continue;
      const roles = a.roles.filter((role) => b.roles.includes(role));
      if (roles.length === 0) continue;
      const title = cosine(titles.vectors[first]!, titles.vectors[second]!);
      const text = cosine(texts.vectors[first]!, texts.vectors[second]!);
      if (title >= thresholds.titles || (text >= thresholds.texts && title >= TITLE_FLOOR)) {
        pairs.push({first, second, title, text, roles});
      }
    }
  }
  return pairs.sort((a, b) => Math.max(b.title, b.text) - Math.max(a.title, a.text) || a.first - b.first || a.second - b.second);
}

/** Cosine of two normalized sparse vectors: their dot product. */
function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, weight] of small) dot += weight * (large.get(word) ?? 0);
  return Math.min(1, dot);
}
