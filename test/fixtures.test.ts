/**
 * Fixture tests: each folder of `test/fixtures/` is one case.
 *
 * - `input.md`: what an author wrote (byte-exact: CRLF and BOM cases too).
 * - `options.json` (optional): `{"format": "md"}` to parse as CommonMark,
 *   `"plugin": {…}` for the plugin's options (the default ones otherwise).
 * - Front matter is parsed as Docusaurus parses it (`DEFAULT_PARSE_FRONT_MATTER`)
 *   and handed to both paths as Docusaurus hands it: the MDX loader's
 *   `file.data.frontMatter`, the content plugins' `frontMatter`.
 * - `annotations.json`: what the extractor finds (the aggregator's path).
 * - `output.mdx`: the page after `remarkRoles`, in a standalone `remark`
 *   pipeline (the compile path).
 * - `messages.txt`: the problems, `line:column: reason [rule]`.
 *
 * Both paths must report the same messages. Run with `UPDATE_FIXTURES=1` to
 * write missing or changed expectations, then read the diff before committing.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {remark} from 'remark';
import type {Processor} from 'unified';
import remarkMdx from 'remark-mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import {mdxToMarkdown} from 'mdast-util-mdx';
import {remarkRoles} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import {extractAnnotations} from '../plugins/docusaurus-plugin-roles/src/core/extract.js';
import type {MarkdownFormat} from '../plugins/docusaurus-plugin-roles/src/parse/format.js';
import {parseMarkdown} from '../plugins/docusaurus-plugin-roles/src/parse/parser.js';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {normalizeOptions, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import type {Options} from '../plugins/docusaurus-plugin-roles/src/types.js';
import type {VFile} from 'vfile';
import type {VFileMessage} from 'vfile-message';

const root = path.join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

/** Compare with the expectation file, or write it when updating. */
function expectFile(folder: string, name: string, actual: string): void {
  const file = path.join(folder, name);
  if (update && (!existsSync(file) || readFileSync(file, 'utf8') !== actual)) {
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_FIXTURES=1 and read it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function formatMessages(messages: readonly VFileMessage[]): string {
  return messages.map((message) => `${message.line}:${message.column}: ${message.reason} [${message.ruleId}]\n`).join('');
}

/** Lets `remark-stringify` write the MDX nodes the transform creates, for `md` too. */
/** The MDX node types `@mdx-js/mdx` tells remark-rehype to pass through. */
const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** Carries `@mdx-js/mdx`'s remark-rehype settings; transforms nothing. */
function mdxCompileStandIn(_settings: {passThrough: string[]}) {}

function mdxStringify(this: Processor) {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push(mdxToMarkdown());
}

for (const name of readdirSync(root).sort()) {
  const folder = path.join(root, name);
  const input = readFileSync(path.join(folder, 'input.md'), 'utf8');
  const optionsFile = path.join(folder, 'options.json');
  const {format = 'mdx', plugin = {}} = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as {format?: MarkdownFormat; plugin?: Options})
    : {};
  const config = toRolesConfig(normalizeOptions(plugin));

  describe(name, () => {
    it('extracts the expected annotations', async () => {
      const {frontMatter} = await DEFAULT_PARSE_FRONT_MATTER({filePath: `${name}.md`, fileContent: input});
      const {annotations, messages} = extractAnnotations(parseMarkdown(input, {format}), config, {
        roles: frontMatter.roles,
        text: input,
      });
      const found = annotations.map(({annotation, valid}) => ({...annotation, valid}));
      expectFile(folder, 'annotations.json', `${JSON.stringify(found, null, 2)}\n`);
      expectFile(folder, 'messages.txt', formatMessages(messages));
    });

    it('renders the expected page and reports the same messages', async () => {
      const pipeline = remark();
      if (format === 'mdx') pipeline.use(remarkMdx);
      // `@mdx-js/mdx` compiles `.md` files too, without remark-mdx but with
      // remark-rehype passing MDX nodes through: remarkRoles reads that
      // setting to emit callouts as JSX. The stand-in carries the setting;
      // mdxStringify prints the JSX so the fixture stays readable.
      else pipeline.use(mdxStringify).use(mdxCompileStandIn, {passThrough: [...MDX_NODE_TYPES]});
      const {frontMatter} = await DEFAULT_PARSE_FRONT_MATTER({filePath: `${name}.md`, fileContent: input});
      const file = await pipeline
        .use(remarkFrontmatter)
        .use(remarkDirective)
        .use(remarkGfm)
        .use(() => (_tree: unknown, vfile: VFile) => {
          vfile.data.frontMatter = frontMatter;
        })
        .use(remarkRoles, {...plugin, onInvalidAnnotation: 'ignore'})
        .process(input);
      expectFile(folder, 'output.mdx', String(file));
      expect(formatMessages(file.messages)).toBe(readFileSync(path.join(folder, 'messages.txt'), 'utf8'));
    });
  });
}
