/**
 * Syllables of a Spanish word, by the Real Academia Española's rules for
 * vowel sequences (Ortografía de la lengua española, 2010; Diccionario
 * panhispánico de dudas, entries "diptongo", "triptongo", "hiato"). A
 * syllable is a vowel nucleus, so counting syllables is counting nuclei:
 *
 * - adjacent vowels share a syllable (diphthong, triphthong) unless they
 *   form a hiatus: two open vowels (a, e, o: `ca-er`, `a-é-re-o`), two equal
 *   closed vowels (`chi-i-ta`), or a stressed closed vowel (í, ú) beside an
 *   open one (`rí-o`, `pa-ís`, `ba-úl`); two different closed vowels are
 *   always a diphthong (`ciu-dad`, `je-suí-ti-co`);
 * - an `h` between vowels changes nothing (`ahu-mar`, `pro-hí-be`);
 * - `y` is a vowel at the end of a word after a vowel (`hoy`, `buey`,
 *   `Pa-ra-guay`) and as the word `y`, a consonant elsewhere (`ma-yo`);
 * - the `u` of `que`, `qui`, `gue`, `gui` is silent; as a closed vowel beside
 *   `e` or `i` it never adds a nucleus, so it needs no rule of its own.
 *
 * No well-kept Spanish syllable counter is on npm (the one there,
 * `silabea`, has one release, 1.0.0, and ships its test tools, chai and
 * mocha, as runtime dependencies): these rules are short enough to own, and
 * are tested against the Academy's examples.
 */

/** Open vowels, stressed or not: two of them side by side are a hiatus. */
const OPEN = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'à', 'è', 'ò']);
/** Closed vowels without a written accent. */
const CLOSED = new Set(['i', 'u', 'ü', 'ï']);
/** Closed vowels with a written accent: stressed, so a hiatus beside an open vowel. */
const STRESSED_CLOSED = new Set(['í', 'ú']);

function isVowel(letter: string): boolean {
  return OPEN.has(letter) || CLOSED.has(letter) || STRESSED_CLOSED.has(letter);
}

/** The base closed vowel (`í` → `i`), for the "equal closed vowels" rule. */
function closedBase(letter: string): string {
  return letter === 'í' || letter === 'ï' ? 'i' : letter === 'ú' || letter === 'ü' ? 'u' : letter;
}

/** Whether two adjacent vowels belong to different syllables. */
function isHiatus(first: string, second: string): boolean {
  if (OPEN.has(first) && OPEN.has(second)) return true;
  if (STRESSED_CLOSED.has(first) && OPEN.has(second)) return true;
  if (OPEN.has(first) && STRESSED_CLOSED.has(second)) return true;
  // Two closed vowels: a diphthong unless they are the same vowel (`chiita`).
  return !OPEN.has(first) && !OPEN.has(second) && closedBase(first) === closedBase(second);
}

/**
 * The letters of a word as vowels (`v`) or not, `y` resolved: a vowel when
 * it ends the word after a vowel, or is the whole word.
 */
function vowelLetters(word: string): string[] {
  const letters = [...word];
  return letters.map((letter, index) => {
    if (letter !== 'y') return letter;
    const last = index === letters.length - 1;
    if (letters.length === 1) return 'i';
    return last && index > 0 && isVowel(letters[index - 1]!) ? 'i' : 'y';
  });
}

/**
 * How many syllables a Spanish word has: at least 1 for a word with a
 * letter (an acronym without vowels, `TC`, is read as one unit here), 0 for
 * a token without letters.
 */
export function spanishSyllables(word: string): number {
  const lower = word.normalize('NFC').toLowerCase();
  if (!/\p{L}/u.test(lower)) return 0;
  const letters = vowelLetters(lower.replace(/[^\p{L}]/gu, ''));
  let count = 0;
  let previous: string | undefined;
  for (let index = 0; index < letters.length; index += 1) {
    const letter = letters[index]!;
    if (letter === 'h' && previous !== undefined && isVowel(letters[index + 1] ?? '')) {
      // A silent `h` between vowels: the next vowel still meets `previous`.
      continue;
    }
    if (!isVowel(letter)) {
      previous = undefined;
      continue;
    }
    if (previous === undefined || isHiatus(previous, letter)) count += 1;
    previous = letter;
  }
  return Math.max(count, 1);
}
