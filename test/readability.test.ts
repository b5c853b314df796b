/**
 * The reading-level check's parts, against published examples:
 *
 * - the Flesch–Kincaid grade on the example of Wikipedia's "Flesch–Kincaid
 *   readability tests" article, also the `flesch-kincaid` package's: "The
 *   Australian platypus is seemingly a hybrid of a mammal and reptilian
 *   creature." (1 sentence, 13 words, 26 syllables: grade 13.08);
 * - Szigriszt-Pazos's perspicuity formula as published (Szigriszt Pazos,
 *   Sistemas predictivos de legibilidad del mensaje escrito, thesis, 1993:
 *   206.835 − 62.3 × S/P − P/F) and the INFLESZ bands of Barrio-Cantalejo et
 *   al., "Validación de la Escala INFLESZ para evaluar la legibilidad de los
 *   textos dirigidos a pacientes", An Sist Sanit Navar 2008;31(2):135–152;
 * - Spanish syllables on the examples of the Real Academia Española's
 *   Diccionario panhispánico de dudas (2005), entries "diptongo",
 *   "triptongo" and "hiato", and its Ortografía (2010) on `h` and `y`;
 * - the tokenizer on arbitrary author text (property-based).
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  createWordList,
  readabilityLanguage,
  scoreText,
} from '../plugins/docusaurus-plugin-roles/src/core/readability/index.js';
import {fleschKincaidGrade, infleszLevel, szigrisztPazos} from '../plugins/docusaurus-plugin-roles/src/core/readability/formulas.js';
import {spanishSyllables} from '../plugins/docusaurus-plugin-roles/src/core/readability/spanish-syllables.js';

const PLATYPUS = 'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.';

describe('Flesch–Kincaid grade (English)', () => {
  it('gives the published grade on the published counts', () => {
    expect(fleschKincaidGrade({sentence: 1, word: 13, syllable: 26})).toBeCloseTo(13.08, 2);
  });

  it('counts the published sentence as published: 13 words, 26 syllables, grade 13.08', () => {
    const {sentences, score} = scoreText(PLATYPUS, 'en');
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatchObject({text: PLATYPUS, words: 13, syllables: 26});
    expect(sentences[0]!.score).toBeCloseTo(13.08, 2);
    expect(score).toBeCloseTo(13.08, 2);
  });

  it('keeps abbreviations, hyphenated words and decimals inside their sentence', () => {
    const {sentences} = scoreText('Dr. Smith reads the C-arm images, e.g. the 2.5 second runs. You go home.', 'en');
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Dr. Smith reads the C-arm images, e.g. the 2.5 second runs.',
      'You go home.',
    ]);
    // Dr., Smith, reads, the, C-arm, images, e.g., the, 2.5, second, runs.
    expect(sentences[0]!.words).toBe(11);
  });

  it('scores the whole text on all its sentences, and leaves short sentences unscored', () => {
    const {sentences, score} = scoreText('You lie still. The technologist takes the pictures.', 'en', {minWords: 4});
    expect(sentences.map((sentence) => sentence.score === null)).toEqual([true, false]);
    // 2 sentences, 8 words, 12 syllables (tech-nol-o-gist, pic-tures).
    expect(score).toBeCloseTo(0.39 * 4 + 11.8 * (12 / 8) - 15.59, 6);
  });
});

describe('Szigriszt-Pazos perspicuity on the INFLESZ scale (Spanish)', () => {
  it('is the published formula', () => {
    // 100 words, 180 syllables, 5 sentences: 206.835 − 62.3 × 1.8 − 20.
    expect(szigrisztPazos({sentence: 5, word: 100, syllable: 180})).toBeCloseTo(74.695, 6);
  });

  it('reads scores in the INFLESZ bands, each including its lower bound', () => {
    expect([39.9, 40, 54.9, 55, 64.9, 65, 79.9, 80].map(infleszLevel)).toEqual([
      'very difficult',
      'somewhat difficult',
      'somewhat difficult',
      'normal',
      'normal',
      'fairly easy',
      'fairly easy',
      'very easy',
    ]);
  });

  it('scores a Spanish sentence with hand-counted syllables', () => {
    // la(1) ra-dió-lo-ga(4) in-ter-pre-ta(4) la(1) re-so-nan-cia(4) mag-né-ti-ca(4): 6 words, 18 syllables.
    const {sentences} = scoreText('La radióloga interpreta la resonancia magnética.', 'es');
    expect(sentences[0]).toMatchObject({words: 6, syllables: 18});
    expect(sentences[0]!.score).toBeCloseTo(206.835 - 62.3 * 3 - 6, 6);
  });

  it('keeps a Spanish abbreviation inside its sentence', () => {
    const {sentences} = scoreText('El Dr. García lee las imágenes. ¿Le duele?', 'es');
    expect(sentences.map((sentence) => sentence.text)).toEqual(['El Dr. García lee las imágenes.', '¿Le duele?']);
  });
});

describe('Spanish syllables (RAE examples)', () => {
  // Each word hyphenated as the Academy divides it.
  const examples = [
    // Diphthongs: open + unstressed closed, closed + open, two different closed vowels.
    'vien-to', 'a-cei-te', 'cau-sa', 'sua-ve', 'hue-ve-ra', 'au-la', 'cua-dro', 'can-táis', 'pei-ne',
    'an-droi-de', 'jus-ti-cia', 'cie-lo', 'fun-ción', 'ciu-dad', 'des-cui-do', 'va-cuo', 'je-suí-ti-co',
    // Triphthongs.
    'buey', 'miau', 'guau', 'a-mor-ti-guáis', 'es-tu-diáis',
    // Hiatus: equal vowels, two open vowels, stressed closed vowel beside an open one.
    'chi-i-ta', 'du-un-vi-ro', 'le-er', 'ca-en', 'te-a-tro', 'hé-ro-e', 'co-ar-ta-da', 'pe-tró-le-o',
    'a-é-re-o', 'ca-í-mos', 'dí-a', 'a-ú-llan', 'pú-a', 're-ís', 'rí-o', 'pa-ís', 'ba-úl', 'sa-lí-ais',
    // A silent h between vowels changes nothing; y is a vowel at the end of a word.
    'ahu-mar', 'pro-hí-ben', 'bú-ho', 'hoy', 'muy', 'rey', 'Pa-ra-guay', 'ma-yo', 'y',
    // Silent u of qu, gu; pronounced ü.
    'que-so', 'gui-so', 'pin-güi-no',
  ];
  it.each(examples)('%s', (hyphenated) => {
    expect(spanishSyllables(hyphenated.replaceAll('-', ''))).toBe(hyphenated.split('-').length);
  });

  it('counts a word without letters as none and a vowelless acronym as one', () => {
    expect(spanishSyllables('2025')).toBe(0);
    expect(spanishSyllables('TC')).toBe(1);
  });
});

describe('the site word list', () => {
  const list = createWordList(['fluoroscopy', 'C-arm', 'spinal cord stimulator']);

  it('counts a listed word or phrase as one word of one syllable, plurals and case included', () => {
    const plain = scoreText('Fluoroscopy guides the spinal cord stimulator.', 'en');
    const listed = scoreText('Fluoroscopy guides the spinal cord stimulator.', 'en', {words: list});
    expect(plain.sentences[0]).toMatchObject({words: 6});
    // fluoroscopy → 1 syllable, spinal cord stimulator → one word of 1 syllable.
    expect(listed.sentences[0]).toMatchObject({words: 4, syllables: 1 + 1 + 1 + 1});
    expect(scoreText('Two C-arms.', 'en', {words: list}).sentences[0]).toMatchObject({words: 2, syllables: 2});
  });

  it('matches whole words only', () => {
    expect(list.match(['spinal', 'cord'], 0)).toBe(0);
    expect(list.match(['fluoroscopic'], 0)).toBe(0);
  });
});

describe('the tokenizer on any author text', () => {
  it('never throws, and every sentence is text of the input with a word', () => {
    fc.assert(
      fc.property(
        fc.string({unit: fc.constantFrom('a', 'b', 'é', 'X', ' ', '.', '!', '?', '-', '2', ',', '\n', '¿', 'Dr', 'e.g.', '’'), maxLength: 80}),
        fc.constantFrom('en' as const, 'es' as const),
        (text, language) => {
          const {sentences, score} = scoreText(text, language);
          for (const sentence of sentences) {
            expect(sentence.words).toBeGreaterThan(0);
            expect(sentence.syllables).toBeGreaterThanOrEqual(sentence.words);
            expect(text.slice(sentence.offset)).toContain(sentence.text.slice(0, 1));
          }
          expect(score === null).toBe(sentences.length === 0);
        },
      ),
      {numRuns: 500},
    );
  });

  it('counts at least one syllable per Spanish word with a vowel, and no more than its vowels', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom(...'abcdeghilmnoqrstuyáéíóúü'), minLength: 1, maxLength: 12}), (word) => {
        const vowels = [...word].filter((letter) => 'aeiouáéíóúüy'.includes(letter)).length;
        const count = spanishSyllables(word);
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(Math.max(1, vowels));
      }),
    );
  });
});

describe('readabilityLanguage', () => {
  it('knows English and Spanish, by language tag, and nothing else', () => {
    expect(['en', 'en-GB', 'es', 'es-MX', 'fr', 'pt-BR'].map(readabilityLanguage)).toEqual(['en', 'en', 'es', 'es', undefined, undefined]);
  });
});
