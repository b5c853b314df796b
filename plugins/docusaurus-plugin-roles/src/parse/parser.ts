/**
 * Parse a Markdown/MDX file exactly as the Docusaurus MDX loader's parser
 * does (same syntax extensions, in the same order), without compiling it.
 */
import {unified, type Processor} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkComment from '@slorber/remark-comment';
import type {Root} from 'mdast';
import type {MarkdownFormat} from './format.js';
import {getSyntax, parseWith} from './syntax.js';


/** Parser settings that change what is syntax. */
export interface ParseOptions {
  /** `'mdx'` or `'md'` (default: `'mdx'`). */
  format?: MarkdownFormat;
  /** Docusaurus `markdown.mdx1Compat.comments`: `<!-- -->` in MDX (default: `true`). */
  comments?: boolean;
}

const processors = new Map<string, Processor<Root>>();

/**
 * The parser for a format. Mirrors `@docusaurus/mdx-loader`'s processor:
 * remark-parse, remark-mdx (mdx only), then front matter, directives, GFM
 * and comments, the syntax plugins among its default remark plugins.
 */
export function getParser({format = 'mdx', comments = true}: ParseOptions = {}): Processor<Root> {
  const key = `${format}:${comments}`;
  let processor = processors.get(key);
  if (!processor) {
    const base = unified().use(remarkParse);
    if (format === 'mdx') base.use(remarkMdx);
    base.use(remarkFrontmatter).use(remarkDirective).use(remarkGfm);
    if (comments) base.use(remarkComment);
    processor = base.freeze() as unknown as Processor<Root>;
    processors.set(key, processor);
  }
  return processor;
}

/** Parse a document into mdast. Throws the parser's positioned error on invalid MDX. */
export function parseMarkdown(content: string, {format = 'mdx', comments = true}: ParseOptions = {}): Root {
  return parseWith(content, getSyntax(format, comments));
}
