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

/** Documents the shortcut often accepts: top-level blocks, blank lines between. */
const simpleDocument = fc
  .array(
    fc.oneof(
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

describe('the shortcut agrees with a full parse', () => {
  it('on simple and on arbitrary generated documents, alone and batched', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(simpleDocument, documentArbitrary), {minLength: 1, maxLength: 6}), (documents) => {
        // The aggregator plans only documents that mention `:role`.
        const planned = documents.filter((content) => content.includes(':role')).map((content) => ({content, plan: planRolesOnly(content)}));
        const accepted_ = planned.filter((each) => each.plan !== undefined);
        const trees = parsePlans(accepted_.map((each) => each.plan!), {format: 'mdx', comments: true});
        accepted_.forEach(({content}, index) => {
          total += 1;
          const fast = trees[index];
          // `undefined` means "parse it whole": allowed, never wrong.
          if (!fast) return;
          accepted += 1;
          let full: Root;
          try {
            full = parseMarkdown(content);
          } catch {
            throw new Error(`The shortcut accepted a document that does not parse:\n${content}`);
          }
          expect(decided(fast), content).toEqual(decided(full));
        });
      }),
      {numRuns: Number(process.env.SHORTCUT_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261126)},
    );
    // The property must exercise the shortcut, not only its refusals.
    expect(accepted).toBeGreaterThan(total / 3);
  });
});
