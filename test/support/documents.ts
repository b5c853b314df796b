/**
 * fast-check generators of Markdown/MDX documents that mix role annotations
 * with everything that can change what they mean: fences (in lists, in
 * containers, unclosed, interrupted by a closing `:::`), JSX, expressions,
 * admonitions (bracketed, `:::note Title`, `{title=…}`), headings with
 * explicit ids (classic and comment), text directives (`Dose:Low`), emoji,
 * images, front matter, CRLF, BOM, tabs and non-ASCII text. Some documents
 * are invalid MDX on purpose: the aggregator must then report the page's own
 * error, never crash.
 *
 * Also the site settings a document is compiled with, since `markdown.*`
 * options change the compile.
 */
import fc from 'fast-check';
import type {SiteSettings} from './reference.js';


/** One of `choices`, each as often as its weight says. */
function weighted<T>(choices: ReadonlyArray<readonly [T, number]>): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([value, weight]) => ({arbitrary: fc.constant(value), weight})));
}

const WORDS = [
  'Reads', 'the', 'images', 'Captures', 'spine', 'Dose', 'Dose:Low', 'time:13:00', ':+1:', ':smile:',
  'Héllo', 'wörld', '漢字', 'señal', 'ça', '🙂', 'R&D', 'a*b', '`code`', '**bold**', '_em_', '\\{',
  '[link](https://example.org)', '![alt](./img.png)', '![remote](https://example.org/x.png)', '<abbr>X</abbr>',
  ':abbr[HTML]', ':name{a=b}', 'x:y', '::', 'Same title', 'Reads the images', '{1 + 1}', '{/* c */}',
  '\t', 'end.', 'First.', 'Second sentence.', '—', 'ü', '1.', '#', '>', '|',
  '\u00a0', 'zero\u200bwidth', 'e\u0301', 'مرحبا', '𝄞', '&amp;', '&#123;', '[^1]', '[text][ref]', '\\:::role[escaped]',
  '**:role[bold]{of=radiologist}**', '!!!', 'x  \ny', 'a\\\nb',
  // Math syntax, when a site lists remark-math (`settings.math`).
  '$D < 2$', '$5', '$10', '$x$', '$$', '$`a`$',
];

/** A run of words: the text of paragraphs, labels and headings. */
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), {minLength: min, maxLength: max}).map((list) => list.join(' '));

/** `{of=… area=… id=…}` in all the ways authors write (and mistype) it: mostly right. */
const attributes = fc
  .record({
    of: weighted([
      ['radiologist', 10],
      ['technologist', 10],
      ['rad-tech', 3],
      ['"radiologist technologist"', 4],
      ["'technologist radiologist'", 1],
      ['radiographer', 1],
      ['pharmacist', 1],
      ['Radiologist', 1],
      ['"radiologist pharmacist"', 1],
      ['', 1],
    ]),
    area: weighted([
      ['imaging', 6],
      ['interpretation', 4],
      ['patient-care', 3],
      ['radiation-safety', 3],
      ['reporting', 2],
      ['', 6],
      ['imagng', 1],
    ]),
    id: weighted([
      ['', 30],
      ['id=fixed', 2],
      ['#hash-id', 1],
      ['id=same-title', 2],
      ['id=reads-the-images', 2],
      ['id="R&D"', 1],
      ['id="has space"', 1],
      ['.cls', 1],
    ]),
    extra: weighted([
      ['', 30],
      ['of=radiologist', 1],
      ['role=x', 1],
      ['areas=imaging', 1],
    ]),
    // Mostly well formed; rarely broken in the ways that make invalid MDX.
    shape: weighted([
      ['normal', 200],
      ['none', 6],
      ['empty', 3],
      ['newline', 1],
      ['unclosed', 1],
      ['space-before', 2],
    ]),
  })
  .map(({of, area, id, extra, shape}) => {
    const parts = [of && `of=${of}`, area && `area=${area}`, id, extra].filter(Boolean);
    switch (shape) {
      case 'none':
        return '';
      case 'empty':
        return '{}';
      case 'newline':
        return `{${parts.join('\n')}}`;
      case 'unclosed':
        return `{${parts.join(' ')}`;
      case 'space-before':
        return ` {${parts.join(' ')}}`;
      default:
        return `{${parts.join(' ')}}`;
    }
  });

/** `[…]`, bracketed labels of every kind, or none. */
const label = fc.oneof(
  {weight: 30, arbitrary: fc.constant('')},
  {weight: 80, arbitrary: words(1, 4).map((text) => `[${text}]`)},
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      '[<strong>Reads the images</strong>]',
      '[<b>A</b> <i>B</i>]',
      '[{title}]',
      '[Dose:Low exposure]',
      '[]',
      '[a [nested] label]',
      '[Same title]',
      '[ spaced ]',
      '[!!!]',
      '[---]',
      '[Dose [link](https://example.org) :+1:]',
      '[`code` title]',
    ),
  },
  // Not a directive at all: a paragraph the extractor reports.
  {weight: 2, arbitrary: fc.constantFrom(' Malformed title', ' [Spaced label]')},
);

/** The opening line of a role directive: container, leaf or text, with its colons. */
const opening = (colons: number) =>
  fc
    .tuple(fc.constantFrom('role', 'role', 'role', 'Role', 'roles'), label, attributes)
    .map(([name, labelText, attrs]) => `${':'.repeat(colons)}${name}${labelText}${attrs}`);

/** One line of prose. */
const paragraph = words(1, 8);

const heading = fc
  .tuple(
    fc.integer({min: 1, max: 4}),
    words(1, 4),
    fc.constantFrom('', '', ' {#custom-id}', ' {#same-title}', ' {/* #comment-id */}', ' <!-- #html-id -->', ' {#id with space}', ' ##'),
  )
  .map(([depth, text, id]) => `${'#'.repeat(depth)} ${text}${id}`);

const setext = words(1, 3).map((text) => `${text}\n===`);

/** Fenced code, sometimes unclosed, sometimes holding a role directive. */
const code = fc
  .tuple(
    fc.constantFrom('```', '````', '~~~', '```md', '```mermaid', '``` mdx-code-block', '````mdx-code-block', '```js `x`'),
    fc.constantFrom(':::role[In code]{of=pharmacist}\n:::', 'const a = 1;', ':::', 'plain', '```', '## Not a heading'),
    fc.constantFrom('close', 'close', 'close', 'open', 'short'),
  )
  .map(([fence, body, end]) => {
    const marker = /^[`~]+/.exec(fence)![0];
    if (end === 'open') return `${fence}\n${body}`;
    if (end === 'short') return `${fence}\n${body}\n${marker.slice(1)}`;
    return `${fence}\n${body}\n${marker}`;
  });

const thematic = fc.constantFrom('---', '***', '___');
const table = fc.constantFrom('| a | b |\n| - | - |\n| :::role | x |', '| A |\n| --- |\n| Dose:Low |');
/** Reference definitions (links elsewhere become links) and footnotes. */
const definition = fc.constantFrom('[ref]: https://example.org', '[^1]: A footnote.', '[same title]: https://example.org "T"');
const esm = fc.constantFrom("import Thing from './thing';", 'export const value = 1;');
const expression = fc.constantFrom('{1 + 1}', '{/* :::role[Comment]{of=pharmacist} */}', '{value}');
const jsxLine = fc.constantFrom(
  '<Thing />',
  '<abbr title="x">JSX</abbr> inline.',
  '<br/>',
  // Tags over several lines, and attributes with no space between them.
  '<Embed\n  id="abc"\n  title="A talk"\n/>',
  '<iframe class="x"src="https://example.org"></iframe>',
  '<Embed\n\n  id="blank line inside"\n/>',
  '<div style={{a: 1}}>x</div>',
);
/** Text that only looks blank or plain: a no-break space line, an ordered-list-like line. */
const lookalike = fc.constantFrom('\u00a0', '\u00a0\n===', '2024. A year', 'www.example.org is a link');
const htmlComment = fc.constantFrom('<!-- :::role[Commented]{of=pharmacist} -->', '<!--\nmulti\n-->', 'Text <!-- c --> inline.');
/** Indented by 4 or more: MDX (no indented code) and CommonMark read these differently. */
const indented = fc.constantFrom('    ## Same title', '\t## Reads the images', '    ```', '    ~~~md', 'Same title\n    ---', '    :::', '      - item');
/** Broken on purpose: the page does not compile, the aggregator must say where. */
const invalid = fc.constantFrom('{', '<div>unclosed', 'a } b', '<Thing prop={1 +}>x</Thing>');

/** Indent every line of a block (list item continuation, or stray indentation). */
function indent(block: string, by: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? line : `${by}${line}`))
    .join('\n');
}

type Tie = {block: string};

/** Blocks, recursively: containers (role, admonition, list, quote, JSX) hold blocks. */
const {block} = fc.letrec<Tie>((tie) => {
  const inner = fc.array(tie('block'), {minLength: 0, maxLength: 3});
  const separator = weighted([['\n\n', 12], ['\n', 1]]);
  const joined = fc.tuple(inner, separator).map(([blocks, sep]) => blocks.join(sep));

  const role = fc
    .tuple(
      fc.integer({min: 3, max: 5}),
      joined,
      weighted([
        ['same', 20],
        ['spaces', 1],
        ['more', 2],
        ['fewer', 2],
        ['none', 2],
        ['indented', 1],
        ['text-after', 1],
      ]),
    )
    .chain(([colons, body, close]) =>
      opening(colons).map((open) => {
        const fence = ':'.repeat(colons);
        const closing = {
          same: fence,
          spaces: `${fence}  `,
          more: `${fence}:`,
          fewer: fence.slice(1),
          none: '',
          indented: `   ${fence}`,
          'text-after': `${fence} trailing`,
        }[close];
        return `${open}${body ? `\n${body}` : ''}${closing ? `\n${closing}` : ''}`;
      }),
    );

  const admonition = fc
    .tuple(
      fc.integer({min: 3, max: 5}),
      fc.constantFrom('note', 'warning', 'tip', 'danger', 'custom', 'details', 'role'),
      fc.constantFrom('', '[Check the dose]', '[<b>Bold</b> title]', ' Legacy title', '{title="Attr title"}', '[Dose:Low]'),
      joined,
    )
    .map(([colons, name, title, body]) => `${':'.repeat(colons)}${name}${title}\n${body}\n${':'.repeat(colons)}`);

  const list = fc
    .tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] '), paragraph, inner, fc.constantFrom('\n\n', '\n'))
    .map(([marker, first, rest, sep]) => {
      const pad = ' '.repeat(marker.length);
      return [`${marker}${first}`, ...rest.map((child) => indent(child, pad))].join(sep);
    });

  const quote = joined.map((body) => indent(body || 'quoted', '> ').replace(/^(?!> )/gm, '> '));

  const jsx = fc
    .tuple(fc.constantFrom('div', 'details', 'Tabs', 'DetailedExplanation title="Why: it matters"'), joined)
    .map(([tag, body]) => `<${tag}>\n\n${body}\n\n</${tag.split(' ')[0]}>`);

  const leaf = fc.tuple(label, attributes).map(([labelText, attrs]) => `::role${labelText}${attrs}`);
  const text = fc.tuple(paragraph, label, attributes).map(([before, labelText, attrs]) => `${before} :role${labelText}${attrs} after.`);

  return {
    // Past the depth limit, fast-check picks the first (a paragraph).
    block: fc.oneof(
      {maxDepth: 3, depthIdentifier: 'block'},
      {weight: 5, arbitrary: paragraph},
      {weight: 12, arbitrary: role},
      {weight: 3, arbitrary: heading},
      {weight: 2, arbitrary: code},
      {weight: 2, arbitrary: admonition},
      {weight: 2, arbitrary: list},
      {weight: 1, arbitrary: quote},
      {weight: 1, arbitrary: jsx},
      {weight: 1, arbitrary: leaf},
      {weight: 1, arbitrary: text},
      {weight: 1, arbitrary: setext},
      {weight: 1, arbitrary: thematic},
      {weight: 1, arbitrary: table},
      {weight: 1, arbitrary: definition},
      {weight: 1, arbitrary: indented},
      {weight: 1, arbitrary: fc.oneof(esm, expression, jsxLine, lookalike)},
      {weight: 1, arbitrary: fc.oneof({weight: 3, arbitrary: htmlComment}, {weight: 1, arbitrary: invalid})},
      {weight: 1, arbitrary: fc.constant('    :::role[Indented four]{of=radiologist}\n    Body.\n    :::')},
      {weight: 1, arbitrary: role.map((inner) => `$$\n${inner}\n$$`)},
    ),
  };
});

/** A whole document: front matter, blocks, and the byte-level variations. */
export const documentArbitrary: fc.Arbitrary<string> = fc
  .record({
    frontMatter: fc.constantFrom('', '', '---\ntitle: Generated\n---\n', '---\nunclosed: true\n', '+++\ntitle = "toml"\n+++\n'),
    blocks: fc.array(block, {minLength: 1, maxLength: 7}),
    separators: fc.array(weighted([['\n\n', 10], ['\n', 1], ['\n\n\n', 1]]), {minLength: 7, maxLength: 7}),
    lineEndings: weighted([
      ['lf', 6],
      ['crlf', 3],
      ['cr', 1],
      ['mixed', 1],
    ]),
    bom: fc.constantFrom(false, false, false, true),
    tabs: fc.constantFrom(false, false, false, true),
    trailingNewline: fc.boolean(),
  })
  .map(({frontMatter, blocks, separators, lineEndings, bom, tabs, trailingNewline}) => {
    let text = frontMatter + blocks.map((each, index) => (index === 0 ? each : `${separators[index - 1]}${each}`)).join('');
    if (trailingNewline) text += '\n';
    if (tabs) text = text.replace(/^ {2,4}/gm, '\t');
    if (lineEndings === 'crlf') text = text.replace(/\n/g, '\r\n');
    else if (lineEndings === 'cr') text = text.replace(/\n/g, '\r');
    else if (lineEndings === 'mixed') text = text.replace(/\n/g, (_, offset: number) => ['\r\n', '\r', '\n'][offset % 3]!);
    if (bom) text = `\uFEFF${text}`;
    return text;
  });

/** The site settings a generated site is compiled with. */
export const settingsArbitrary: fc.Arbitrary<SiteSettings> = fc.record({
  format: fc.constantFrom('mdx' as const, 'mdx' as const, 'mdx' as const, 'md' as const),
  mdx1Compat: fc.record({comments: fc.boolean(), admonitions: fc.boolean(), headingIds: fc.boolean()}),
  emoji: fc.constantFrom(true, true, false),
  mermaid: fc.constantFrom(false, false, true),
  maintainCase: fc.constantFrom(false, false, true),
  admonitions: weighted<SiteSettings['admonitions']>([
    [true, 8],
    [false, 1],
    [{keywords: ['custom']}, 1],
    [{keywords: ['custom', 'details'], extendDefaults: false}, 1],
  ]),
  removeContentTitle: weighted([
    [false, 4],
    [true, 1],
  ]),
  math: weighted<SiteSettings['math']>([
    [undefined, 6],
    ['before', 1],
    ['after', 1],
    ['beforeDefault', 1],
  ]),
});
