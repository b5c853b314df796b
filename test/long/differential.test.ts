/**
 * Differential test: the aggregator's fast path (skip files without `:role`,
 * reuse unchanged files) must find exactly what the pages show.
 *
 * The reference is Docusaurus's own MDX compile (`@docusaurus/mdx-loader`,
 * preprocessing included) with `remarkRoles` in its remark plugins, as a
 * site runs it (`support/reference.ts`): lines, ids, roles, areas, titles
 * and text of every valid annotation, and every problem.
 * Inputs: the Redux docs (real Docusaurus MDX, `../shared/corpora`) with
 * annotations inserted between top-level blocks, and again with annotations
 * everywhere (inside JSX wrappers and admonitions, right after headings,
 * imports and expressions), the benchmark's generated
 * docs (`bench/lib/corpus.mjs`), and documents made of tricky snippets:
 * every kind of fence, nested directives, JSX, expressions, comments,
 * lists, block quotes, CRLF and byte-order marks.
 */
import {mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {RolesAggregator, type DocSource} from '../../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/src/options.js';
import {parseMarkdown} from '../../plugins/docusaurus-plugin-roles/src/parse/parser.js';
import {planRolesOnly} from '../../plugins/docusaurus-plugin-roles/src/parse/shortcut.js';
import {DEFAULT_ADMONITION_KEYWORDS} from '../../plugins/docusaurus-plugin-roles/src/parse/page-tree.js';
import {aggregatorSettings, annotationKey, compilePage} from '../support/reference.js';
import {ANNOTATIONS, annotate, random} from '../support/corpus.js';
// The benchmark's corpus generator (plain JavaScript, typed loosely).
import {generateDoc} from '../../bench/lib/corpus.mjs';

const loaderUtils = createRequire(import.meta.url)('@docusaurus/utils') as typeof import('@docusaurus/utils');

const repo = path.resolve(import.meta.dirname, '..', '..');
const corpus = path.join(repo, '..', 'shared', 'corpora', 'redux-docs');
const workDir = path.join(repo, 'test', '.tmp', 'differential');

/**
 * What both paths must agree on, per file, in document order: each valid
 * annotation as `line|id|roles|area|title|sectionId|sectionTitle`, and the
 * problems.
 */
type Seen = {valid: string[]; problems: string[]};

// ---------------------------------------------------------------- inputs

const SNIPPETS = [
  ...ANNOTATIONS,
  '```md\n:::role[In code]{of=pharmacist}\n:::\n```',
  '````md\n```\n:::role[Nested fence]{of=pharmacist}\n```\n````',
  '~~~\n:::role[Tilde fence]{of=pharmacist}\n~~~',
  '```\nunclosed-looking ``` text\n:::role[Still code]{of=pharmacist}\n```',
  'Inline `:::role[x]{of=pharmacist}` code and ``:::role`` too.',
  '<!-- :::role[Commented]{of=pharmacist} -->',
  '{/* :::role[In an expression]{of=pharmacist} */}',
  'An expression {1 + 1} and <abbr title="x">JSX</abbr> inline.',
  '::::role[Outer duty]{of=radiologist area=imaging}\nOuter body.\n\n:::note\nInner note.\n:::\n::::',
  '::::note[Around]\n:::role[Inside a note]{of=technologist}\nBody.\n:::\n::::',
  '- item\n\n  :::role[In a list]{of=radiologist}\n  Body.\n  :::',
  '> :::role[In a quote]{of=technologist}\n> Body.\n> :::',
  '<div>\n\n:::role[In JSX]{of=radiologist area=reporting}\nBody.\n:::\n\n</div>',
  '<details>\n<summary>More</summary>\n\n:::role[In details]{of=technologist}\nX.\n:::\n\n</details>',
  '```mdx-code-block\n:::role[Unwrapped block]{of=radiologist}\nLive.\n:::\n```',
  '## Same title\n\n:::role[Same title]{of=radiologist}\nX.\n:::',
  '## Heading {#custom-heading}\n\n:::role[Custom heading]{of=radiologist}\nX.\n:::',
  '## Total {1 + 1}\n\n:::role[Total]{of=radiologist}\nX.\n:::',
  '## Commented id {/* #comment-id */}\n\n:::role[Commented id]{of=technologist}\nX.\n:::',
  '## <abbr>HTML</abbr> in a heading <!-- #html-id -->\n\n:::role[Abbr]{of=radiologist}\nX.\n:::',
  ':::role Malformed title\nText.\n:::',
  '::role[Leaf]{of=technologist}',
  'A colon then role: not a directive, and time:13:00 neither.',
  '| a | b |\n| - | - |\n| :::role | x |',
  ':::role[Héllo wörld 漢字]{of=technologist area=general}\nNon-ASCII.\n:::',
  ':::role{of=radiologist}\n:::',
  // Headings, nested or not: each annotation's section is the nearest one above.
  '- ## Heading in a list\n\n  :::role[Under a listed heading]{of=radiologist area=imaging}\n  Body.\n  :::',
  '> ## Quoted heading',
  ':::note\n## Heading in a note\n:::',
  '<div>\n\n## Heading in JSX\n\n</div>',
  '### Level *three* with `code`',
  '::::role[Holds a heading]{of=technologist area=reporting}\nBody.\n\n## Heading in a duty\n::::',
  '# A second page title',
];

/** A generated document of 3 to 8 snippets, sometimes with front matter, BOM or CRLF. */
function trickyDoc(next: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const parts = Array.from({length: 3 + Math.floor(next() * 6)}, () => pick(SNIPPETS));
  let text = `${next() < 0.5 ? '---\ntitle: Generated\n---\n\n' : ''}# Generated\n\n${parts.join('\n\n')}\n`;
  if (next() < 0.25) text = text.replace(/\n/g, '\r\n');
  if (next() < 0.15) text = `\uFEFF${text}`;
  return text;
}

/**
 * A Redux doc with annotations in many places a real author puts them: between
 * top-level blocks, between the blocks inside JSX wrappers
 * (`<DetailedExplanation>`, `<div>`) and admonitions, right after a heading
 * (no blank line), after imports and exports, after expressions and
 * comments. Every doc gets at least one.
 */
function annotateEverywhere(source: string, next: () => number): string {
  const tree = parseMarkdown(source);
  /** Where an annotation goes, and what separates it from the text before it. */
  const places: Array<{offset: number; before: string}> = [];
  const pick = (offset: number | undefined, before: string, chance: number) => {
    if (offset !== undefined && next() < chance) places.push({offset, before});
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    pick(node.position?.start.offset, '', 0.3);
    // Right after a heading, on the next line; after ESM (which runs on to
    // a blank line) and expressions, after a blank line.
    if (node.type === 'heading') pick(node.position?.end.offset, '\n', 0.5);
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') pick(node.position?.end.offset, '\n\n', 0.5);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'containerDirective') {
      for (const child of node.children) pick(child.position?.start.offset, '', 0.4);
    }
  }
  if (places.length === 0) places.push({offset: source.length, before: '\n\n'});
  let text = source;
  for (const {offset, before} of places.sort((a, b) => b.offset - a.offset)) {
    const annotation = ANNOTATIONS[Math.floor(next() * ANNOTATIONS.length)]!;
    text = before
      ? `${text.slice(0, offset)}${before}${annotation}${text.slice(offset)}`
      : `${text.slice(0, offset)}${annotation}\n\n${text.slice(offset)}`;
  }
  return text;
}

/** The MDX loader's string transformations (Docusaurus's defaults), which the aggregator plans after. */
function prepareLikeTheLoader(content: string): string {
  const {unwrapMdxCodeBlocks, escapeMarkdownHeadingIds, admonitionTitleToDirectiveLabel} = loaderUtils;
  return admonitionTitleToDirectiveLabel(escapeMarkdownHeadingIds(unwrapMdxCodeBlocks(content)), [...DEFAULT_ADMONITION_KEYWORDS]);
}

// ------------------------------------------------------------- reference

/** Compile every file as a Docusaurus site would (see `support/reference.ts`). */
async function compileReference(files: readonly string[]): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  for (const filePath of files) {
    const page = await compilePage(filePath, readFileSync(filePath, 'utf8'));
    expect(page.error, `${filePath} compiles`).toBeUndefined();
    seen.set(filePath, {valid: page.annotations, problems: page.problems});
  }
  return seen;
}

// ------------------------------------------------------------------ test

describe('fast aggregation agrees with the MDX compile', () => {
  const files: string[] = [];
  /** The Redux docs annotated everywhere. */
  const everywhere: string[] = [];

  beforeAll(() => {
    rmSync(workDir, {recursive: true, force: true});
    mkdirSync(workDir, {recursive: true});
    const next = random(20261126);
    for (const name of readdirSync(corpus, {recursive: true}) as string[]) {
      if (!/\.mdx?$/.test(name)) continue;
      const target = path.join(workDir, 'redux', name);
      mkdirSync(path.dirname(target), {recursive: true});
      // Half the files stay untouched, so the skip path is exercised too.
      const source = readFileSync(path.join(corpus, name), 'utf8');
      writeFileSync(target, next() < 0.5 ? annotate(source, next) : source);
      files.push(target);
    }
    // Every Redux doc again, annotated everywhere: the shortcut must follow
    // real long pages (JSX, imports, admonitions, code) and stay exact.
    for (const name of readdirSync(corpus, {recursive: true}) as string[]) {
      if (!/\.mdx?$/.test(name) || name === 'LICENSE.md') continue;
      const target = path.join(workDir, 'redux-everywhere', name);
      mkdirSync(path.dirname(target), {recursive: true});
      writeFileSync(target, annotateEverywhere(readFileSync(path.join(corpus, name), 'utf8'), next));
      files.push(target);
      everywhere.push(target);
    }
    for (let index = 0; index < 300; index += 1) {
      const {relPath, content} = generateDoc(42, index) as {relPath: string; content: string};
      const target = path.join(workDir, 'bench', relPath);
      mkdirSync(path.dirname(target), {recursive: true});
      writeFileSync(target, content);
      files.push(target);
    }
    for (let index = 0; index < 120; index += 1) {
      const target = path.join(workDir, 'tricky', `doc-${String(index).padStart(3, '0')}.mdx`);
      mkdirSync(path.dirname(target), {recursive: true});
      writeFileSync(target, trickyDoc(next));
      files.push(target);
    }
  });

  function sources(): DocSource[] {
    return files.map((filePath) => ({
      filePath,
      source: path.relative(workDir, filePath),
      permalink: `/${path.relative(workDir, filePath).replace(/\.mdx?$/, '')}`,
      kind: 'docs',
      pluginId: 'default',
      version: 'current',
      format: 'mdx',
      pageTitle: path.basename(filePath),
      pagePosition: 1,
      categories: [],
    }));
  }

  async function expectAgreement(aggregator: RolesAggregator): Promise<{entries: number; fast: number}> {
    const reference = await compileReference(files);
    const result = await aggregator.run(sources());
    const fast = new Map<string, Seen>(files.map((filePath) => [filePath, {valid: [], problems: []}]));
    const byPermalink = new Map(sources().map((doc) => [doc.permalink, doc.filePath]));
    for (const entry of result.entries) fast.get(byPermalink.get(entry.permalink)!)!.valid.push(annotationKey(entry));
    for (const {file, line, column, reason, ruleId} of result.problems) {
      expect(ruleId, `${file}: ${reason}`).not.toBe('unparsable');
      fast.get(path.join(workDir, file))!.problems.push(`${line}:${column}: ${reason}`);
    }
    for (const filePath of files) {
      expect(fast.get(filePath), path.relative(workDir, filePath)).toEqual(reference.get(filePath));
    }
    return {entries: result.entries.length, fast: result.stats.fast};
  }

  it('on the Redux docs and generated tricky documents, cold and after edits', async () => {
    const aggregator = new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings());
    const {entries, fast} = await expectAgreement(aggregator);
    expect(entries).toBeGreaterThan(500);
    // The shortcut must be exercised, not only the fallback.
    expect(fast).toBeGreaterThan(100);
    // And on real long pages: most annotated Redux docs take it.
    const prepared = everywhere.map((filePath) => prepareLikeTheLoader(readFileSync(filePath, 'utf8')));
    expect(prepared.filter((content) => planRolesOnly(content) !== undefined).length).toBeGreaterThan(everywhere.length * 0.8);

    // Edit some files (one gains its first annotation, one loses all), then
    // compare again: the reused results must still be right.
    const next = random(7);
    for (const filePath of files.filter(() => next() < 0.1)) {
      const text = readFileSync(filePath, 'utf8');
      writeFileSync(filePath, text.includes(':::role') ? text.replaceAll(':::role', ':::note') : `${text}\n\n${ANNOTATIONS[0]}\n`);
    }
    await expectAgreement(aggregator);
  });
});
