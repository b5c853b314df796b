/**
 * Inputs shared by the differential tests: a seeded PRNG, the annotations
 * they insert, and real Markdown (`real-corpus.ts`) with annotations
 * inserted between top-level blocks.
 */
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {parseMarkdown} from '../../plugins/docusaurus-plugin-roles/src/parse/parser.js';
import {documentArbitrary} from './documents.js';
import {packageMarkdown} from './real-corpus.js';

/** Small deterministic PRNG (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Annotations to insert: valid ones, an alias, an unknown role, an explicit id. */
export const ANNOTATIONS = [
  ':::role[Captures the images]{of=technologist area=imaging}\nPositions the patient.\n:::',
  ':::role[Reads the study]{of=radiologist area=interpretation}\nWrites the **report**.\n\n- one\n- two\n:::',
  ':::role{of="radiologist technologist" area=radiation-safety}\nKeeps dose low. Always.\n:::',
  ':::role[Asks about pregnancy]{of=rad-tech area=patient-care}\nBefore X-ray.\n:::',
  ':::role[Prepares contrast]{of=pharmacist}\nNot a role: reported, never listed.\n:::',
  ':::role[Fixed]{#fixed-id of=radiologist}\nExplicit id.\n:::',
];

/**
 * A real doc with annotations inserted between some of its top-level blocks
 * (as the `format` parser sees them: `md` for CommonMark, which any text
 * parses as).
 */
export function annotate(source: string, next: () => number, format: 'md' | 'mdx' = 'mdx'): string {
  const tree = parseMarkdown(source, {format});
  const offsets = tree.children
    .filter((node) => node.type !== 'yaml' && node.position)
    .map((node) => node.position!.start.offset!)
    .filter(() => next() < 0.3)
    .reverse();
  let text = source;
  for (const offset of offsets) {
    const annotation = ANNOTATIONS[Math.floor(next() * ANNOTATIONS.length)]!;
    text = `${text.slice(0, offset)}${annotation}\n\n${text.slice(offset)}`;
  }
  return text;
}

/**
 * A site's documents (relative path → content): `generated` documents from
 * the fuzzing generator (valid, invalid and unparsable MDX) and `real`
 * Markdown files that packages ship (`real/node_modules/…`, the same on
 * every machine), most with annotations inserted between their CommonMark
 * blocks; the site reads them all as MDX, so some do not compile.
 * Deterministic.
 */
export function siteDocuments(seed: number, generated: number, real: number): Map<string, string> {
  const documents = new Map<string, string>();
  fc.sample(documentArbitrary, {numRuns: generated, seed}).forEach((content, index) => {
    documents.set(`generated/doc-${String(index).padStart(3, '0')}.mdx`, content);
  });
  const next = random(seed);
  for (const {name, filePath} of packageMarkdown(real)) {
    const source = readFileSync(filePath, 'utf8');
    documents.set(`real/${name}`, next() < 0.8 ? annotate(source, next, 'md') : source);
  }
  return documents;
}
