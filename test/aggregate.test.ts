/**
 * The aggregator on real files: entries in doc order, the same problems as
 * the pages, files without `:role` never parsed, unchanged files reused.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {RolesAggregator, type DocSource} from '../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {formatProblem, type Problem} from '../plugins/docusaurus-plugin-roles/src/core/problem.js';

/** Problems as the build prints them, those of one kind (`unparsable`) or of the others. */
function lines(problems: readonly Problem[], kind: 'unparsable' | 'annotations' = 'annotations'): string[] {
  return problems.filter((problem) => (problem.ruleId === 'unparsable') === (kind === 'unparsable')).map(formatProblem);
}

const config = toRolesConfig(DEFAULT_OPTIONS);
const markdown = {headingIds: true, comments: true};
let dir: string;

function doc(name: string, content: string, extra: Partial<DocSource> = {}): DocSource {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, content);
  return {
    filePath,
    source: `docs/${name}`,
    permalink: `/docs/${name.replace(/\.mdx?$/, '')}`,
    kind: 'docs',
    pluginId: 'default',
    version: 'current',
    format: 'mdx',
    pageTitle: name.replace(/\.mdx?$/, '').toUpperCase(),
    pagePosition: 1,
    categories: [],
    ...extra,
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roles-aggregate-'));
});

describe('RolesAggregator', () => {
  it('turns valid annotations into entries and formats problems with the source path', async () => {
    const docs = [
      doc('a.md', '---\ntitle: A\n---\n\n:::role[Captures the images]{of=rad-tech area=imaging}\nBody **text**.\n:::\n'),
      doc('b.md', '# B\n\n:::role[Prepares contrast]{of=pharmacist}\nNope.\n:::\n'),
      doc('c.md', '# No annotations here\n'),
    ];
    const result = await new RolesAggregator(config, markdown).run(docs);
    expect(result.entries).toEqual([
      {
        id: 'captures-the-images',
        roles: ['technologist'],
        area: 'imaging',
        title: 'Captures the images',
        text: 'Body text.',
        permalink: '/docs/a',
        source: 'docs/a.md',
        line: 5,
        kind: 'docs',
        pluginId: 'default',
        version: 'current',
        pageTitle: 'A',
        pagePosition: 1,
        categories: [],
        sectionId: null,
        sectionTitle: null,
        column: 1,
        citation: null,
        owner: null,
        reviewed: null,
        reviewDue: null,
        audience: ['patient', 'staff'],
        // Filled in site-wide, once every file is read (plugin/handoffs.ts).
        follows: [],
        handsTo: [],
      },
    ]);
    // Each file with annotations, for the handoffs: b.md's is invalid, so only its id.
    expect(result.pages.map(({doc: {source}, annotations, invalidIds}) => ({source, ids: annotations.map((a) => a.id), invalidIds}))).toEqual([
      {source: 'docs/a.md', ids: ['captures-the-images'], invalidIds: []},
      {source: 'docs/b.md', ids: [], invalidIds: ['prepares-contrast']},
    ]);
    expect(lines(result.problems)).toEqual([
      'docs/b.md:3:1: Unknown role `pharmacist`, expected one of: radiologist, technologist (aliases: radiographer, rad-tech)',
    ]);
    expect(result.stats).toEqual({files: 3, parsed: 2, fast: 2, threaded: 0, reused: 0, persisted: 0, skipped: 1});
  });

  it('places each entry on its page (title, reading position, categories) and in its section', async () => {
    const docs = [
      // The fast path parses only the blocks that hold annotations and headings.
      doc('simple.md', '# Simple\n\n:::role[Top]{of=radiologist}\nT.\n:::\n\n## First step\n\n:::role[One]{of=radiologist}\nO.\n:::\n\n### Detail *level*\n\n:::role[Two]{of=technologist}\nT.\n:::\n', {
        pageTitle: 'Simple page',
        pagePosition: 3,
        categories: ['Journey', 'Steps'],
      }),
      // A heading in a list, JSX around an annotation, an explicit id: the
      // fast path parses the blocks that hold them, same rules.
      doc('nested.mdx', '- ## In a list\n\n<div>\n\n:::role[Three]{of=radiologist}\nT.\n:::\n\n</div>\n\n## Explicit {#explicit}\n\n:::role[Four]{of=radiologist}\nF.\n:::\n', {pagePosition: 4}),
    ];
    const result = await new RolesAggregator(config, markdown).run(docs);
    expect(result.stats.fast).toBe(2);
    expect(
      result.entries.map(({title, pageTitle, pagePosition, categories, sectionId, sectionTitle}) => ({
        title,
        pageTitle,
        pagePosition,
        categories,
        sectionId,
        sectionTitle,
      })),
    ).toEqual([
      {title: 'Top', pageTitle: 'Simple page', pagePosition: 3, categories: ['Journey', 'Steps'], sectionId: null, sectionTitle: null},
      {title: 'One', pageTitle: 'Simple page', pagePosition: 3, categories: ['Journey', 'Steps'], sectionId: 'first-step', sectionTitle: 'First step'},
      {title: 'Two', pageTitle: 'Simple page', pagePosition: 3, categories: ['Journey', 'Steps'], sectionId: 'detail-level', sectionTitle: 'Detail level'},
      {title: 'Three', pageTitle: 'NESTED', pagePosition: 4, categories: [], sectionId: 'in-a-list', sectionTitle: 'In a list'},
      {title: 'Four', pageTitle: 'NESTED', pagePosition: 4, categories: [], sectionId: 'explicit', sectionTitle: 'Explicit'},
    ]);
  });

  it('reuses unchanged files and re-reads an edited one', async () => {
    const aggregator = new RolesAggregator(config, markdown);
    const docs = [
      doc('a.md', ':::role[One]{of=radiologist}\nA.\n:::\n'),
      doc('b.md', ':::role[Two]{of=technologist}\nB.\n:::\n'),
    ];
    await aggregator.run(docs);
    writeFileSync(docs[1]!.filePath, ':::role[Two, edited]{of=technologist}\nB.\n:::\n');
    const second = await aggregator.run(docs);
    expect(second.stats).toEqual({files: 2, parsed: 1, fast: 1, threaded: 0, reused: 1, persisted: 0, skipped: 0});
    expect(second.entries.map((entry) => entry.title)).toEqual(['One', 'Two, edited']);

    // Written again with the same content (an editor's save, `touch`): read, not parsed.
    writeFileSync(docs[0]!.filePath, readFileSync(docs[0]!.filePath, 'utf8'));
    const third = await aggregator.run(docs);
    expect(third.stats).toEqual({files: 2, parsed: 0, fast: 0, threaded: 0, reused: 2, persisted: 0, skipped: 0});
    expect(third.entries).toEqual(second.entries);
  });

  it('parses as the MDX loader would: format, mdx-code-block, heading ids, preprocessor', async () => {
    const docs = [
      // In `md`, indented text is code: no annotation, no problem.
      doc('indented.md', '    :::role[Code]{of=pharmacist}\n    :::\n', {format: 'md'}),
      // Docusaurus unwraps mdx-code-block fences before compiling.
      doc('unwrapped.mdx', '```mdx-code-block\n:::role[Unwrapped]{of=radiologist}\nLive.\n:::\n```\n'),
      // `{#id}` headings are escaped, and their id taken, before parsing.
      doc('heading.mdx', '## Reads images {#reads-images}\n\n:::role[Reads images]{of=radiologist}\nR.\n:::\n'),
      doc('pre.md', 'PLACEHOLDER\n'),
    ];
    const aggregator = new RolesAggregator(config, {
      ...markdown,
      preprocessor: ({fileContent}) =>
        fileContent.replace('PLACEHOLDER', ':::role[From the preprocessor]{of=technologist}\nP.\n:::'),
    });
    const result = await aggregator.run(docs);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((entry) => `${entry.source} ${entry.id}`)).toEqual([
      'docs/unwrapped.mdx unwrapped',
      'docs/heading.mdx reads-images-1',
      'docs/pre.md from-the-preprocessor',
    ]);
  });

  it('reports an unparsable file instead of throwing (Docusaurus reports the MDX error itself)', async () => {
    const result = await new RolesAggregator(config, markdown).run([
      doc('broken.mdx', ':::role[Fine]{of=radiologist}\nA.\n:::\n\n<div>\n'),
    ]);
    expect(result.entries).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({file: 'docs/broken.mdx', ruleId: 'unparsable'});
    expect(lines(result.problems, 'unparsable')[0]).toMatch(/^docs\/broken\.mdx:\d+:\d+: /);
  });

  it('reports a broken document with its own path and line, and reads every other one', async () => {
    // 300 simple documents go through the fast path; the
    // broken one (attributes over two lines: an MDX expression that does not
    // parse) sits in the middle of a batch.
    const docs = Array.from({length: 300}, (_, index) =>
      doc(`d${index}.md`, `# Doc ${index}\n\n:::role[Duty ${index}]{of=radiologist}\nBody.\n:::\n`),
    );
    docs.splice(150, 0, doc('broken.md', '# Broken\n\nIntro.\n\n:::role{area=imaging\nof=radiologist}\nBody.\n:::\n'));
    const result = await new RolesAggregator(config, markdown).run(docs);
    expect(result.entries).toHaveLength(300);
    expect(lines(result.problems, 'unparsable')).toEqual([
      'docs/broken.md:5:21: Could not parse expression with acorn',
    ]);
  });

  it('reports a file the preprocessor fails on, and reads the others', async () => {
    const docs = [doc('a.md', 'BOOM :role'), doc('b.md', ':::role[Fine]{of=radiologist}\nB.\n:::\n')];
    const aggregator = new RolesAggregator(config, {
      ...markdown,
      preprocessor: ({fileContent}) => {
        if (fileContent.startsWith('BOOM')) throw new Error('no');
        return fileContent;
      },
    });
    const result = await aggregator.run(docs);
    expect(result.entries.map((entry) => entry.title)).toEqual(['Fine']);
    expect(lines(result.problems, 'unparsable')).toEqual(["docs/a.md:1:1: The site's markdown.preprocessor failed: no"]);
  });

  it('reports every one of 160,000 problems of one file (no spread into a call)', async () => {
    // 160,000 stray `:role` text directives: under the size limit, cheap to parse.
    const result = await new RolesAggregator(config, markdown).run([doc('strays.md', ':role '.repeat(160_000))]);
    expect(result.problems).toHaveLength(160_000);
    expect(formatProblem(result.problems.at(-1)!)).toMatch(/^docs\/strays\.md:1:959995: Unexpected text directive `:role`/);
  });

  it('reports a document above the size limit instead of parsing it', async () => {
    const duty = ':::role[Captures the images]{of=technologist}\nPositions the patient.\n:::\n\n';
    const big = duty.repeat(70_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    const result = await new RolesAggregator(config, markdown).run([doc('big.md', big), doc('small.md', duty.repeat(2))]);
    expect(lines(result.problems)).toEqual([
      `docs/big.md:1:1: Unexpected document of ${big.length.toLocaleString('en-US')} characters, expected at most 1,000,000: role annotations are not gathered from larger documents; split it into several pages`,
    ]);
    expect(result.entries.map((entry) => entry.source)).toEqual(['docs/small.md', 'docs/small.md']);
  });
});
