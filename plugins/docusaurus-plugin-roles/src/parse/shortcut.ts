/**
 * A shortcut for the aggregator: build the parts of a document's tree that
 * `extractAnnotations` reads (the role containers and the headings, in
 * document order, with their real positions) without parsing the rest.
 *
 * It only answers for documents it can prove simple, and returns
 * `undefined` otherwise, so the caller parses the whole file. A document is
 * simple when, outside fenced code and front matter:
 *
 * - every line that mentions `:role` opens a role container at column 1,
 *   right after a blank line (so it starts a top-level block whatever came
 *   before: lists, quotes and paragraphs cannot continue across it);
 * - no line holds `<` or `{` (no JSX, HTML, expressions or comments, which
 *   could swallow lines), starts ESM (`import`, `export`) or holds `]:` (a
 *   definition would turn `[text]` elsewhere into a link), and no heading
 *   is nested, setext or holds `[`;
 * - no line indented by 4 columns or more starts a block (a fence, a
 *   heading, a `:::`, a setext underline): MDX, which has no indented code,
 *   reads those where CommonMark sees code.
 *
 * Each container is then parsed with the full parser, from its opening line
 * to the first fence that can close it; if that fence does not close it (or
 * a nested `:::role` comes first), the document is not simple. The pieces
 * of many documents share one parse (`parsePlans`). The differential test
 * holds all this to Docusaurus's own compile on real corpora.
 */
import type {Root, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import {getParser, type ParseOptions} from './parser.js';

const OPENING = /^(:{3,})role(?:[[{]|[ \t]*$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NESTED_HEADING = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)+#{1,6}(?:[ \t]|$)/;
const CLOSING = /^ {0,3}(:{3,})[ \t]*$/;
const ESM = /^(?:import|export)\b/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
/** A line that may start a block (fence, heading, container fence, setext underline). */
const BLOCK_START = /^[ \t]*(?:`{3,}|~{3,}|#{1,6}(?:[ \t]|$)|:{3,}|(?:=+|-+)[ \t]*$)/;
/** A line that may end fenced code or a container. */
const FENCE_OR_CLOSING = /^[ \t]*(?:`{3,}|~{3,}|:{3,})/;

/**
 * Columns of leading white space (a tab moves to the next multiple of 4).
 * At 4 or more, MDX and CommonMark disagree: without indented code, MDX
 * still reads a heading, a fence or a closing `:::` there.
 */
function indentation(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** One line of a document. */
export interface Line {
  /** Offset of the line's first character in the document. */
  start: number;
  /** The line without its line ending. */
  text: string;
}

/** The lines of a document, ended as micromark ends them: CRLF, LF or a lone CR. */
function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const ending of content.matchAll(/\r\n|\r|\n/g)) {
    lines.push({start, text: content.slice(start, ending.index)});
    start = ending.index + ending[0].length;
  }
  lines.push({start, text: content.slice(start)});
  return lines;
}

/** Move a parsed slice's positions to where the slice sits in the document. */
function shift(node: RootContent, lines: number, offset: number): void {
  visit(node, (child) => {
    for (const point of [child.position?.start, child.position?.end]) {
      if (!point) continue;
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  });
}

/** Whether `text` closes the fenced code block opened by `fence`. */
function closesFence(text: string, fence: {marker: string}): boolean {
  const match = FENCE.exec(text);
  return Boolean(match && match[2]!.startsWith(fence.marker) && match[3]!.trim() === '');
}

/** An opening fence of fenced code (a backtick fence's info has no backtick). */
function openingFence(text: string): {marker: string; indent: number} | undefined {
  const match = FENCE.exec(text);
  if (!match || (match[2]!.startsWith('`') && match[3]!.includes('`'))) return undefined;
  return {marker: match[2]!, indent: match[1]!.length};
}

/** The first line after `open` that could close a container of `colons` colons. */
function findClosing(lines: readonly Line[], open: number, colons: number): number | undefined {
  let fence: {marker: string} | undefined;
  for (let index = open + 1; index < lines.length; index += 1) {
    const {text} = lines[index]!;
    if (fence) {
      if (closesFence(text, fence)) fence = undefined;
      continue;
    }
    fence = openingFence(text);
    if (fence) continue;
    if ((CLOSING.exec(text)?.[1]!.length ?? 0) >= colons) return index;
  }
  return undefined;
}

/** Ends each container's piece: had its fence not closed it, this would be inside. */
const SENTINEL = 'roles-fast-parse-sentinel';

/** A part of a document to parse: a role container or a heading line. */
export interface Piece {
  kind: 'container' | 'heading';
  /** First and last line (0-based) in the document. */
  from: number;
  to: number;
}

/** What to parse of a simple document: its lines and the pieces to parse. */
export interface RolesPlan {
  content: string;
  lines: Line[];
  pieces: Piece[];
}

/**
 * Decide, from the lines alone, whether a document is simple, and if so
 * which pieces (role containers, headings) must be parsed.
 */
export function planRolesOnly(content: string): RolesPlan | undefined {
  if (content.charCodeAt(0) === 0xfeff) return undefined;
  const lines = splitLines(content);
  let index = 0;
  // Front matter as remark-frontmatter reads it: `---` fences (spaces or
  // tabs may follow), the opening on the first line. TOML (`+++`) is not
  // front matter in Docusaurus: text the plan does not try to follow.
  if (/^\+\+\+/.test(lines[0]?.text ?? '')) return undefined;
  if (FRONT_MATTER_FENCE.test(lines[0]?.text ?? '') && lines.length > 1) {
    index = lines.findIndex((line, at) => at > 0 && FRONT_MATTER_FENCE.test(line.text)) + 1;
    if (index === 0) return undefined;
  }

  const openings: number[] = [];
  const headings: number[] = [];
  let fence: {marker: string; indent: number} | undefined;
  let previousBlank = true;
  for (; index < lines.length; index += 1) {
    const {text} = lines[index]!;
    const blank = text.trim() === '';
    if (fence) {
      if (closesFence(text, fence)) {
        fence = undefined;
      } else if (indentation(text) >= 4 && FENCE_OR_CLOSING.test(text)) {
        // In MDX (no indented code) this may end the code; in `md` it may not.
        return undefined;
      } else if (!blank && fence.indent > 0 && !text.startsWith(' '.repeat(fence.indent))) {
        // An indented fence may belong to a list item that this line ends.
        return undefined;
      } else if (CLOSING.test(text)) {
        // The fence may sit in a container (`:::note`) that this line closes,
        // and the container's end ends the code too.
        return undefined;
      }
      previousBlank = false;
      continue;
    }
    if (indentation(text) >= 4 && BLOCK_START.test(text)) return undefined;
    fence = openingFence(text);
    if (fence) {
      previousBlank = false;
      continue;
    }
    if (text.includes(':role')) {
      // The opening line itself is parsed with the full parser below.
      if (!previousBlank || !OPENING.test(text)) return undefined;
      openings.push(index);
    } else if (text.includes('<') || text.includes('{') || text.includes(']:') || ESM.test(text)) {
      // JSX, HTML, expressions, comments, ESM (which runs on to the next
      // blank line); or a definition, which links `[text]` elsewhere in the
      // document (the pieces are parsed apart).
      return undefined;
    } else if (ATX_HEADING.test(text)) {
      if (text.includes('[')) return undefined;
      headings.push(index);
    } else if (NESTED_HEADING.test(text) || (SETEXT_UNDERLINE.test(text) && !previousBlank)) {
      return undefined;
    }
    previousBlank = blank;
  }

  // Unclosed: code to the end of the document, or up to the end of a
  // container or list item the lines cannot tell.
  if (fence) return undefined;

  const pieces: Piece[] = [];
  for (const [at, open] of openings.entries()) {
    const colons = OPENING.exec(lines[open]!.text)![1]!.length;
    const close = findClosing(lines, open, colons);
    // Unclosed, or a nested `:::role` before its end: not simple.
    if (close === undefined || (openings[at + 1] ?? Infinity) < close) return undefined;
    pieces.push({kind: 'container', from: open, to: close});
  }
  for (const line of headings) {
    if (!pieces.some(({from, to}) => line >= from && line <= to)) {
      pieces.push({kind: 'heading', from: line, to: line});
    }
  }
  pieces.sort((a, b) => a.from - b.from);
  return {content, lines, pieces};
}

/** Batches stay below this size, so one parse never holds too much. */
const BATCH_CHARACTERS = 100_000;

/** A piece of one plan, as a batch holds it. */
interface PieceRef {
  plan: RolesPlan;
  piece: Piece;
}

/**
 * Parse the pieces of many documents together: setting up the parser costs
 * more than parsing a small piece, so one parse serves a batch of pieces
 * (of one or many documents, and a large document's pieces over several
 * batches, so no parse holds more than about `BATCH_CHARACTERS`). Pieces
 * are self-contained (no definitions, checked by the plan), so a batch
 * parses each exactly as alone.
 *
 * If a batch fails or does not have the expected shape, each document it
 * touched is parsed again alone; a document whose pieces fail alone gets
 * `undefined` (the caller parses it whole, and reports its errors with its
 * own positions). One document's surprise can never affect another's
 * result, nor stop the run.
 */
export function parsePlans(plans: readonly RolesPlan[], options: ParseOptions): Array<Root | undefined> {
  const children = new Map<RolesPlan, RootContent[]>(plans.map((plan) => [plan, []]));
  const retry = new Set<RolesPlan>();
  forEachBatch(plans, (batch) => {
    const nodes = tryParsePieces(batch, options);
    batch.forEach((ref, index) => {
      if (nodes) children.get(ref.plan)!.push(nodes[index]!);
      else retry.add(ref.plan);
    });
  });
  const failed = new Set<RolesPlan>();
  for (const plan of retry) {
    const alone: RootContent[] = [];
    forEachBatch([plan], (batch) => {
      const nodes = failed.has(plan) ? undefined : tryParsePieces(batch, options);
      if (nodes) for (const node of nodes) alone.push(node);
      else failed.add(plan);
    });
    children.set(plan, alone);
  }
  return plans.map((plan) => (failed.has(plan) ? undefined : {type: 'root', children: children.get(plan)!}));
}

/** Call `parse` with the pieces of `plans`, in order, in batches of about `BATCH_CHARACTERS`. */
function forEachBatch(plans: readonly RolesPlan[], parse: (batch: PieceRef[]) => void): void {
  let batch: PieceRef[] = [];
  let size = 0;
  for (const plan of plans) {
    for (const piece of plan.pieces) {
      batch.push({plan, piece});
      size += (plan.lines[piece.to + 1]?.start ?? plan.content.length) - plan.lines[piece.from]!.start;
      if (size > BATCH_CHARACTERS) {
        parse(batch);
        batch = [];
        size = 0;
      }
    }
  }
  if (batch.length > 0) parse(batch);
}

/** `parsePieces`, with any exception (a syntax error in a piece) meaning "no result". */
function tryParsePieces(batch: readonly PieceRef[], options: ParseOptions): RootContent[] | undefined {
  try {
    return parsePieces(batch, options);
  } catch {
    return undefined;
  }
}

/**
 * Parse `batch` in one go, the pieces separated by blank lines (a container
 * also by a sentinel paragraph), check the result has exactly the expected
 * shape, and move each node back to its place in its document. `undefined`
 * when the shape is not as expected.
 */
function parsePieces(batch: readonly PieceRef[], options: ParseOptions): RootContent[] | undefined {
  let text = '';
  let batchLine = 0;
  const starts: Array<{line: number; offset: number}> = [];
  for (const {plan, piece} of batch) {
    const {content, lines} = plan;
    starts.push({line: batchLine, offset: text.length});
    const slice =
      piece.to + 1 < lines.length
        ? content.slice(lines[piece.from]!.start, lines[piece.to + 1]!.start)
        : `${content.slice(lines[piece.from]!.start)}\n`;
    text += piece.kind === 'container' ? `${slice}\n${SENTINEL}\n\n` : `${slice}\n`;
    batchLine += piece.to - piece.from + 1 + (piece.kind === 'container' ? 3 : 1);
  }
  const parsed = getParser(options).parse(text).children;
  let cursor = 0;
  const nodes: RootContent[] = [];
  for (const [index, {plan, piece}] of batch.entries()) {
    const node = parsed[cursor];
    const start = starts[index]!;
    const expected = piece.kind === 'container' ? 'containerDirective' : 'heading';
    if (
      node?.type !== expected ||
      (node.type === 'containerDirective' && node.name !== 'role') ||
      node.position?.start.line !== start.line + 1 ||
      node.position.start.column !== 1 ||
      node.position.end.line !== start.line + 1 + piece.to - piece.from
    ) {
      return undefined;
    }
    cursor += 1;
    if (piece.kind === 'container') {
      const sentinel = parsed[cursor];
      cursor += 1;
      if (
        sentinel?.type !== 'paragraph' ||
        sentinel.children.length !== 1 ||
        sentinel.children[0]!.type !== 'text' ||
        sentinel.children[0]!.value !== SENTINEL
      ) {
        return undefined;
      }
    }
    shift(node, piece.from - start.line, plan.lines[piece.from]!.start - start.offset);
    nodes.push(node);
  }
  return cursor === parsed.length ? nodes : undefined;
}
