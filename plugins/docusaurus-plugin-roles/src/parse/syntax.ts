/**
 * The syntax a content plugin instance's MDX loader parses with: the
 * extensions the loader's processor registers (remark-mdx, then the
 * instance's `beforeDefaultRemarkPlugins`, then front matter, directives,
 * GFM and comments, then its `remarkPlugins`), in that order, so a
 * `remark-math` listed anywhere in the instance's plugins is part of the
 * aggregator's parse as it is of the page's.
 *
 * Syntax is what a plugin's attacher registers through `this.data()`
 * (`micromarkExtensions`, `fromMarkdownExtensions`); a plugin's transformer
 * runs on the tree later (see `site-syntax.ts`).
 */
import {fromMarkdown, type Extension as MdastExtension} from 'mdast-util-from-markdown';
import {combineExtensions} from 'micromark-util-combine-extensions';
import type {Extension as MicromarkExtension} from 'micromark-util-types';
import {unified, type Processor} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkComment from '@slorber/remark-comment';
import type {Root} from 'mdast';
import type {MarkdownFormat} from './format.js';
import type {Registered, SiteSyntax} from './site-syntax.js';

/** Everything the parser is configured with, for one format of one content plugin instance. */
export interface Syntax {
  format: MarkdownFormat;
  /** The micromark extensions, combined in the loader's order. */
  micromark: MicromarkExtension;
  /** The mdast extensions, in the same order. */
  mdast: Array<MdastExtension | MdastExtension[]>;
  /**
   * Site plugins add syntax: their constructs may keep state across the
   * document (as definitions do), which the fast path cannot know, so
   * such documents are parsed whole.
   */
  extended: boolean;
  /** Identifies the syntax (the site plugins' code and options included), for cache keys. */
  key: string;
}

const NO_SITE_SYNTAX: SiteSyntax = {before: [], after: [], key: '', transformsBefore: []};

const syntaxes = new Map<string, Syntax>();

/**
 * The syntax of a format with the site's comment setting and an instance's
 * plugins: remark-parse, remark-mdx (MDX only), the `beforeDefaultRemarkPlugins`'
 * syntax, front matter, directives, GFM, comments (`mdx1Compat.comments`),
 * then the `remarkPlugins`' syntax: `@docusaurus/mdx-loader`'s order.
 */
export function getSyntax(format: MarkdownFormat, comments: boolean, site: SiteSyntax = NO_SITE_SYNTAX): Syntax {
  const id = `${format}:${comments}:${site.key}`;
  let syntax = syntaxes.get(id);
  if (syntax) return syntax;
  const data = (processor: Processor<Root>) =>
    processor.freeze().data() as {micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: Registered['mdast']};
  const base = unified().use(remarkParse) as unknown as Processor<Root>;
  if (format === 'mdx') base.use(remarkMdx);
  const mdx = data(base);
  const defaults = unified().use(remarkFrontmatter).use(remarkDirective).use(remarkGfm) as unknown as Processor<Root>;
  if (comments) defaults.use(remarkComment);
  const own = data(defaults);
  const micromark = [
    ...(mdx.micromarkExtensions ?? []),
    ...site.before.flatMap((each) => each.micromark),
    ...(own.micromarkExtensions ?? []),
    ...site.after.flatMap((each) => each.micromark),
  ];
  const mdast = [
    ...(mdx.fromMarkdownExtensions ?? []),
    ...site.before.flatMap((each) => each.mdast),
    ...(own.fromMarkdownExtensions ?? []),
    ...site.after.flatMap((each) => each.mdast),
  ];
  syntax = {format, micromark: combineExtensions(micromark), mdast, extended: site.key !== '', key: id};
  syntaxes.set(id, syntax);
  return syntax;
}

/** Parse a whole document into mdast, as the loader's `remark-parse` does. Throws the parser's positioned error. */
export function parseWith(content: string, syntax: Syntax): Root {
  return fromMarkdown(content, {extensions: [syntax.micromark], mdastExtensions: syntax.mdast});
}
