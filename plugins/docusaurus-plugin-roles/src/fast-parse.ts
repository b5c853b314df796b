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
 *   could swallow lines), and no heading is nested, setext or holds `[`.
 *
 * Each container is then parsed alone, from its opening line up to the next
 * opening, with the full parser; if it is not closed by its own fence within
 * that slice (a nested `:::role`, say), the document is not simple either.
 * The differential test holds this to the full parse on real corpora.
 */
import type {Heading, Root, RootContent} from 'mdast';
import type {ContainerDirective} from 'mdast-util-directive';
import {visit} from 'unist-util-visit';
import {getParser, type ParseOptions} from './parse.js';

const OPENING = /^(:{3,})role(?:[[{]|[ \t]*$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NESTED_HEADING = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)+#{1,6}(?:[ \t]|$)/;
const CLOSING = /^ {0,3}(:{3,})[ \t]*$/;

interface Line {
  /** Offset of the line's first character in the document. */
  start: number;
  /** The line without its line ending. */
  text: string;
}

function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= content.length) {
    const end = content.indexOf('\n', start);
    const stop = end === -1 ? content.length : end;
    const text = content.slice(start, content[stop - 1] === '\r' ? stop - 1 : stop);
    lines.push({start, text});
    if (end === -1) break;
    start = end + 1;
  }
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

/** Parse `text` and return its only top-level node of the expected kind. */
function parseSlice<T extends RootContent>(
  text: string,
  options: ParseOptions,
  type: T['type'],
): T | undefined {
  const [first] = getParser(options).parse(text).children;
  return first?.type === type && first.position?.start.line === 1 && first.position.start.column === 1
    ? (first as T)
    : undefined;
}

/**
 * The role containers and headings of a simple document, as a tree for
 * `extractAnnotations`; `undefined` when the document is not provably simple.
 */
export function parseRolesOnly(content: string, options: ParseOptions): Root | undefined {
  if (content.charCodeAt(0) === 0xfeff) return undefined;
  const lines = splitLines(content);
  let index = 0;
  if (lines[0]?.text === '+++') return undefined;
  if (lines[0]?.text === '---') {
    index = lines.findIndex((line, at) => at > 0 && line.text === '---') + 1;
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
      const closing = FENCE.exec(text);
      if (closing && closing[2]!.startsWith(fence.marker) && closing[3]!.trim() === '') {
        fence = undefined;
      } else if (!blank && fence.indent > 0 && !text.startsWith(' '.repeat(fence.indent))) {
        // An indented fence may belong to a list item that this line ends.
        return undefined;
      }
      previousBlank = false;
      continue;
    }
    const opening = FENCE.exec(text);
    if (opening && !(opening[2]!.startsWith('`') && opening[3]!.includes('`'))) {
      fence = {marker: opening[2]!, indent: opening[1]!.length};
      previousBlank = false;
      continue;
    }
    if (text.includes(':role')) {
      // The opening line itself is parsed with the full parser below.
      if (!previousBlank || !OPENING.test(text)) return undefined;
      openings.push(index);
    } else if (text.includes('<') || text.includes('{')) {
      return undefined;
    } else if (ATX_HEADING.test(text)) {
      if (text.includes('[')) return undefined;
      headings.push(index);
    } else if (NESTED_HEADING.test(text) || (SETEXT_UNDERLINE.test(text) && !previousBlank)) {
      return undefined;
    }
    previousBlank = blank;
  }

  const children: Array<{line: number; node: RootContent}> = [];
  const spans: Array<[number, number]> = [];
  for (const [at, open] of openings.entries()) {
    const next = openings[at + 1];
    const start = lines[open]!.start;
    const end = next === undefined ? content.length : lines[next]!.start;
    const node = parseSlice<ContainerDirective>(content.slice(start, end), options, 'containerDirective');
    if (!node || node.name !== 'role') return undefined;
    // Closed by its own fence inside the slice, or the slice cut it short.
    const lastLine = lines[open + node.position!.end.line - 1]?.text ?? '';
    const fenceLength = CLOSING.exec(lastLine)?.[1]!.length ?? 0;
    if (node.position!.end.line < 2 || fenceLength < OPENING.exec(lines[open]!.text)![1]!.length) {
      return undefined;
    }
    shift(node, open, start);
    spans.push([open, node.position!.end.line - 1]);
    children.push({line: open, node});
  }
  for (const line of headings) {
    if (spans.some(([from, to]) => line >= from && line <= to)) continue;
    const node = parseSlice<Heading>(lines[line]!.text, options, 'heading');
    if (!node) return undefined;
    shift(node, line, lines[line]!.start);
    children.push({line, node});
  }
  children.sort((a, b) => a.line - b.line);
  return {type: 'root', children: children.map(({node}) => node)};
}
