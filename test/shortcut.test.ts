/**
 * The aggregator's shortcut (`parse/shortcut.ts`) must give exactly what a
 * full parse gives, for every document it accepts: the same annotations
 * (positions, ids, titles, text) and the same problems. A property over
 * generated documents, cheap enough for thousands of cases (no compile);
 * the fuzzing test then holds the whole aggregator to Docusaurus's compile.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {extractAnnotations} from '../plugins/docusaurus-plugin-roles/src/core/extract.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {DEFAULT_ADMONITION_KEYWORDS, toPageTree} from '../plugins/docusaurus-plugin-roles/src/parse/page-tree.js';
import {parseMarkdown} from '../plugins/docusaurus-plugin-roles/src/parse/parser.js';
import {parsePlans, planRolesOnly} from '../plugins/docusaurus-plugin-roles/src/parse/shortcut.js';
import type {Root} from 'mdast';
import {documentArbitrary} from './support/documents.js';

const config = toRolesConfig(DEFAULT_OPTIONS);
const pageTree = {admonitions: DEFAULT_ADMONITION_KEYWORDS, removeContentTitle: false, emoji: true, mermaid: false, maintainCase: false};

/** What the table takes from a tree. */
function decided(tree: Root) {
  const {annotations, messages} = extractAnnotations(toPageTree(tree, pageTree), config);
  return {
    annotations: annotations.map(({annotation, valid}) => ({...annotation, valid})),
    messages: messages.map((message) => `${message.line}:${message.column}: ${message.reason}`),
  };
}

/**
 * Real-world blocks the shortcut follows (and the ways they go wrong): JSX
 * wrappers and tags (one line, several lines, with attributes), expressions,
 * ESM, HTML comments, definitions and the text that only looks like one,
 * admonitions whose content nothing reads, lists, stray fences.
 */
const realWorld = fc.constantFrom(
  '<div>\n\n## Heading in JSX\n\n:::role[In JSX]{of=radiologist}\nBody.\n:::\n\n</div>',
  '<DetailedExplanation title="Why: it matters">\n\n:::role[Explained]{of=technologist}\nBody.\n:::\n\n</DetailedExplanation>',
  '<Tabs>\n<TabItem value="a">\n\nText.\n\n</TabItem>\n</Tabs>',
  '<Thing />',
  '<LiteYouTubeEmbed\n  id="abc"\n  title="A talk"\n/>',
  '<iframe class="x"src="https://example.org"></iframe>',
  '<div>\n```\n:::role[Fence in HTML]{of=pharmacist}\n```\n</div>',
  '<pre>\n\n:::role[In pre]{of=radiologist}\nBody.\n:::\n\n</pre>',
  '<div style={{a: 1}}>\n\ntext\n\n</div>',
  '<div style={{position: "relative", top: "5%"}}>\n\n:::role[In a styled div]{of=radiologist}\nBody.\n:::\n\n</div>',
  '<div a={"}"}>\n\n:::role[Brace in a string]{of=radiologist}\nBody.\n:::\n\n</div>',
  '<div a={"\\"{"}>x</div>',
  '<div a={`x}`}>x</div>',
  '<div a={{b: {c: 1}}}>x</div>',
  '<b>Bold</b> text and <br /> inline.',
  '{/* a comment */}',
  '{value}',
  '{1 + 1}',
  '{\n  multi\n}',
  '<!-- a comment -->',
  '<!--\n\n:::role[Commented out]{of=pharmacist}\n\n-->',
  "import Tabs from '@theme/Tabs';\nimport {a, b} from './x';",
  'export const value = 1;',
  'export const meta = {\n\n  a: 1,\n}',
  '[ref]: https://example.org',
  '[^1]: A footnote.',
  'See [ref] and [same title] and [^1].',
  'A `[x]: y` code span, not a definition.',
  '- [A link](https://example.org): in a list',
  ':::note[Inert]\nNothing here.\n:::',
  '::::tip\n:::role[In a tip]{of=radiologist}\nBody.\n:::\n::::',
  ':::note\n\n::::role[Closed by the note]{of=radiologist}\nbody\n:::\nafter\n::::',
  ':::',
  ':::note[Unclosed',
  '- one\n\n- two\n\n  ## Nested heading',
  '1. first\n\n   ```\n   :::role[Listed code]{of=pharmacist}\n\n```',
  '## Heading then a duty\n:::role[Right after]{of=technologist}\nBody.\n:::',
  '```js\ncode\n```\n:::role[After a fence]{of=radiologist}\nBody.\n:::',
  'Para\n:::role[Interrupts]{of=radiologist}\nBody.\n:::',
  // A no-break space is text, not white space: this is a setext heading.
  '\u00a0\n===',
  'Text\n\u00a0\n:::role[After a no-break space]{of=technologist}\nBody.\n:::',
);

/** Documents the shortcut often accepts: top-level blocks, blank lines between. */
const simpleDocument = fc
  .array(
    fc.oneof(
      realWorld,
      fc.constantFrom('# Title', '## Same title', '## Reads the images', '### Dose:Low', 'Plain text: a paragraph.', '- a list\n- of items', '> a quote', '---', 'Text\r## Same title', '---\ntitle: x\n--- ', '    ## Same title', '    ```', 'Same title\n    ---', '\t~~~'),
      fc.constantFrom('```\n:::role[In code]{of=pharmacist}\n```', '~~~md\ncode\n~~~', '````\n```\n:::\n```\n````'),
      fc
        .tuple(
          fc.constantFrom(':::', '::::'),
          fc.constantFrom('[Reads the images]', '[Same title]', '', '[Dose:Low]', '[<b>Bold</b>]'),
          fc.constantFrom('{of=radiologist}', '{of=technologist area=imaging}', '{of=pharmacist}', '{of=radiologist id=same-title}', '{area=imagng of=rad-tech}'),
          fc.constantFrom('Body.', 'Body with `code` and **bold**.', '```\ncode\n:::\n```', ':::note[Check]\nInner.\n:::', '## Heading in body', ''),
          fc.constantFrom('same', 'same', 'same', 'more', 'none'),
        )
        .map(([colons, label, attributes, body, close]) =>
          [`${colons}role${label}${attributes}`, body, close === 'none' ? '' : close === 'more' ? `${colons}:` : colons]
            .filter(Boolean)
            .join('\n'),
        ),
    ),
    {minLength: 1, maxLength: 8},
  )
  .map((blocks) => `${blocks.join('\n\n')}\n`);

/** Shapes the shortcut follows since it parses segments, each to be met in accepted documents. */
const FEATURES: Record<string, RegExp> = {
  'JSX wrapper': /^<(div|DetailedExplanation|Tabs)[ >]/m,
  'multi-line tag': /^<LiteYouTubeEmbed$/m,
  'inline JSX': /<b>Bold<\/b>/,
  expression: /^\{(\/\*|value)/m,
  ESM: /^(import|export) /m,
  'HTML comment': /^<!-- a comment -->/m,
  'text like a definition': /`\[x\]: y`/,
  'inert admonition': /^:::note\[Inert\]/m,
  'duty in an admonition': /^::::tip/m,
  'list items over blank lines': /^- one\n\n- two/m,
  'duty right after a heading': /^## Heading then a duty\n:::role/m,
  'duty right after a fence': /^```\n:::role\[After a fence\]/m,
  'no-break space line': /^\u00a0\n===/m,
  'expression attribute': /^<div style=\{\{position/m,
};

describe('the shortcut agrees with a full parse', () => {
  it('on simple and on arbitrary generated documents, alone and batched', () => {
    let accepted = 0;
    let total = 0;
    const hits: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc.array(fc.oneof(simpleDocument, documentArbitrary), {minLength: 1, maxLength: 6}),
        // The plan reads lines only: it must hold for every format and comment setting.
        fc.record({format: fc.constantFrom('mdx' as const, 'mdx' as const, 'md' as const), comments: fc.boolean()}),
        (documents, options) => {
          // The aggregator plans only documents that mention `:role`.
          const planned = documents.filter((content) => content.includes(':role')).map((content) => ({content, plan: planRolesOnly(content)}));
          const accepted_ = planned.filter((each) => each.plan !== undefined);
          const trees = parsePlans(accepted_.map((each) => each.plan!), options);
          accepted_.forEach(({content}, index) => {
            total += 1;
            const fast = trees[index];
            // `undefined` means "parse it whole": allowed, never wrong.
            if (!fast) return;
            accepted += 1;
            for (const [name, pattern] of Object.entries(FEATURES)) if (pattern.test(content)) hits[name] = (hits[name] ?? 0) + 1;
            let full: Root;
            try {
              full = parseMarkdown(content, options);
            } catch {
              throw new Error(`The shortcut accepted a document that does not parse:\n${content}`);
            }
            expect(decided(fast), content).toEqual(decided(full));
          });
        },
      ),
      {numRuns: Number(process.env.SHORTCUT_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261126)},
    );
    // The property must exercise the shortcut, not only its refusals, and
    // every widened rule on documents it accepts.
    expect(accepted).toBeGreaterThan(total / 3);
    for (const name of Object.keys(FEATURES)) expect(hits[name] ?? 0, name).toBeGreaterThan(0);
  });
});

describe('a container built around its body is the parsed container', () => {
  it('for every opening the plan reads itself, node for node, positions included', () => {
    let built = 0;
    const opening = fc
      .tuple(
        fc.constantFrom(':::', '::::'),
        fc.constantFrom('role', 'note', 'custom-name'),
        fc.constantFrom('', '[Reads the study]', "[Patient's consent, (if any)]", '[Héllo wörld 漢字 2.0]', '[X-ray/CT; why?]', '[a]'),
        fc.constantFrom('', '{}', '{of=radiologist}', '{of="radiologist technologist" area=imaging}', "{of='technologist' id=x-1}", '{area=patient-care of=rad-tech}'),
        fc.constantFrom('', ' ', '\t'),
      )
      .map((parts) => parts.join(''));
    const body = fc.constantFrom(
      'Body.',
      'Two lines\nof plain prose, (really).\n\nAnd a second paragraph; why not?',
      '1. Not plain: a list',
      'Visit www.example.org today.',
      'Ends with two spaces  \nthen a break.',
      'Writes the **report**.\n\n- one\n- two',
      '\nAfter a blank line.\n',
      '## A heading\n\nText with `code`.',
      '```\n:::\n```',
      ':::note[Inner]\nInner.\n:::',
      '---\nA thematic break first.',
      '<b>JSX</b> and {1 + 1}.',
    );
    fc.assert(
      fc.property(opening, body, fc.constantFrom('', '  '), fc.constantFrom('mdx' as const, 'md' as const), fc.constantFrom('\n', '\r\n', '\r'), (open, inside, trailing, format, eol) => {
        const content = `# Title\n\n${open}\n${inside}\n${open.match(/^:+/)![0]}${trailing}\n\nAfter.\n`.replace(/\n/g, eol);
        const plan = planRolesOnly(content);
        // Not planned, or not taken (parse it whole): allowed, never wrong.
        const [fast] = plan ? parsePlans([plan], {format, comments: true}) : [];
        if (!fast) return;
        if (plan!.pieces.some((piece) => piece.opening)) built += 1;
        const full = parseMarkdown(content, {format, comments: true});
        // Each node of the fast tree is the parsed one, the role container among them
        // (an admonition whose content nothing reads is only checked, not kept).
        for (const node of fast!.children) {
          expect(node, content).toEqual(full.children.find((each) => each.position!.start.offset === node.position!.start.offset));
        }
        if (/^:+role/.test(open)) expect(fast!.children.some((node) => node.type === 'containerDirective'), content).toBe(true);
      }),
      {numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261126)},
    );
    // The builder must be what produced most of those containers, not a parse.
    expect(built).toBeGreaterThan(100);
    expect(planRolesOnly(':::role[Reads]{of=radiologist}\nBody.\n:::\n')!.pieces).toEqual([{from: 1, to: 1, opening: {line: 0, close: 2}, plain: true}]);
    expect(planRolesOnly(':::role[Reads]{of=radiologist}\nThe **body**.\n:::\n')!.pieces).toEqual([{from: 1, to: 1, opening: {line: 0, close: 2}}]);
  });
});
