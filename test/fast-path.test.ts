/**
 * The aggregator's fast path (`parse/block-outline.ts` + `parse/fast-tree.ts`:
 * micromark's block parse says which top-level blocks matter, and only those
 * are parsed) must give exactly what a full parse gives: for every document,
 * the same annotations (positions, ids, titles, text, sections) and the same
 * problems; and where the full parse fails (invalid MDX), the fast path must
 * fail or step aside, never give a tree. A property over generated
 * documents, cheap enough for thousands of cases (no compile); the fuzzing
 * test then holds the whole aggregator to Docusaurus's compile.
 * `FAST_PATH_RUNS=20000 npx vitest run test/fast-path.test.ts` for a long run.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {extractAnnotations} from '../plugins/docusaurus-plugin-roles/src/core/extract.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {DEFAULT_ADMONITION_KEYWORDS} from '../plugins/docusaurus-plugin-roles/src/parse/format.js';
import {toPageTree} from '../plugins/docusaurus-plugin-roles/src/parse/page-tree.js';
import {outline} from '../plugins/docusaurus-plugin-roles/src/parse/block-outline.js';
import {fastTree} from '../plugins/docusaurus-plugin-roles/src/parse/fast-tree.js';
import {getSyntax, parseWith} from '../plugins/docusaurus-plugin-roles/src/parse/syntax.js';
import {loaderPreprocess, loaderRunnerText} from '../plugins/docusaurus-plugin-roles/src/parse/loader-input.js';
import type {Root} from 'mdast';
import {documentArbitrary} from './support/documents.js';

const config = toRolesConfig(DEFAULT_OPTIONS);

/** What the table takes from a tree. */
function decided(tree: Root, removeContentTitle: boolean) {
  const pageTree = {admonitions: DEFAULT_ADMONITION_KEYWORDS, removeContentTitle, emoji: true, mermaid: false, maintainCase: false};
  const {annotations, messages} = extractAnnotations(toPageTree(tree, pageTree), config);
  return {
    annotations: annotations.map(({annotation, valid}) => ({...annotation, valid})),
    messages: messages.map((message) => `${message.line}:${message.column}: ${message.reason}`),
  };
}

/** The fast path's tree, `undefined` when it steps aside, or `'threw'`. */
function fast(content: string, syntax: ReturnType<typeof getSyntax>): Root | undefined | 'threw' {
  // As the aggregator: a BOM left after the loader runner's is parsed whole.
  if (content.startsWith('\uFEFF')) return undefined;
  try {
    const found = outline(content, syntax);
    return found && fastTree(content, found, syntax);
  } catch {
    return 'threw';
  }
}

/**
 * Real-world blocks (and the ways they go wrong) (and the ways they go wrong): JSX
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

/** Documents of top-level blocks, blank lines between. */
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

/** Shapes the fast path must meet on documents it takes. */
const FEATURES: Record<string, RegExp> = {
  'JSX wrapper': /^<(div|DetailedExplanation|Tabs)[ >]/m,
  'multi-line tag': /^<LiteYouTubeEmbed$/m,
  'inline JSX': /<b>Bold<\/b>/,
  expression: /^\{(\/\*|value)/m,
  ESM: /^(import|export) /m,
  'HTML comment': /^<!-- a comment -->/m,
  definition: /^\[ref\]: /m,
  footnote: /^\[\^1\]: /m,
  'duty in an admonition': /^::::tip/m,
  'list items over blank lines': /^- one\n\n- two/m,
  'duty right after a heading': /^## Heading then a duty\n:::role/m,
  'no-break space line': /^\u00a0\n===/m,
  'expression attribute': /^<div style=\{\{position/m,
  BOM: /^\uFEFF/,
};

describe('the fast path agrees with a full parse', () => {
  it('on simple and on arbitrary generated documents', () => {
    let taken = 0;
    let total = 0;
    const hits: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc.oneof(simpleDocument, documentArbitrary),
        fc.record({
          format: fc.constantFrom('mdx' as const, 'mdx' as const, 'md' as const),
          comments: fc.boolean(),
          headingIds: fc.boolean(),
          removeContentTitle: fc.boolean(),
        }),
        (document, {format, comments, headingIds, removeContentTitle}) => {
          const content = loaderPreprocess({content: loaderRunnerText(document), admonitions: DEFAULT_ADMONITION_KEYWORDS}, {headingIds});
          const syntax = getSyntax(format, comments);
          total += 1;
          let full: Root | undefined;
          try {
            full = parseWith(content, syntax);
          } catch {
            // Invalid: the fast path must not give a tree.
          }
          const tree = fast(content, syntax);
          if (!full) {
            expect(tree === undefined || tree === 'threw', `a tree for a document that does not parse:\n${content}`).toBe(true);
            return;
          }
          expect(tree, `the fast path threw on a document that parses:\n${content}`).not.toBe('threw');
          if (tree === undefined || tree === 'threw') return;
          taken += 1;
          for (const [name, pattern] of Object.entries(FEATURES)) if (pattern.test(document)) hits[name] = (hits[name] ?? 0) + 1;
          expect(decided(tree, removeContentTitle), content).toEqual(decided(full, removeContentTitle));
        },
      ),
      {numRuns: Number(process.env.FAST_PATH_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261126)},
    );
    // The property must exercise the fast path, not only its refusals, on every shape.
    expect(taken).toBeGreaterThan(total / 2);
    for (const name of Object.keys(FEATURES)) expect(hits[name] ?? 0, name).toBeGreaterThan(0);
  });
});
