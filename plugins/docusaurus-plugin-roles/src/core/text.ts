/**
 * Plain text out of mdast, for titles, the `text` of an entry and slugs.
 */
import {toString} from 'mdast-util-to-string';
import type {Nodes, RootContent} from 'mdast';

/** Nodes whose children are blocks: their text is joined with spaces. */
const BLOCK_CONTAINERS = new Set([
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'containerDirective',
  'mdxJsxFlowElement',
  'footnoteDefinition',
]);

/** Nodes that hold code, not prose readers see as text. */
const SKIPPED = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'yaml', 'toml']);

function blockTexts(node: Nodes, out: string[]): void {
  if (SKIPPED.has(node.type)) return;
  if (BLOCK_CONTAINERS.has(node.type) && 'children' in node) {
    for (const child of node.children) blockTexts(child, out);
    return;
  }
  out.push(inlineText(node));
}

/** Text of an inline run, skipping MDX expressions and raw HTML. */
function inlineText(node: Nodes): string {
  if (SKIPPED.has(node.type)) return '';
  if ('children' in node) {
    return (node.children as Nodes[]).map(inlineText).join('');
  }
  return toString(node);
}

/** Collapse white space the way a browser shows it. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Plain text of a sequence of blocks: each block's text, separated by one
 * space (`mdast-util-to-string` alone would glue list items together).
 */
export function blocksToText(nodes: readonly RootContent[]): string {
  const out: string[] = [];
  for (const node of nodes) blockTexts(node, out);
  return collapseWhitespace(out.filter(Boolean).join(' '));
}

/** Plain text of phrasing content (a directive label). */
export function phrasingToText(nodes: readonly Nodes[]): string {
  return collapseWhitespace(nodes.map(inlineText).join(''));
}

const sentences = new Intl.Segmenter('und', {granularity: 'sentence'});

/**
 * The first sentence of a text, by Unicode sentence rules (so it works for
 * every language the site is written in, not only `. `).
 */
export function firstSentence(text: string): string {
  for (const {segment} of sentences.segment(text)) {
    const trimmed = segment.trim();
    if (trimmed) return trimmed;
  }
  return '';
}
