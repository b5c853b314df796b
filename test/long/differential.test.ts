/**
 * Differential test: the aggregator's fast path (skip files without `:role`,
 * reuse unchanged files) must find exactly what the pages show.
 *
 * The reference is Docusaurus's own MDX compile (`@docusaurus/mdx-loader`,
 * preprocessing included) with `remarkRoles` in its remark plugins, as a
 * site runs it (`support/reference.ts`): lines, ids, roles, areas, titles
 * and text of every valid annotation, and every problem.
 * Inputs: the real corpus (`support/real-corpus.ts`: Markdown that
 * installed packages ship, read as their sites would, and the Redux docs,
 * real Docusaurus MDX, where `../shared/corpora` exists) with annotations
 * inserted between top-level blocks, and again with annotations everywhere
 * (inside JSX wrappers and admonitions, right after headings, imports and
 * expressions); the packages' `.md` files again read as MDX (what a site
 * with the default `markdown.format` does with them: many are not valid
 * MDX, and the table must then report the page's own error); the
 * benchmark's generated docs (`bench/lib/corpus.mjs`), and documents made
 * of tricky snippets: every kind of fence, nested directives, JSX,
 * expressions, comments, lists, block quotes, CRLF and byte-order marks.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {RolesAggregator, type DocSource} from '../../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/src/options.js';
import {parseMarkdown} from '../../plugins/docusaurus-plugin-roles/src/parse/parser.js';
import {pageResults} from '../support/aggregate-one.js';
import {agrees} from '../support/agreement.js';
import {aggregatorSettings, compilePage, type PageResult} from '../support/reference.js';
import {ANNOTATIONS, annotate, random} from '../support/corpus.js';
import {discoverRealCorpus} from '../support/real-corpus.js';
// The benchmark's corpus generator (plain JavaScript, typed loosely).
import {generateDoc} from '../../bench/lib/corpus.mjs';

const repo = path.resolve(import.meta.dirname, '..', '..');
const workDir = path.join(repo, 'test', '.tmp', 'differential');
/** Package documents of the real corpus (the Redux docs, where present, come on top). */
const PACKAGE_DOCUMENTS = 150;

/** One input file: where it is written, how it is read, and whether its page must compile. */
interface Input {
  filePath: string;
  format: 'md' | 'mdx';
  /** Whether the page may fail to compile (a README read as MDX); the table must then report its error. */
  mayFail?: boolean;
}

// ---------------------------------------------------------------- inputs

/**
 * Whether a file is a partial (`_`-named, imported by pages): partials stay
 * as they are, since their annotations belong to the pages that render them,
 * which a compile of one file does not see (test/long/build-sites.test.ts
 * builds partials).
 */
function partial(name: string): boolean {
  return path.basename(name).startsWith('_');
}

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
function annotateEverywhere(source: string, next: () => number, format: 'md' | 'mdx'): string {
  const tree = parseMarkdown(source, {format});
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

// ------------------------------------------------------------- reference

/** Compile every file as a Docusaurus site would (see `support/reference.ts`). */
async function compileReference(files: readonly Input[]): Promise<Map<string, PageResult>> {
  const pages = new Map<string, PageResult>();
  for (const {filePath, format, mayFail} of files) {
    const page = await compilePage(filePath, readFileSync(filePath, 'utf8'), {format});
    if (!mayFail) expect(page.error, `${filePath} compiles`).toBeUndefined();
    pages.set(filePath, page);
  }
  return pages;
}

// ------------------------------------------------------------------ test

describe('fast aggregation agrees with the MDX compile', () => {
  const files: Input[] = [];
  /** The real docs annotated everywhere. */
  const everywhere: Input[] = [];
  const corpus = discoverRealCorpus({nodeModules: PACKAGE_DOCUMENTS});

  /** Write `content` at `relative` under the work folder, as an input read in `format`. */
  function add(relative: string, content: string, format: 'md' | 'mdx', mayFail = false): Input {
    const input = {filePath: path.join(workDir, relative), format, mayFail};
    mkdirSync(path.dirname(input.filePath), {recursive: true});
    writeFileSync(input.filePath, content);
    files.push(input);
    return input;
  }

  beforeAll(() => {
    rmSync(workDir, {recursive: true, force: true});
    mkdirSync(workDir, {recursive: true});
    console.log(
      `differential: ${corpus.documents.length} real documents (${corpus.documents.filter((doc) => doc.origin === 'redux-docs').length} Redux docs)` +
        corpus.missing.map((line) => `; not found: ${line}`).join(''),
    );
    const next = random(20261126);
    for (const document of corpus.documents) {
      // Half the files stay untouched, so the skip path is exercised too.
      const source = readFileSync(document.filePath, 'utf8');
      const annotated = !partial(document.name) && next() < 0.5;
      add(path.join('real', document.name), annotated ? annotate(source, next, document.format) : source, document.format);
    }
    // Every real doc again, annotated everywhere: the fast path must follow
    // real long pages (JSX, imports, admonitions, code) and stay exact.
    for (const document of corpus.documents) {
      if (document.name.endsWith('/LICENSE.md')) continue;
      const source = readFileSync(document.filePath, 'utf8');
      if (partial(document.name)) add(path.join('everywhere', document.name), source, document.format);
      else everywhere.push(add(path.join('everywhere', document.name), annotateEverywhere(source, next, document.format), document.format));
    }
    // The packages' CommonMark read as MDX, annotated between its CommonMark
    // blocks: pages that do not compile must be reported at their error.
    for (const document of corpus.documents.filter((doc) => doc.format === 'md')) {
      add(path.join('as-mdx', document.name), annotate(readFileSync(document.filePath, 'utf8'), next, 'md'), 'mdx', true);
    }
    for (let index = 0; index < 300; index += 1) {
      const {relPath, content} = generateDoc(42, index) as {relPath: string; content: string};
      add(path.join('bench', relPath), content, 'mdx');
    }
    for (let index = 0; index < 120; index += 1) {
      add(path.join('tricky', `doc-${String(index).padStart(3, '0')}.mdx`), trickyDoc(next), 'mdx');
    }
  });

  function sources(): DocSource[] {
    return files.map(({filePath, format}) => ({
      filePath,
      source: path.relative(workDir, filePath),
      permalink: `/${path.relative(workDir, filePath).replace(/\.mdx?$/, '')}`,
      kind: 'docs',
      pluginId: 'default',
      version: 'current',
      format,
      pageTitle: path.basename(filePath),
      pagePosition: 1,
      categories: [],
    }));
  }

  async function expectAgreement(aggregator: RolesAggregator): Promise<{entries: number; fast: number; failing: number}> {
    const reference = await compileReference(files);
    const result = await aggregator.run(sources());
    const tables = pageResults(result, files.map(({filePath}) => path.relative(workDir, filePath)));
    for (const {filePath} of files) {
      const relative = path.relative(workDir, filePath);
      const page = reference.get(filePath)!;
      const table = tables.get(relative)!;
      // A page that does not compile (allowed only where `mayFail`, see compileReference): the agreement rule.
      // (A compile that failed after remarkRoles ran: what remarkRoles decided.)
      const {failedAfterRoles: _late, ...decided} = page;
      if (page.error === undefined) expect(table, relative).toEqual(decided);
      else expect(agrees(page, table, readFileSync(filePath, 'utf8')), `${relative}: ${JSON.stringify({page, table})}`).toBe(true);
    }
    const failing = files.filter(({filePath}) => reference.get(filePath)!.error !== undefined).length;
    return {entries: result.entries.length, fast: result.stats.fast, failing};
  }

  // About 2,000 compiles: 2 minutes on the idle 2-core machine, much more
  // when it is shared; the timeout only guards against a hang.
  it('on real documents and generated tricky documents, cold and after edits', {timeout: 1_800_000}, async () => {
    const aggregator = new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings());
    const {entries, fast, failing} = await expectAgreement(aggregator);
    expect(corpus.documents.length).toBeGreaterThanOrEqual(PACKAGE_DOCUMENTS);
    expect(entries).toBeGreaterThan(500);
    // The fast path must be exercised, not only the fallback.
    expect(fast).toBeGreaterThan(100);
    // Some READMEs are not valid MDX: the error path is compared too.
    expect(failing).toBeGreaterThan(10);
    // And on real long pages: most annotated real docs take it (measured:
    // all 85 annotated Redux docs and all 150 package docs; the retired
    // hand-written planner took 83 and 101).
    const planned = async (origin: string) => {
      const inputs = new Set(everywhere.filter(({filePath}) => filePath.includes(`${path.sep}${origin}${path.sep}`)).map(({filePath}) => filePath));
      const result = await new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings()).run(
        sources().filter((doc) => inputs.has(doc.filePath)),
      );
      return {taken: result.stats.fast, of: inputs.size};
    };
    const packages = await planned('node_modules');
    console.log(`differential: the fast path took ${packages.taken} of ${packages.of} package docs`);
    expect(packages.taken).toBeGreaterThan(packages.of * 0.5);
    const redux = await planned('redux-docs');
    console.log(`differential: the fast path took ${redux.taken} of ${redux.of} Redux docs`);
    expect(redux.taken).toBeGreaterThanOrEqual(redux.of * 0.8);

    // Edit some files (one gains its first annotation, one loses all), then
    // compare again: the reused results must still be right.
    const next = random(7);
    for (const {filePath} of files.filter(({filePath}) => next() < 0.1 && !partial(filePath))) {
      const text = readFileSync(filePath, 'utf8');
      writeFileSync(filePath, text.includes(':::role') ? text.replaceAll(':::role', ':::note') : `${text}\n\n${ANNOTATIONS[0]}\n`);
    }
    await expectAgreement(aggregator);
  });
});
