/**
 * A shortcut for the aggregator: build the parts of a document's tree that
 * `extractAnnotations` and `toPageTree` read (every role directive, every
 * heading, every paragraph that starts like an annotation, with their real
 * positions) without parsing the parts that cannot hold any of them.
 *
 * The plan cuts a document, from its lines alone, into **segments** of
 * whole top-level blocks. A segment starts at a line where every construct
 * of the lines above is provably closed (no fenced code, container
 * directive, multi-line JSX tag, expression, ESM or comment is open) and no
 * block can continue: a line at column 1, after a blank line, that does not
 * start a list item. Parsed alone, such a segment gives exactly the nodes a
 * full parse gives for its lines. A segment is **skipped** when it provably
 * holds nothing the extractor reads and cannot fail to parse: no `:role`, no
 * heading (ATX, setext, nested), no container directive, no `<`, `{` or ESM
 * (which are MDX syntax, and may be invalid), outside fenced code. Every
 * other segment is parsed, together with the segments of other documents
 * (`parsePlans`), and its nodes keep their place in the document.
 *
 * When the lines cannot prove a construct closed (a JSX tag, expression or
 * ESM statement that does not end on its line, a fence or container the
 * lines cannot follow), the last segment simply runs to the end of the
 * document: everything from its start is parsed, exactly. A document that
 * may hold a definition (`[x]: url`, `[^1]: note`: references in one
 * segment would read a definition in another), a byte-order mark, TOML front
 * matter or an unclosed fence or container is not planned at all: the
 * caller parses it whole.
 *
 * Three kinds of segment cost less than a parse of their lines:
 *
 * - a container directive whose content nothing reads (an admonition of
 *   plain prose) has only its two fences parsed, to check that they are
 *   one container;
 * - a container directive whose opening line is plain (`simpleOpening`: a
 *   name, a label of plain words, simple attributes) is built around its
 *   body, which is parsed at top level (where it gives the same nodes as
 *   inside the container), or not parsed at all when it is plain prose;
 * - a heading line needs no sentinel after it.
 *
 * Parsing then checks what the lines claimed: each segment's nodes end
 * inside it (a sentinel thematic break after each segment must come out as
 * itself, at its line), and a container directive the plan followed ends
 * where the plan said. Anything else, or any parse error, sends the
 * document to the full parse, which reports its error with its own
 * positions. The property tests (`test/shortcut.test.ts`: extraction, and
 * built containers node for node) and the differential tests (Docusaurus's
 * own compile, on the Redux docs and on fuzzed sites) hold all this.
 */
import type {Root, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import {getParser, type ParseOptions} from './parser.js';

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^[ \t]*(:{3,})[ \t]*$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
/** A line that may start a block (fence, heading, container fence, setext underline). */
const BLOCK_START = /^[ \t]*(?:`{3,}|~{3,}|#{1,6}(?:[ \t]|$)|:{3,}|(?:=+|-+)[ \t]*$)/;
/** A line that may end fenced code or a container. */
const FENCE_OR_CLOSING = /^[ \t]*(?:`{3,}|~{3,}|:{3,})/;
/** A line that starts a list item: it may continue a list above, across blank lines. */
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** An ATX heading, also in a list item or a block quote. */
const HEADING = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*#{1,6}(?:[ \t]|$)/;
/** A line that may underline a setext heading (or is a thematic break), also nested. */
const SETEXT_LIKE = /^[ \t>*+\d.)=-]*$/;
/**
 * The opening of a container directive, in a shape whose syntax is valid:
 * a name, an optional label without brackets, optional attributes.
 */
const CONTAINER_OPENING =
  /^(:{3,})[A-Za-z][\w-]*(?:\[[^[\]]*\])?(?:\{(?:[^{}"']|"[^"]*"|'[^']*')*\})?[ \t]*$/;
/**
 * A line that may start a definition (`[label]: url`, `[^note]: text`):
 * one starts a paragraph, so its line, once block quote and list item
 * markers are left out, starts with `[`. Its label may run on over lines;
 * the line with `]:` may be another.
 */
const LABEL_START = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*\[/;
/** A line that may be ESM in MDX (at column 1). */
const ESM = /^(?:import|export)\b/;
/** ESM statements that are whole on their line: imports, and `export const` of a literal. */
const SIMPLE_ESM = new RegExp(
  [
    String.raw`^import[ \t]+(?:[\w$]+|\*[ \t]+as[ \t]+[\w$]+|\{[ \t\w$,]*\}|[\w$]+[ \t]*,[ \t]*\{[ \t\w$,]*\})[ \t]+from[ \t]+(?:'[^'\\]*'|"[^"\\]*")[ \t]*;?[ \t]*$`,
    String.raw`^import[ \t]+(?:'[^'\\]*'|"[^"\\]*")[ \t]*;?[ \t]*$`,
    String.raw`^export[ \t]+const[ \t]+[A-Za-z_$][\w$]*[ \t]*=[ \t]*(?:'[^'\\]*'|"[^"\\]*"|\d+|true|false)[ \t]*;?[ \t]*$`,
  ].join('|'),
);
/**
 * A JSX tag whose end the lines can see: a name and attributes whose values
 * are strings, or expressions of balanced braces (two deep) whose strings
 * hold no brace nor escape and which hold no comment, regular expression
 * or template:
 * acorn ends such an expression at its balanced `}`, the first place where
 * it can parse (or the document does not compile, and is parsed whole).
 */
const TAG = new RegExp(
  String.raw`^<\/?(?:[A-Za-z][\w-]*(?:[.:][A-Za-z][\w-]*)*)?(?:(?:\s+|(?<=["'}]))[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|EXPRESSION))?)*\s*\/?>`.replace(
    'EXPRESSION',
    String.raw`\{(?:[^{}"'\x60/\\]|"[^"{}\\]*"|'[^'{}\\]*'|\{(?:[^{}"'\x60/\\]|"[^"{}\\]*"|'[^'{}\\]*')*\})*\}`,
  ),
);
/** An HTML comment whole on its line. */
const COMMENT = /^<!--(?!-?>)(?:[^-]|-(?!->))*-->/;
/** An expression whose end the lines can see: empty, a comment, or a name. */
const EXPRESSION = /^\{[ \t]*(?:\/\*(?:[^*]|\*(?!\/))*\*\/|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)?[ \t]*\}/;
/** HTML that CommonMark runs past blank lines (types 1 and 3 to 5): its end is not a line's. */
const RAW_HTML = /^<(?:(?:pre|script|style|textarea)(?:[ \t>]|$)|\?|![^-])/i;

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

/**
 * Whether a `]:` on line `index` may end the label of a definition. A label
 * holds no unescaped bracket and starts its paragraph: going back from the
 * `]:` (over the lines above, up to a blank one), the first unescaped
 * bracket must be a `[` that starts its line (`LABEL_START`).
 */
function mayDefine(lines: readonly Line[], index: number): boolean {
  const text = lines[index]!.text;
  for (let end = text.indexOf(']:'); end !== -1; end = text.indexOf(']:', end + 1)) {
    for (let at = index, before = end; at >= 0; at -= 1, before = Infinity) {
      const line = lines[at]!.text;
      if (isBlank(line)) break;
      const bracket = lastBracket(line, Math.min(before, line.length));
      if (bracket === undefined) continue;
      if (line[bracket] === '[' && LABEL_START.exec(line)?.[0].length === bracket + 1) return true;
      break;
    }
  }
  return false;
}

/** Position of the last bracket before `end` that no backslash precedes. */
function lastBracket(line: string, end: number): number | undefined {
  for (let at = end - 1; at >= 0; at -= 1) {
    if ((line[at] === '[' || line[at] === ']') && line[at - 1] !== '\\') return at;
  }
  return undefined;
}

/**
 * Whether a line is blank as Markdown reads it: spaces and tabs only (a
 * no-break space is text, though `String#trim` removes it).
 */
function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/** `text` without the leading spaces and tabs, Markdown's white space. */
function trimStart(text: string): string {
  return text.replace(/^[ \t]+/, '');
}

/** Whether the line before `index` is blank. */
function previousBlankLine(lines: readonly Line[], index: number): boolean {
  return index > 0 && isBlank(lines[index - 1]!.text);
}

/** Move a parsed slice's positions to where the slice sits in the document. */
function shift(node: RootContent, lines: number, offset: number): void {
  visit(node, (child) => {
    for (const point of [child.position?.start, child.position?.end]) {
      if (!point) continue;
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
    // MDX expressions, JSX attributes and ESM carry their program, with its own places.
    const estree = (child.data as {estree?: unknown} | undefined)?.estree;
    if (estree) shiftEstree(estree, lines, offset);
  });
}

/** Move the places of an estree program (`start`, `end`, `range`, `loc`) by `lines` and `offset`. */
function shiftEstree(value: unknown, lines: number, offset: number): void {
  if (Array.isArray(value)) {
    for (const each of value) shiftEstree(each, lines, offset);
    return;
  }
  if (!value || typeof value !== 'object') return;
  type Point = {line: number; offset?: number};
  const node = value as Record<string, unknown> & {loc?: {start: Point; end: Point}};
  if (typeof node.start === 'number') node.start += offset;
  if (typeof node.end === 'number') node.end += offset;
  if (Array.isArray(node.range)) node.range = node.range.map((at: number) => at + offset);
  for (const point of node.loc ? [node.loc.start, node.loc.end] : []) {
    point.line += lines;
    if (typeof point.offset === 'number') point.offset += offset;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'loc' && key !== 'range' && child && typeof child === 'object') shiftEstree(child, lines, offset);
  }
}

/** Whether `text` closes the fenced code block opened by `fence`. */
function closesFence(text: string, fence: {marker: string}): boolean {
  const match = FENCE.exec(text);
  return Boolean(match && match[2]!.startsWith(fence.marker) && isBlank(match[3]!));
}

/** An opening fence of fenced code (a backtick fence's info has no backtick). */
function openingFence(text: string): {marker: string; indent: number} | undefined {
  const match = FENCE.exec(text);
  if (!match || (match[2]!.startsWith('`') && match[3]!.includes('`'))) return undefined;
  return {marker: match[2]!, indent: match[1]!.length};
}

/** How many lines a JSX tag may span for the plan to follow it. */
const TAG_LINES = 12;

/**
 * The last line of the MDX constructs that line `index` starts with, when
 * the lines show where they end; `undefined` otherwise. A line whose first
 * character is `<` or `{` may be flow JSX or a flow expression, which run
 * on over the next lines (even blank ones) until they end. A run of tags
 * (which may span a few lines), comments and expressions whose ends the
 * lines show is followed; once other text comes, the line is a paragraph,
 * whose inline JSX and expressions cannot reach past it.
 */
function flowEnd(lines: readonly Line[], index: number): number | undefined {
  let rest = trimStart(lines[index]!.text);
  if (RAW_HTML.test(rest)) return undefined;
  let last = index;
  for (;;) {
    if (rest === '') return last;
    const first = rest[0];
    if (first !== '<' && first !== '{') return last;
    let match = first === '{' ? EXPRESSION.exec(rest) : (COMMENT.exec(rest) ?? TAG.exec(rest));
    // A tag over several lines (`<Embed` and its attributes one a line, up to `/>`).
    while (!match && first === '<' && last + 1 < lines.length && last + 1 - index < TAG_LINES) {
      const next = lines[last + 1]!.text;
      if (isBlank(next)) return undefined;
      last += 1;
      rest = `${rest}\n${next}`;
      match = TAG.exec(rest);
    }
    if (!match) return undefined;
    rest = trimStart(rest.slice(match[0].length));
    if (rest.includes('\n')) return undefined;
  }
}

/** A line that is one JSX tag: `<Name …>` or `</Name>`. */
const LONE_TAG = /^[ \t]*<(\/?)([A-Za-z][\w.:-]*)(?:\s[^<>]*)?>[ \t]*$/;

/**
 * Follow a JSX element whose opening and closing tags stand on lines of
 * their own (`<Tabs>` … `</Tabs>`, markdown between): the element holds
 * every block up to its closing tag, so no segment may start inside it.
 * Only ever keeps lines together: a tag it misreads makes a segment that
 * fails to parse, and the document is parsed whole.
 */
function followElement(
  text: string,
  element: {name: string; depth: number} | undefined,
): {name: string; depth: number} | undefined {
  const tag = LONE_TAG.exec(text);
  if (!tag || tag[0].trimEnd().endsWith('/>')) return element;
  const [, closing, name] = tag;
  if (!element) return closing ? undefined : {name: name!, depth: 1};
  if (name !== element.name) return element;
  const depth = element.depth + (closing ? -1 : 1);
  return depth === 0 ? undefined : {name: element.name, depth};
}

/** A range of lines to parse (0-based, inclusive). */
export interface Piece {
  from: number;
  to: number;
  /**
   * Set when the piece is the body of a container directive whose opening
   * line the plan reads itself (`simpleOpening`): the body is parsed at top
   * level, where it gives the same nodes as inside the container, and the
   * container is built around them. `from`/`to` are the body's lines.
   */
  opening?: {line: number; close: number};
  /** Set with `opening` when every line of the body is blank or plain prose (`plainLine`): nothing is parsed. */
  plain?: boolean;
  /** Whether it is one ATX heading line at column 1, which no construct can outlast. */
  heading?: boolean;
  /** Whether it holds ESM: declarations must not meet another document's in one parse. */
  esm?: boolean;
  /**
   * Set on a container directive whose content nothing reads: the line
   * that closes it. Only its two fences are parsed, to check them; the
   * piece contributes no node.
   */
  closedBy?: number;
  /** Container directives the plan followed: the lines that open and close each. */
  containers?: Array<[open: number, close: number]>;
}

/** What to parse of a document: its lines and the segments to parse, in order. */
export interface RolesPlan {
  content: string;
  lines: Line[];
  pieces: Piece[];
}

/** A segment of the document being planned. */
interface Segment extends Piece {
  /** Whether it may hold something the extractor reads, or syntax that may fail. */
  parse: boolean;
}

/**
 * Decide, from the lines alone, which segments of a document must be
 * parsed; `undefined` when the document is not planned (parse it whole).
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

  const segments: Segment[] = [];
  let segment: Segment | undefined;
  let fence: {marker: string; indent: number} | undefined;
  /** The open top-level container directive: its fence closes it, whatever is inside. */
  let container: {colons: number; open: number} | undefined;
  /** The open flow JSX element whose tags stand on lines of their own: name and depth. */
  let element: {name: string; depth: number} | undefined;
  /** After a line that starts with HTML: CommonMark may read every line up to a blank one as HTML. */
  let html = false;
  /** In an ESM block, which runs up to a blank line. */
  let esm = false;
  /** Once set, the current segment runs to the end of the document. */
  let toEnd = false;
  let previousBlank = true;
  /** Whether a list may be open: its items may follow blank lines. */
  let list = false;
  /** Whether the previous line ended its block (a heading, a closing fence). */
  let previousEnded = false;
  for (; index < lines.length; index += 1) {
    const {text} = lines[index]!;
    // A definition links `[text]` in other segments, which are parsed apart.
    if ((toEnd || !fence) && text.includes(']:') && mayDefine(lines, index)) return undefined;
    if (toEnd) continue;
    const blank = isBlank(text);
    // Whether this line starts a block whatever the lines above were.
    const fresh = previousBlank || previousEnded;
    previousBlank = blank;
    previousEnded = false;
    if (fence) {
      if (!blank) segment!.to = index;
      const closing = container && CLOSING.exec(text);
      if (closing && closing[1]!.length >= container!.colons) {
        // A container's fence ends the code inside it too.
        (segment!.containers ??= []).push([container!.open, index]);
        container = undefined;
        fence = undefined;
        previousEnded = true;
      } else if (closesFence(text, fence)) {
        if (indentation(text) < fence.indent) toEnd = true;
        previousEnded = fence.indent === 0;
        fence = undefined;
      } else if (indentation(text) >= 4 && FENCE_OR_CLOSING.test(text)) {
        // In MDX (no indented code) this may end the code; in `md` it may not.
        toEnd = true;
      } else if (!blank && indentation(text) < fence.indent) {
        // An indented fence may belong to a list item that this line ends.
        toEnd = true;
      } else if (CLOSING.test(text) && (container || fence.indent > 0)) {
        // The fence may sit in a container (in a list item, or in the one
        // followed) that this line closes. At column 1 outside one, it is
        // code: every container there is followed.
        toEnd = true;
      }
      continue;
    }
    if (blank) {
      html = false;
      esm = false;
      continue;
    }
    const item = LIST_ITEM.test(trimStart(text)) && indentation(text) < 4;
    // A list item after a blank line may continue the list above it.
    if (!segment || (fresh && !container && !element && !/^[ \t]/.test(text) && !(item && list))) {
      segment = {from: index, to: index, parse: false};
      segments.push(segment);
      list = false;
    }
    if (item) list = true;
    segment.to = index;
    if (indentation(text) >= 4 && BLOCK_START.test(text)) {
      toEnd = true;
      continue;
    }

    if (container) {
      const closing = CLOSING.exec(text);
      if (closing && closing[1]!.length >= container.colons) {
        (segment.containers ??= []).push([container.open, index]);
        container = undefined;
        previousEnded = true;
        continue;
      }
    } else if (text.startsWith(':::') || /^[ \t]+:{3}/.test(text)) {
      const opening = CONTAINER_OPENING.exec(text);
      // A container starts a top-level block (checked after parsing); then
      // the plan follows it to its closing fence, whatever is inside.
      if (opening && fresh) {
        container = {colons: opening[1]!.length, open: index};
        if (text.includes(':role')) segment.parse = true;
        continue;
      }
      segment.parse = true;
      // After a blank line, a lone `:::` is a paragraph: no container is open.
      if (!(fresh && previousBlankLine(lines, index) && /^:{3,}[ \t]*$/.test(text))) toEnd = true;
      continue;
    }
    if (html && FENCE_OR_CLOSING.test(text)) {
      // Perhaps inside an HTML block: not a fence nor a container fence.
      toEnd = true;
      continue;
    }
    if ((fence = openingFence(text))) continue;

    if (text.includes(':role') || HEADING.test(text) || (SETEXT_LIKE.test(text) && /[=-]/.test(text))) {
      segment.parse = true;
    }
    const first = trimStart(text)[0];
    if (esm || ESM.test(text)) {
      segment.parse = true;
      segment.esm = true;
      esm = true;
      if (!SIMPLE_ESM.test(text)) toEnd = true;
    } else if (text.includes('<') || text.includes('{')) {
      segment.parse = true;
      if (first === '<' || first === '{') {
        const end = flowEnd(lines, index);
        if (end === undefined) {
          toEnd = true;
          continue;
        }
        if (!container) element = followElement(lines.slice(index, end + 1).map((line) => line.text).join('\n'), element);
        if (first === '<') html = true;
        index = end;
        segment.to = end;
      }
    } else if (/^#{1,6}(?:[ \t]|$)/.test(text) && !html && !esm) {
      // An ATX heading at column 1 ends on its line.
      previousEnded = true;
    }
  }
  if (toEnd) {
    segment!.parse = true;
    segment!.to = lines.length - 1;
  } else if (fence || container) {
    // Unclosed: code or a container to the end of the document.
    return undefined;
  }

  const pieces: Piece[] = [];
  for (const {parse, ...piece} of segments) {
    if (parse) {
      if (piece.from === piece.to && /^#{1,6}(?:[ \t]|$)/.test(lines[piece.from]!.text)) piece.heading = true;
      const [open, close] = piece.containers?.length === 1 ? piece.containers[0]! : [];
      if (
        open === piece.from &&
        close === piece.to &&
        close - open > 1 &&
        simpleOpening(lines[open]!.text) &&
        !lines.slice(open + 1, close).some(({text}) => ESM.test(text))
      ) {
        const body = lines.slice(open + 1, close);
        // Plain prose: built without parsing. Else its body alone: ESM, the
        // one thing read otherwise at top level, is absent.
        if (body.every(({text}) => isBlank(text) || plainLine(text))) {
          pieces.push({from: open + 1, to: close - 1, opening: {line: open, close}, plain: true});
        } else {
          pieces.push({from: open + 1, to: close - 1, opening: {line: open, close}});
        }
        continue;
      }
      pieces.push(piece);
    } else {
      // Nothing inside is read: parse only its fences, to check that the
      // opening line is a container directive that the closing line closes.
      for (const [open, close] of piece.containers ?? []) pieces.push({from: open, to: open, closedBy: close});
    }
  }
  return {content, lines, pieces};
}

/**
 * Ends each piece: had the piece left a block open, this would be inside
 * it, not a top-level thematic break on its own line. (A thematic break
 * costs the parser much less than a paragraph, whose text it parses.)
 */
const SENTINEL = '***';

/** Batches stay below this size, so one parse never holds too much. */
const BATCH_CHARACTERS = 10_000;

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
      if (nodes) for (const node of nodes[index]!) children.get(ref.plan)!.push(node);
      else retry.add(ref.plan);
    });
  });
  const failed = new Set<RolesPlan>();
  for (const plan of retry) {
    const alone: RootContent[] = [];
    forEachBatch([plan], (batch) => {
      const nodes = failed.has(plan) ? undefined : tryParsePieces(batch, options);
      if (nodes) for (const each of nodes) for (const node of each) alone.push(node);
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
  /** The document whose ESM the batch holds: another's could declare the same names. */
  let esm: RolesPlan | undefined;
  for (const plan of plans) {
    for (const piece of plan.pieces) {
      if (piece.esm && esm && esm !== plan) {
        parse(batch);
        batch = [];
        size = 0;
        esm = undefined;
      }
      if (piece.esm) esm = plan;
      batch.push({plan, piece});
      size += piece.plain
        ? 0
        : piece.closedBy === undefined
          ? (plan.lines[piece.to + 1]?.start ?? plan.content.length) - plan.lines[piece.from]!.start
          : plan.lines[piece.from]!.text.length;
      if (size > BATCH_CHARACTERS) {
        parse(batch);
        batch = [];
        size = 0;
        esm = undefined;
      }
    }
  }
  if (batch.length > 0) parse(batch);
}

/** `parsePieces`, with any exception (a syntax error in a piece) meaning "no result". */
function tryParsePieces(batch: readonly PieceRef[], options: ParseOptions): RootContent[][] | undefined {
  try {
    return parsePieces(batch, options);
  } catch {
    return undefined;
  }
}

/**
 * Parse `batch` in one go: a sentinel, then each piece followed by a blank
 * line, a sentinel and a blank line (a heading line by a blank line only; a
 * container's fences alone for a check; nothing for a plain container,
 * which is built). Check the result has exactly the expected shape (each
 * piece's nodes inside its lines, then its sentinel, and a container
 * directive the plan followed ending where the plan said), and move each
 * node back to its place in its document. `undefined` when the shape is
 * not as expected.
 */
function parsePieces(batch: readonly PieceRef[], options: ParseOptions): RootContent[][] | undefined {
  // A sentinel first, so that no piece starts the document: a piece's `---`
  // would be front matter there.
  let text = `${SENTINEL}\n\n`;
  let batchLine = 2;
  const starts: Array<{line: number; offset: number}> = [];
  for (const {plan, piece} of batch) {
    const {content, lines} = plan;
    const last = lines[piece.to]!;
    starts.push({line: batchLine, offset: text.length});
    if (piece.plain) continue;
    // Without the last line's own ending: a lone CR before the separator
    // would make one CRLF of them, and no blank line.
    const slice =
      piece.closedBy === undefined
        ? content.slice(lines[piece.from]!.start, last.start + last.text.length)
        : `${lines[piece.from]!.text}\n${lines[piece.closedBy]!.text}`;
    // A heading line cannot leave anything open: no sentinel after it.
    text += piece.heading ? `${slice}\n\n` : `${slice}\n\n${SENTINEL}\n\n`;
    batchLine += (piece.closedBy === undefined ? piece.to - piece.from + 1 : 2) + (piece.heading ? 1 : 3);
  }
  const parsed = getParser(options).parse(text).children;
  if (!parsed[0] || !isSentinel(parsed[0], 1)) return undefined;
  let cursor = 1;
  const result: RootContent[][] = [];
  for (const [index, {plan, piece}] of batch.entries()) {
    if (piece.plain) {
      result.push([buildContainer(plan.lines, piece.opening!, plainParagraphs(plan.content, plan.lines, piece.from, piece.to))]);
      continue;
    }
    const start = starts[index]!;
    const first = start.line + 1;
    const last = first + (piece.closedBy === undefined ? piece.to - piece.from : 1);
    const nodes: RootContent[] = [];
    if (piece.heading) {
      const node = parsed[cursor];
      if (node?.type !== 'heading' || node.position?.start.line !== first || node.position.end.line !== first) {
        return undefined;
      }
      cursor += 1;
      shift(node, piece.from - start.line, plan.lines[piece.from]!.start - start.offset);
      result.push([node]);
      continue;
    }
    for (let node = parsed[cursor]; node && !isSentinel(node, last + 2); node = parsed[cursor]) {
      if (!node.position || node.position.start.line < first || node.position.end.line > last) return undefined;
      nodes.push(node);
      cursor += 1;
    }
    if (!parsed[cursor]) return undefined;
    cursor += 1;
    if (piece.closedBy !== undefined) {
      if (nodes.length !== 1 || !hasContainer(nodes, first, last)) return undefined;
      result.push([]);
      continue;
    }
    for (const [open, close] of piece.containers ?? []) {
      if (!hasContainer(nodes, first + open - piece.from, first + close - piece.from)) return undefined;
    }
    for (const node of nodes) shift(node, piece.from - start.line, plan.lines[piece.from]!.start - start.offset);
    result.push(piece.opening ? [buildContainer(plan.lines, piece.opening, nodes)] : nodes);
  }
  return cursor === parsed.length ? result : undefined;
}

/**
 * The opening line of a container directive in a shape whose mdast the plan
 * can tell without parsing: a name, a label of plain words (letters,
 * digits, single spaces, `.,;?!'()/-`: no syntax, no autolink), attributes
 * `key=value`, `key="value"` or `key='value'` one space apart (no character
 * reference, no escape, no `class`, no repeated key). `undefined` for
 * anything else, which is parsed.
 */
function simpleOpening(
  text: string,
): {name: string; label: {value: string; column: number} | undefined; attributes: Record<string, string>} | undefined {
  const match = SIMPLE_OPENING.exec(text);
  if (!match) return undefined;
  const [, colons, name, labelText, attributeText] = match;
  if (labelText !== undefined && (!PLAIN_LABEL.test(labelText) || /www\./i.test(labelText))) return undefined;
  const attributes: Record<string, string> = {};
  if (attributeText) {
    const attribute = /([A-Za-z][\w-]*)=(?:([\w-]+)|"([^"&\\]*)"|'([^'&\\]*)')( |$)/y;
    for (let at = 0; at < attributeText.length; ) {
      attribute.lastIndex = at;
      const found = attribute.exec(attributeText);
      if (!found || found[1] === 'class' || found[1]! in attributes) return undefined;
      if (found[5] === ' ' && attribute.lastIndex === attributeText.length) return undefined;
      attributes[found[1]!] = found[2] ?? found[3] ?? found[4]!;
      at = attribute.lastIndex;
    }
  }
  const label = labelText === undefined ? undefined : {value: labelText, column: colons!.length + name!.length + 1};
  return {name: name!, label, attributes};
}

/** See `simpleOpening`. */
const SIMPLE_OPENING = /^(:{3,})([A-Za-z][\w-]*)(?:\[([^\]]*)\])?(?:\{([^}]*)\})?[ \t]*$/;
const PLAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}.,;?!'()/-]| (?=[^ ]))*$/u;

/**
 * A line of plain prose, which the parser reads as text and nothing else:
 * letters, digits, single spaces and `.,;?!'()/-`, starting with a letter
 * or digit, not an ordered list item (`1.`), no autolink (`www.`).
 */
function plainLine(text: string): boolean {
  return PLAIN_LINE.test(text) && !/^\d{1,9}[.)](?: |$)/.test(text) && !/www\./i.test(text);
}

const PLAIN_LINE = /^[\p{L}\p{N}](?:[\p{L}\p{N}.,;?!'()/-]| (?=[^ ]))*$/u;

/** The paragraphs of lines `from` to `to`, all blank or `plainLine`, as the parser builds them. */
function plainParagraphs(content: string, lines: readonly Line[], from: number, to: number): RootContent[] {
  const paragraphs: RootContent[] = [];
  for (let first = from; first <= to; first += 1) {
    if (isBlank(lines[first]!.text)) continue;
    let last = first;
    while (last < to && !isBlank(lines[last + 1]!.text)) last += 1;
    const start = {line: first + 1, column: 1, offset: lines[first]!.start};
    const end = {line: last + 1, column: lines[last]!.text.length + 1, offset: lines[last]!.start + lines[last]!.text.length};
    // The lines with the line endings between them, as written.
    const value = content.slice(lines[first]!.start, end.offset);
    paragraphs.push({
      type: 'paragraph',
      children: [{type: 'text', value, position: {start: {...start}, end: {...end}}}],
      position: {start, end},
    });
    first = last;
  }
  return paragraphs;
}

/** The container directive of a `simpleOpening` line around its parsed body, as the parser builds it. */
function buildContainer(lines: readonly Line[], {line, close}: {line: number; close: number}, body: RootContent[]): RootContent {
  const opening = lines[line]!;
  const closing = lines[close]!;
  const {name, label, attributes} = simpleOpening(opening.text)!;
  const point = (at: number, column: number) => ({line: at + 1, column, offset: lines[at]!.start + column - 1});
  const children: RootContent[] = [];
  if (label) {
    const {value, column} = label;
    children.push({
      type: 'paragraph',
      data: {directiveLabel: true},
      children: [{type: 'text', value, position: {start: point(line, column + 1), end: point(line, column + 1 + value.length)}}],
      position: {start: point(line, column), end: point(line, column + value.length + 2)},
    } as RootContent);
  }
  for (const node of body) children.push(node);
  return {
    type: 'containerDirective',
    name,
    attributes,
    children,
    position: {start: point(line, 1), end: point(close, closing.text.length + 1)},
  } as RootContent;
}

/** Whether a container directive opens at column 1 of line `open` and closes on line `close`. */
function hasContainer(nodes: readonly RootContent[], open: number, close: number): boolean {
  let found = false;
  for (const node of nodes) {
    visit(node, 'containerDirective', (child) => {
      const {start, end} = child.position!;
      if (start.line === open && start.column === 1 && end.line === close) found = true;
    });
  }
  return found;
}

/** Whether `node` is the sentinel, on `line` of the batch. */
function isSentinel(node: RootContent, line: number): boolean {
  return node.type === 'thematicBreak' && node.position?.start.line === line && node.position.end.line === line;
}
