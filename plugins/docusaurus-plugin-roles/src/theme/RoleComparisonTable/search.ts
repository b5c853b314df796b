/**
 * Text search of the table: what a reader types is compared with each duty's
 * title and text after both are folded the same way, so that case, accents,
 * punctuation, hyphens and the spaces inside a compound do not matter:
 * "xray", "x ray", "X-ray" and "X‑ray" (non-breaking hyphen) all find
 * "X-ray"; "radiografia" finds "radiografía"; "strasse" finds "Straße".
 *
 * Locale-independent on purpose: the same folding on the server and in the
 * browser, in every language of a site (no `Intl` data involved).
 */

/**
 * Letters that neither Unicode decomposition nor case mapping reduce to
 * plain letters, folded as readers type them on a keyboard without them.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  ŀ: 'l',
  ŧ: 't',
  þ: 'th',
  ς: 'σ',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Lower case without diacritics, compatibility forms or special letters:
 * "Pédiatrie" → "pediatrie", "Straße" → "strasse", "ﬁ" → "fi", "Ø" → "o",
 * "𝙰" → "a". Compatibility forms are decomposed first (they may be
 * capitals); upper-casing then turns "ß" into "SS" and "ŉ" into "ʼN", so that
 * a word and its capitals fold alike; the second decomposition drops the
 * marks that case mapping may add ("İ" → "i̇").
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFC');
}

/** What separates words: white space and every separator Unicode knows (no-break spaces included). */
const SPACE = /[\s\p{Z}]+/gu;
/** What a search ignores inside a word: punctuation (hyphens of every kind, dots, apostrophes) and symbols. */
const IGNORED = /[\p{P}\p{S}\p{Cc}\p{Cf}]+/gu;

/**
 * Folded words separated by single spaces, with the punctuation and symbols
 * inside and around them removed: "X‑ray, then CT-guided" → "xray then ctguided".
 */
export function searchWords(text: string): string {
  return foldText(text).replace(SPACE, ' ').replace(IGNORED, '').replace(/ {2,}/g, ' ').trim();
}

/** A duty's text prepared once for every search: its words, and the same without spaces. */
export interface SearchIndex {
  /** Folded words separated by single spaces. */
  readonly words: string;
  /** The same without the spaces: "x ray" → "xray". */
  readonly compact: string;
  /** Where a word starts in `compact`: only there may a compact query match. */
  readonly wordStarts: ReadonlySet<number>;
}

/** Prepares a duty's title and text for searching. */
export function indexText(text: string): SearchIndex {
  const words = searchWords(text);
  const wordStarts = new Set<number>();
  let compact = '';
  for (const word of words.split(' ')) {
    if (word === '') continue;
    wordStarts.add(compact.length);
    compact += word;
  }
  return {words, compact, wordStarts};
}

/** A reader's query, prepared once per keystroke. */
export interface SearchQuery {
  /** The words typed, each folded and without punctuation. */
  readonly words: readonly string[];
  /** All of them together, for a compound typed apart ("x ray") or together ("xray"). */
  readonly compact: string;
}

/** Prepares a query; an empty or punctuation-only query matches everything. */
export function parseQuery(query: string): SearchQuery {
  const words = searchWords(query).split(' ').filter(Boolean);
  return {words, compact: words.join('')};
}

/**
 * Whether a duty matches: every word of the query is somewhere in its words
 * (in any order, also inside a word), or the whole query without spaces
 * starts at a word of the duty's text without spaces. The second rule lets
 * "xray" find "X ray" while "ear" does not find "the arm".
 */
export function matchesQuery(index: SearchIndex, query: SearchQuery): boolean {
  if (query.words.length === 0) return true;
  if (query.words.every((word) => index.words.includes(word))) return true;
  for (let at = index.compact.indexOf(query.compact); at !== -1; at = index.compact.indexOf(query.compact, at + 1)) {
    if (index.wordStarts.has(at)) return true;
  }
  return false;
}
