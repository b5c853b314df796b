/**
 * The first half of the aggregator's fast path: micromark's own block parse
 * of a whole document, with the same extensions as the page's parser, tells
 * which top-level blocks the extraction needs. CommonMark decides blocks
 * before inlines, so this is the page's block structure, not a guess at it.
 *
 * micromark tokenizes a document in passes: containers and flow, then the
 * content of paragraphs (definitions), then the inline text of each chunk.
 * Here the inline pass is skipped for every chunk whose tokenizing cannot
 * fail (MDX: no `<` nor `{` in it, the only starts of text constructs that
 * throw), which is most of the cost of a parse; the chunks that could fail
 * are tokenized, so a document the page's compile rejects is found here.
 *
 * The extraction reads role containers (`:::role`, and the `::role`/`:role`
 * strays and malformed openings around them), headings (ids and sections),
 * and, for partials, Markdown imports and the elements that render them. A
 * top-level block is needed when it holds one of those, or an inline JSX tag
 * or a JSX tag inside a container, whose pairing only the tree builder
 * checks (so the block is parsed for real). Everything else is dropped.
 * Link and footnote definitions are the parse's only document-wide state:
 * their labels are kept (a document with one inside a directive container,
 * which micromark registers too late for some references, is parsed whole).
 */
import {parse, preprocess} from 'micromark';
import {subtokenize} from 'micromark-util-subtokenize';
import type {Event, Token} from 'micromark-util-types';
import type {Program} from 'estree';
import type {RootContent} from 'mdast';
import type {Syntax} from './syntax.js';
import {MARKDOWN_MODULE} from '../core/partials.js';

/** A run of top-level blocks on adjacent lines, whole lines, as the source writes them. */
export interface OutlineBlock {
  /** Offset of the start of its first line. */
  start: number;
  /** Offset just after its last character. */
  end: number;
  /** 1-based line of its first line. */
  line: number;
}

/** What the fast path needs of a document. */
export interface Outline {
  /** The top-level blocks to parse, in document order. */
  needed: OutlineBlock[];
  /** Labels of link definitions, as written (one line each). */
  definitions: string[];
  /** Labels of footnote definitions, as written. */
  footnotes: string[];
  /**
   * Nodes known from the tokens alone, in no block to parse: thematic
   * breaks (the blog's title removal stops at the first), and JSX elements
   * at the root that render a partial (name and start only).
   */
  known: RootContent[];
}

/** Token types that separate top-level blocks and carry none. */
const BETWEEN = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'whitespace']);
const HEADINGS = new Set(['atxHeading', 'setextHeading']);
/** Front matter is never parsed again: alone, its lines would read as other blocks. */
const FRONT_MATTER = new Set(['yaml', 'toml']);

/** A JSX tag at the root, as the tree builder will pair it. */
interface RootTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** A closing tag with attributes or `/>`: the tree builder throws. */
  malformed: boolean;
  start: Token['start'];
  end: Token['end'];
  /** Its block (to mark needed when its attributes name a partial). */
  block: Block;
  raw: string;
}

interface Block extends OutlineBlock {
  endLine: number;
  needed: boolean;
  /** Root-level text a partial's name may appear in (ESM, expressions). */
  code: string | undefined;
}

/**
 * Tokenize `content` without the inline pass where it cannot fail. Throws
 * the parser's own error where the page's parse throws while tokenizing.
 */
function tokenize(content: string, syntax: Syntax): Event[] {
  const events = parse({extensions: [syntax.micromark]}).document().write(preprocess()(content, undefined, true));
  const mdx = syntax.format === 'mdx';
  for (;;) {
    for (const [kind, token] of events) {
      if (kind !== 'enter' || token.previous) continue;
      const type = token.contentType;
      if (type !== 'text' && type !== 'string') continue;
      let last = token;
      while (last.next) last = last.next;
      if (mdx && type === 'text' && /[<{]/.test(content.slice(token.start.offset, last.end.offset))) continue;
      for (let chunk: Token | undefined = token; chunk; chunk = chunk.next) chunk.contentType = undefined;
    }
    if (subtokenize(events)) return events;
  }
}

/**
 * The outline of a (preprocessed) document, or `undefined` when the fast
 * path cannot vouch for it (JSX tags at the root that the tree builder
 * would not pair, a definition label over several lines or inside a
 * directive container): parse it whole.
 */
export function outline(content: string, syntax: Syntax): Outline | undefined {
  const events = tokenize(content, syntax);
  const blocks: Block[] = [];
  const definitions: string[] = [];
  const footnotes: string[] = [];
  const breaks: Array<Token['start']> = [];
  const tags: RootTag[] = [];
  const partials = new Set<string>();
  let depth = 0;
  let block: Block | undefined;
  let tag: RootTag | undefined;
  let previousEndLine = -1;
  // Open directive containers around the current token.
  let inDirective = 0;
  for (const [kind, token] of events) {
    // Extensions' token types are not all in micromark's type map.
    const type: string = token.type;
    if (type === 'directiveContainer') inDirective += kind === 'enter' ? 1 : -1;
    if (kind === 'enter') {
      if (depth === 0) {
        if (!BETWEEN.has(type)) block = openBlock(blocks, content, token, previousEndLine);
        if (type === 'mdxJsxFlowTag' && block) {
          tag = {name: '', closing: false, selfClosing: false, malformed: false, start: token.start, end: token.end, block, raw: ''};
          tags.push(tag);
        }
      } else if (block) {
        if (HEADINGS.has(type) || type === 'mdxJsxTextTag' || type === 'mdxJsxFlowTag') block.needed = true;
        else if (type === 'thematicBreak') breaks.push(token.start);
        else if (type === 'definitionLabelString' || type === 'gfmFootnoteDefinitionLabelString') {
          const label = content.slice(token.start.offset, token.end.offset);
          // A directive container's content is tokenized a pass later than
          // the text around it, so its definitions serve only some of the
          // document's references (not a heading above the container): only
          // a whole parse knows which.
          if (/[\r\n]/.test(label) || inDirective > 0) return undefined;
          (type === 'definitionLabelString' ? definitions : footnotes).push(label);
        } else if (tag) readTag(tag, token, content);
      }
      depth += 1;
      continue;
    }
    depth -= 1;
    if (depth !== 0 || BETWEEN.has(type) || !block) continue;
    const raw = content.slice(token.start.offset, token.end.offset);
    block.end = token.end.offset;
    block.endLine = token.end.line;
    previousEndLine = token.end.line;
    if (HEADINGS.has(type)) block.needed = true;
    else if (type === 'thematicBreak') breaks.push(token.start);
    if (!FRONT_MATTER.has(type) && raw.includes(':role')) block.needed = true;
    if (type === 'mdxjsEsm' || type === 'mdxFlowExpression') {
      block.code = (block.code ?? '') + raw;
      if (type === 'mdxjsEsm' && importsMarkdown((token as Token & {estree?: Program}).estree, partials)) block.needed = true;
    }
    if (tag) {
      tag.end = token.end;
      tag.raw = raw;
      tag = undefined;
    }
  }
  // A `---` that opens no front matter (no closing fence) is a thematic
  // break, but while the front matter was being tried no line could open a
  // container (the construct is concrete), and the parse keeps those lines
  // as they were read: the blocks after it depend on it. Parse it whole.
  if (content.startsWith('---') && blocks[0]?.start === 0 && events[0]?.[1].type !== ('yaml' as string)) return undefined;
  if (!paired(tags)) return undefined;
  const known: RootContent[] = breaks
    .filter((start) => !blocks.some((each) => each.needed && each.start <= start.offset && start.offset < each.end))
    .map((start) => ({type: 'thematicBreak', position: {start: {...point(start)}, end: {...point(start)}}}));
  if (partials.size > 0) renderings(tags, blocks, partials, known);
  return {needed: blocks.filter((each) => each.needed), definitions, footnotes, known};
}

/** Start a block, or extend the previous one when this token starts on the line it ended on. */
function openBlock(blocks: Block[], content: string, token: Token, previousEndLine: number): Block {
  const last = blocks.at(-1);
  if (last && token.start.line === previousEndLine) return last;
  let start = token.start.offset;
  while (start > 0 && content[start - 1] !== '\n' && content[start - 1] !== '\r') start -= 1;
  const block: Block = {start, end: token.end.offset, line: token.start.line, endLine: token.end.line, needed: false, code: undefined};
  blocks.push(block);
  return block;
}

/** Name, closing and self-closing slashes and attributes of a root-level JSX tag, from its tokens. */
function readTag(tag: RootTag, token: Token, content: string): void {
  const text = (): string => content.slice(token.start.offset, token.end.offset);
  switch (token.type as string) {
    case 'mdxJsxFlowTagNamePrimary':
      tag.name = text();
      break;
    case 'mdxJsxFlowTagNameMember':
      tag.name += `.${text()}`;
      break;
    case 'mdxJsxFlowTagNameLocal':
      tag.name += `:${text()}`;
      break;
    case 'mdxJsxFlowTagClosingMarker':
      tag.closing = true;
      break;
    case 'mdxJsxFlowTagSelfClosingMarker':
      tag.selfClosing = true;
      if (tag.closing) tag.malformed = true;
      break;
    case 'mdxJsxFlowTagAttribute':
    case 'mdxJsxFlowTagExpressionAttribute':
      if (tag.closing) tag.malformed = true;
      break;
    default:
  }
}

/**
 * Whether the root's JSX tags pair up as the tree builder requires
 * (`mdast-util-mdx-jsx`): each closing tag closes the last open one, of the
 * same name, without attributes, and none is left open. Otherwise the page's
 * compile fails, and a full parse gives its error.
 */
function paired(tags: readonly RootTag[]): boolean {
  const open: string[] = [];
  for (const each of tags) {
    if (each.malformed) return false;
    if (!each.closing) {
      if (!each.selfClosing) open.push(each.name);
    } else if (open.pop() !== each.name) {
      return false;
    }
  }
  return open.length === 0;
}

/** Record the local names a program imports Markdown modules as; whether it imports any. */
function importsMarkdown(program: Program | undefined, partials: Set<string>): boolean {
  let any = false;
  for (const statement of program?.body ?? []) {
    if (statement.type !== 'ImportDeclaration' || !MARKDOWN_MODULE.test(String(statement.source.value))) continue;
    any = true;
    for (const specifier of statement.specifiers) partials.add(specifier.local.name);
  }
  return any;
}

/**
 * The root's elements that render a partial, as known nodes (name and
 * start); blocks whose code or tag attributes mention a partial's name are
 * parsed, so the page's use of it in code is seen as in a full parse.
 */
function renderings(tags: readonly RootTag[], blocks: readonly Block[], partials: ReadonlySet<string>, known: RootContent[]): void {
  const mention = new RegExp(`(?<![\\w$])(?:${[...partials].map(escapeRegExp).join('|')})(?![\\w$])`);
  for (const each of tags) {
    if (!each.closing && partials.has(each.name)) {
      known.push({
        type: 'mdxJsxFlowElement',
        name: each.name,
        attributes: [],
        children: [],
        position: {start: point(each.start), end: point(each.end)},
      });
    }
    const attributes = each.raw.slice(1 + each.name.length);
    if (mention.test(attributes)) each.block.needed = true;
  }
  for (const block of blocks) if (block.code !== undefined && mention.test(block.code)) block.needed = true;
}

function point(place: Token['start']): {line: number; column: number; offset: number} {
  return {line: place.line, column: place.column, offset: place.offset};
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
