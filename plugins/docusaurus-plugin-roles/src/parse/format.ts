/**
 * What the gathering decides about a file before anything is parsed: the
 * format Docusaurus compiles it with, its admonition keywords, and the
 * shape of a file that could not be read. Kept apart from the parser so
 * that a run whose files are all cached (a restart, a warm build) never
 * loads it.
 */
import type {FileFacts} from './analyze.js';

/** How a file is parsed: as MDX (the Docusaurus default) or CommonMark. */
export type MarkdownFormat = 'md' | 'mdx';

const MD_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdwn', '.mkdown', '.ron']);

/**
 * The format Docusaurus compiles a file with: front matter `mdx.format`
 * first, then the site's `markdown.format` (`'detect'` goes by extension).
 */
export function resolveFormat(
  filePath: string,
  siteFormat: 'md' | 'mdx' | 'detect',
  frontMatterFormat?: unknown,
): MarkdownFormat {
  const chosen =
    frontMatterFormat === 'md' || frontMatterFormat === 'mdx' || frontMatterFormat === 'detect'
      ? frontMatterFormat
      : siteFormat;
  if (chosen !== 'detect') return chosen;
  const extension = /\.[^./\\]+$/.exec(filePath)?.[0] ?? '';
  return MD_EXTENSIONS.has(extension) ? 'md' : 'mdx';
}

/** Admonition keywords of Docusaurus's admonitions plugin, in its order. */
export const DEFAULT_ADMONITION_KEYWORDS: readonly string[] = [
  'secondary',
  'info',
  'success',
  'danger',
  'note',
  'tip',
  'warning',
  'important',
  'caution',
];

/** The admonition keywords a source compiles with (Docusaurus's when unset). */
export function admonitionKeywords(admonitions: readonly string[] | false | undefined): readonly string[] | false {
  return admonitions ?? DEFAULT_ADMONITION_KEYWORDS;
}

/**
 * A failure with the position the parser gives (the one the page's compile
 * reports), else the top of the file.
 */
export function failure(error: unknown, what?: string): FileFacts & {kind: 'failed'} {
  const place = (error ?? {}) as {line?: unknown; column?: unknown; reason?: unknown; message?: unknown};
  return {
    kind: 'failed',
    line: typeof place.line === 'number' ? place.line : 1,
    column: typeof place.column === 'number' ? place.column : 1,
    reason: `${what ? `${what}: ` : ''}${String(place.reason ?? place.message ?? error)}`,
  };
}
