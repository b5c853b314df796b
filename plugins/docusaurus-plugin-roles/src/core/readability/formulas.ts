/**
 * The two readability formulas, on counts of sentences, words and syllables.
 *
 * - English: the Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers and
 *   Chissom, 1975), `0.39 × words/sentences + 11.8 × syllables/words − 15.59`,
 *   a US school grade: the NIH asks patient material at grade 8 or below.
 *   From the unified collective's `flesch-kincaid` package.
 * - Spanish: Szigriszt-Pazos's perspicuity (1993), Flesch's reading ease
 *   adapted to Spanish, `206.835 − 62.3 × syllables/words − words/sentences`,
 *   read on the INFLESZ scale that Barrio-Cantalejo et al. validated on texts
 *   for patients (An Sist Sanit Navar 2008;31(2):135–152): below 40 very
 *   difficult, 40–55 somewhat difficult, 55–65 normal, 65–80 fairly easy,
 *   80 and above very easy. Higher is easier, unlike a grade.
 */
import {fleschKincaid} from 'flesch-kincaid';

/** Counts of a text or a sentence. */
export interface ReadabilityCounts {
  sentence: number;
  word: number;
  syllable: number;
}

/** Flesch–Kincaid grade level of English text (higher is harder). */
export function fleschKincaidGrade(counts: ReadabilityCounts): number {
  const {sentence, word, syllable} = counts;
  return fleschKincaid({sentence, word, syllable});
}

/** Szigriszt-Pazos perspicuity of Spanish text (higher is easier). */
export function szigrisztPazos({sentence, word, syllable}: ReadabilityCounts): number {
  return 206.835 - (62.3 * syllable) / word - word / sentence;
}

/** The INFLESZ level of a perspicuity score (Barrio-Cantalejo et al., 2008). */
export type InfleszLevel = 'very difficult' | 'somewhat difficult' | 'normal' | 'fairly easy' | 'very easy';

/** The INFLESZ level a perspicuity score falls in (each band includes its lower bound). */
export function infleszLevel(score: number): InfleszLevel {
  if (score < 40) return 'very difficult';
  if (score < 55) return 'somewhat difficult';
  if (score < 65) return 'normal';
  if (score < 80) return 'fairly easy';
  return 'very easy';
}
