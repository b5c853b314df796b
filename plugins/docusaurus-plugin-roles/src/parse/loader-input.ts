/**
 * What the MDX loader is fed, string by string, in the order the bundler
 * and `@docusaurus/mdx-loader` (3.10) apply the steps before parsing:
 *
 * 1. the bundler's loader runner decodes the file as UTF-8 and drops a
 *    leading byte-order mark (webpack's `loader-runner` one; Rspack's
 *    decoder one, then one more U+FEFF);
 * 2. the site's `markdown.preprocessor` (`aggregate.ts` runs it: it is a
 *    function of the site config, which worker threads cannot receive);
 * 3. the loader's own preprocessing (`preprocessContent`): unwrap
 *    `mdx-code-block` fences, escape `{#id}` heading ids
 *    (`mdx1Compat.headingIds`), turn `:::note Title` into `:::note[Title]`
 *    (`mdx1Compat.admonitions`, with the content plugin's keywords).
 *
 * The aggregator reads the raw file: it must take the same steps, or a BOM
 * on the first line hides a heading id from step 3 and the table reads
 * another document than the page.
 */
import {createRequire} from 'node:module';
import type {MarkdownFormat} from './format.js';

// CommonJS exports, invisible to ESM named imports: require them.
const {admonitionTitleToDirectiveLabel, escapeMarkdownHeadingIds, unwrapMdxCodeBlocks} = createRequire(import.meta.url)(
  '@docusaurus/utils',
) as typeof import('@docusaurus/utils');

/** The bundler whose loader runner hands the file to the MDX loader. */
export type LoaderRunner = 'webpack' | 'rspack';

const BOM = '\uFEFF';

/**
 * The file's text as the loader runner passes it on: webpack's runner skips
 * the UTF-8 BOM bytes; Rspack's decodes with a `TextDecoder` (which drops
 * the BOM) and then drops a leading U+FEFF again.
 */
export function loaderRunnerText(decoded: string, runner: LoaderRunner = 'webpack'): string {
  let text = decoded.startsWith(BOM) ? decoded.slice(1) : decoded;
  if (runner === 'rspack' && text.startsWith(BOM)) text = text.slice(1);
  return text;
}

/** The site's `markdown.mdx1Compat` settings the loader's preprocessing reads. */
export interface PreprocessSettings {
  /** `markdown.mdx1Compat.headingIds` (default: `true`). */
  headingIds: boolean;
  /** `markdown.mdx1Compat.admonitions` (default: `true`). */
  admonitions?: boolean;
}

/** The file's part in the preprocessing: the content plugin's admonition keywords. */
export interface PreprocessInput {
  content: string;
  format?: MarkdownFormat;
  /** Admonition keywords of the content plugin, or `false` when it turns admonitions off. */
  admonitions: readonly string[] | false;
}

/** `@docusaurus/mdx-loader`'s `preprocessContent`, after the site's preprocessor. */
export function loaderPreprocess(input: PreprocessInput, settings: PreprocessSettings): string {
  let prepared = unwrapMdxCodeBlocks(input.content);
  if (settings.headingIds) prepared = escapeMarkdownHeadingIds(prepared);
  const {admonitions} = input;
  if ((settings.admonitions ?? true) && admonitions !== false && admonitions.length > 0) {
    prepared = admonitionTitleToDirectiveLabel(prepared, [...admonitions]);
  }
  return prepared;
}
