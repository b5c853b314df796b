/**
 * The expensive, configuration-free part of the aggregator: from a file's
 * (preprocessed) content to its `DocumentFacts`, through the same string
 * transformations, parser and tree steps as the page's compile.
 *
 * Pure and plain: its input and output are data a worker thread can receive
 * and return and the persistent cache can store, so the same function runs
 * in process, in the worker pool (`pool.ts`) and is what the cache holds.
 */
import {documentFacts, headingIds, type DocumentFacts} from '../core/extract.js';
import {frontMatterPlaces} from '../core/duty-fields.js';
import {partialUses, type PartialUses} from '../core/partials.js';
import {MAX_DOCUMENT_CHARACTERS} from '../core/limits.js';
import {toPageTree} from './page-tree.js';
import {outline} from './block-outline.js';
import {fastTree} from './fast-tree.js';
import {failure, type MarkdownFormat} from './format.js';
import type {SiteSyntax} from './site-syntax.js';
import {getSyntax, parseWith, type Syntax} from './syntax.js';
import {loaderPreprocess} from './loader-input.js';
import type {Root} from 'mdast';


/** The site's `markdown` settings that change the tree (all but the preprocessor, which runs before). */
export interface TreeSettings {
  /** `markdown.mdx1Compat.headingIds` (default: `true`). */
  headingIds: boolean;
  /** `markdown.mdx1Compat.comments` (default: `true`). */
  comments: boolean;
  /** `markdown.mdx1Compat.admonitions`: `:::note Title` means `:::note[Title]` (default: `true`). */
  admonitions?: boolean;
  /** `markdown.emoji` (default: `true`). */
  emoji?: boolean;
  /** `markdown.mermaid` (default: `false`). */
  mermaid?: boolean;
  /** `markdown.anchors.maintainCase` (default: `false`). */
  maintainCase?: boolean;
}

/** One file to analyze: its content after the site's preprocessor, and how its plugin compiles it. */
export interface AnalyzeInput {
  content: string;
  format: MarkdownFormat;
  /** Admonition keywords of the content plugin, or `false` when it turns them off. */
  admonitions: readonly string[] | false;
  /** Whether the content plugin removes the leading `# Title` (the blog does). */
  removeContentTitle: boolean;
  /**
   * Syntax the content plugin's own remark plugins add (`syntax.ts`): part
   * of the parse. Holds functions: such inputs are analyzed in process.
   */
  site?: SiteSyntax;
  /** Whether the file is a partial (its heading ids are kept, for the pages that render it). */
  partial?: boolean;
}

/** What a file's content says about annotations, whatever the configuration. */
export type FileFacts =
  | {kind: 'facts'; facts: DocumentFacts; fast: boolean; partials?: PartialUses}
  /** Above `MAX_DOCUMENT_CHARACTERS` (after the loader's string transformations). */
  | {kind: 'too-large'; characters: number}
  /** The parser (or a tree step) failed, as the page's compile would. */
  | {kind: 'failed'; line: number; column: number; reason: string};

/**
 * Analyze files, each alone (a file's failure never reaches another):
 * results in input order.
 */
export function analyzeFiles(inputs: readonly AnalyzeInput[], settings: TreeSettings): FileFacts[] {
  return inputs.map((input) => analyzeFile(input, settings));
}

/**
 * One file's facts: its text after the loader's preprocessing, parsed (the
 * needed blocks only when the fast path can vouch for them, else whole),
 * turned into the page's tree, extracted.
 */
export function analyzeFile(input: AnalyzeInput, settings: TreeSettings, syntax = inputSyntax(input, settings)): FileFacts {
  const prepared = loaderPreprocess(input, settings);
  if (prepared.length > MAX_DOCUMENT_CHARACTERS) return {kind: 'too-large', characters: prepared.length};
  let tree: Root | undefined;
  try {
    tree = syntax.extended ? undefined : fastParse(prepared, syntax);
  } catch {
    // The fast path tokenizes as the parser does, so it fails where the
    // parser fails: the whole parse below gives the page's own error.
  }
  const fast = tree !== undefined;
  if (!tree) {
    try {
      tree = parseWith(prepared, syntax);
    } catch (error) {
      // Invalid MDX: the page's own compile fails with the same error.
      return failure(error);
    }
  }
  try {
    toPageTree(tree, {
      admonitions: input.admonitions,
      removeContentTitle: input.removeContentTitle,
      emoji: settings.emoji ?? true,
      mermaid: settings.mermaid ?? false,
      maintainCase: settings.maintainCase ?? false,
    });
    const partials = partialUses(tree) ?? (input.partial ? {renderings: [], inCode: [], anchors: headingIds(tree)} : undefined);
    // The front matter's keys from the text, as the page compile finds them.
    const facts = {...documentFacts(tree), frontMatter: frontMatterPlaces(prepared)};
    return {kind: 'facts', facts, fast, ...(partials && {partials})};
  } catch (error) {
    return failure(error, 'Could not read role annotations');
  }
}

/** The syntax a file is parsed with: its format's, with the site's comment setting and its plugin's syntax. */
function inputSyntax(input: AnalyzeInput, settings: TreeSettings): Syntax {
  return getSyntax(input.format, settings.comments, input.site);
}

/** The fast path's tree, or `undefined` when it cannot vouch for the document. Throws the parser's error. */
function fastParse(content: string, syntax: Syntax): Root | undefined {
  // micromark drops a leading BOM and counts offsets without it: the
  // outline's offsets would not be the text's (a second BOM only).
  if (content.startsWith('\uFEFF')) return undefined;
  const found = outline(content, syntax);
  return found && fastTree(content, found, syntax);
}
