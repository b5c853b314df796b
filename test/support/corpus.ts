/**
 * Inputs shared by the differential tests: a seeded PRNG, the annotations
 * they insert, and real Docusaurus MDX (the Redux docs in
 * `../shared/corpora`) with annotations inserted between top-level blocks.
 */
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {parseMarkdown} from '../../plugins/docusaurus-plugin-roles/src/parse/parser.js';
import {documentArbitrary} from './documents.js';

/** Real Docusaurus MDX: the Redux docs. */
export const REDUX = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'redux-docs');

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

/** A Redux doc with annotations inserted between some top-level blocks. */
export function annotate(source: string, next: () => number): string {
  const tree = parseMarkdown(source);
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
 * the fuzzing generator (valid, invalid and unparsable MDX) and `redux`
 * pages of the Redux docs, most with annotations inserted. Deterministic.
 */
export function siteDocuments(seed: number, generated: number, redux: number): Map<string, string> {
  const documents = new Map<string, string>();
  fc.sample(documentArbitrary, {numRuns: generated, seed}).forEach((content, index) => {
    documents.set(`generated/doc-${String(index).padStart(3, '0')}.mdx`, content);
  });
  const next = random(seed);
  const names = (readdirSync(REDUX, {recursive: true}) as string[]).filter((name) => /\.mdx?$/.test(name)).sort();
  for (const name of names.slice(0, redux)) {
    const source = readFileSync(path.join(REDUX, name), 'utf8');
    documents.set(`redux/${name}`, next() < 0.8 ? annotate(source, next) : source);
  }
  return documents;
}
