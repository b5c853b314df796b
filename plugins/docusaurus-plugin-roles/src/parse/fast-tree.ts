/**
 * The second half of the aggregator's fast path: the needed blocks of the
 * outline (`block-outline.ts`), parsed by the real parser, in one document,
 * with the positions they have in the file.
 *
 * Each top-level block parses alone as it parses in its document: the
 * block's own lines decide it (the line after it did not continue it), and
 * the parse's only document-wide state, link and footnote definitions, is
 * given back by stub definitions of the same labels written first. Blocks
 * are separated by a thematic break between blank lines, which closes every
 * open container, so no block runs into the next. A block keeps its lines
 * whole, from column 1: columns (tab stops too) are the file's.
 *
 * If that parse fails, the caller parses the whole file, whose error (or
 * success) is the page's: a block can only fail alone when it is cut from
 * a JSX element whose other tag is in another block.
 */
import type {Nodes, Root, RootContent} from 'mdast';
import type {Outline} from './block-outline.js';
import {parseWith, type Syntax} from './syntax.js';

/** Between blocks: a blank line, a thematic break, a blank line. */
const SEPARATOR = '\n\n***\n\n';
const LINE_ENDING = /\r\n|\r|\n/g;

/** Where a block was put in the parsed text, and how to move its positions back. */
interface Placed {
  from: number;
  to: number;
  offsetDelta: number;
  lineDelta: number;
}

function lineEndings(text: string): number {
  return text.match(LINE_ENDING)?.length ?? 0;
}

/**
 * The tree of the outline's needed blocks and known nodes, positions as in
 * `content`; `undefined` when the blocks do not parse alone.
 */
export function fastTree(content: string, outline: Outline, syntax: Syntax): Root | undefined {
  let text = '';
  let lines = 0;
  // Lines counted as the parser counts them: a CR that ends what is
  // written so far and the LF that starts the next piece are one line ending.
  const append = (piece: string): void => {
    if (text.endsWith('\r') && piece.startsWith('\n')) lines -= 1;
    text += piece;
    lines += lineEndings(piece);
  };
  for (const label of outline.definitions) append(`[${label}]: #\n\n`);
  for (const label of outline.footnotes) append(`[^${label}]: x\n\n`);
  const placed: Placed[] = [];
  for (const block of outline.needed) {
    append(SEPARATOR);
    const slice = content.slice(block.start, block.end);
    placed.push({from: text.length, to: text.length + slice.length, offsetDelta: block.start - text.length, lineDelta: block.line - (lines + 1)});
    append(slice);
  }
  let parsed: Root;
  try {
    parsed = parseWith(text, syntax);
  } catch {
    return undefined;
  }
  const children: RootContent[] = [];
  let at = 0;
  for (const child of parsed.children) {
    const offset = child.position?.start.offset;
    if (offset === undefined) continue;
    while (at < placed.length && placed[at]!.to <= offset) at += 1;
    const block = placed[at];
    if (!block || offset < block.from) continue;
    move(child, block);
    children.push(child);
  }
  for (const node of outline.known) children.push(node);
  children.sort((a, b) => a.position!.start.offset! - b.position!.start.offset!);
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: endOf(content)},
  };
}

/** Move a node's positions, and its descendants', back to the file's. */
function move(node: Nodes, block: Placed): void {
  const {position} = node;
  if (position) {
    position.start.line += block.lineDelta;
    position.end.line += block.lineDelta;
    if (position.start.offset !== undefined) position.start.offset += block.offsetDelta;
    if (position.end.offset !== undefined) position.end.offset += block.offsetDelta;
  }
  if ('children' in node) for (const child of node.children) move(child, block);
}

/** The point after the last character of `content`, as micromark counts lines. */
function endOf(content: string): {line: number; column: number; offset: number} {
  const line = lineEndings(content) + 1;
  const lastBreak = Math.max(content.lastIndexOf('\n'), content.lastIndexOf('\r'));
  return {line, column: content.length - lastBreak, offset: content.length};
}
