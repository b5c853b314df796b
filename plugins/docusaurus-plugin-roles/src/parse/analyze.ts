/**
 * The expensive, configuration-free part of the aggregator: from a file's
 * (preprocessed) content to its `DocumentFacts`, through the same string
 * transformations, parser and tree steps as the page's compile.
 *
 * Pure and plain: its input and output are data a worker thread can receive
 * and return and the persistent cache can store, so the same function runs
 * in process, in the worker pool (`pool.ts`) and is what the cache holds.
 */
import {createRequire} from 'node:module';
import {documentFacts, type DocumentFacts} from '../core/extract.js';
import {frontMatterPlaces} from '../core/duty-fields.js';
import {MAX_DOCUMENT_CHARACTERS} from '../core/limits.js';
import {DEFAULT_ADMONITION_KEYWORDS, toPageTree} from './page-tree.js';
import {parsePlans, planRolesOnly, type RolesPlan} from './shortcut.js';
import {parseMarkdown, type MarkdownFormat} from './parser.js';
import type {Root} from 'mdast';

// CommonJS exports, invisible to ESM named imports: require them.
const {admonitionTitleToDirectiveLabel, escapeMarkdownHeadingIds, unwrapMdxCodeBlocks} = createRequire(import.meta.url)(
  '@docusaurus/utils',
) as typeof import('@docusaurus/utils');

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
}

/** What a file's content says about annotations, whatever the configuration. */
export type FileFacts =
  | {kind: 'facts'; facts: DocumentFacts; fast: boolean}
  /** Above `MAX_DOCUMENT_CHARACTERS` (after the loader's string transformations). */
  | {kind: 'too-large'; characters: number}
  /** The parser (or a tree step) failed, as the page's compile would. */
  | {kind: 'failed'; line: number; column: number; reason: string};

/**
 * Analyze files: simple ones through the shortcut, their pieces parsed
 * together per format (`parsePlans`), the others parsed whole. Results in
 * input order; a file's failure never reaches another.
 */
export function analyzeFiles(inputs: readonly AnalyzeInput[], settings: TreeSettings): FileFacts[] {
  const prepared = inputs.map((input) => prepare(input, settings));
  const trees = new Map<number, Root | undefined>();
  for (const format of ['md', 'mdx'] as const) {
    const planned: Array<{index: number; plan: RolesPlan}> = [];
    inputs.forEach((input, index) => {
      const content = prepared[index]!;
      if (input.format !== format || input.removeContentTitle || content.length > MAX_DOCUMENT_CHARACTERS) return;
      const plan = planOrGiveUp(content);
      if (plan) planned.push({index, plan});
    });
    if (planned.length === 0) continue;
    const options = {format, comments: settings.comments};
    parsePlans(
      planned.map(({plan}) => plan),
      options,
    ).forEach((tree, at) => trees.set(planned[at]!.index, tree));
  }
  return inputs.map((input, index) => analyzeOne(input, prepared[index]!, trees.get(index), settings));
}

/** The same string transformations the MDX loader applies before parsing. */
function prepare(input: AnalyzeInput, settings: TreeSettings): string {
  let prepared = unwrapMdxCodeBlocks(input.content);
  if (settings.headingIds) prepared = escapeMarkdownHeadingIds(prepared);
  const {admonitions} = input;
  if ((settings.admonitions ?? true) && admonitions !== false && admonitions.length > 0) {
    prepared = admonitionTitleToDirectiveLabel(prepared, [...admonitions]);
  }
  return prepared;
}

/** One file's facts, from the shortcut's tree or a full parse. */
function analyzeOne(input: AnalyzeInput, prepared: string, fast: Root | undefined, settings: TreeSettings): FileFacts {
  if (prepared.length > MAX_DOCUMENT_CHARACTERS) return {kind: 'too-large', characters: prepared.length};
  let tree = fast;
  if (!tree) {
    try {
      tree = parseMarkdown(prepared, {format: input.format, comments: settings.comments});
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
    // The front matter's keys from the text, as the page compile finds them.
    const facts = {...documentFacts(tree), frontMatter: frontMatterPlaces(prepared)};
    return {kind: 'facts', facts, fast: fast !== undefined};
  } catch (error) {
    return failure(error, 'Could not read role annotations');
  }
}

/** The shortcut's plan, or `undefined` (parse whole) when planning itself fails. */
function planOrGiveUp(content: string): RolesPlan | undefined {
  try {
    return planRolesOnly(content);
  } catch {
    return undefined;
  }
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

/** The admonition keywords a source compiles with (Docusaurus's when unset). */
export function admonitionKeywords(admonitions: readonly string[] | false | undefined): readonly string[] | false {
  return admonitions ?? DEFAULT_ADMONITION_KEYWORDS;
}
