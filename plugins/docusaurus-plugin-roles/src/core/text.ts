/**
 * Plain text out of mdast, for titles, the `text` of an entry and slugs:
 * the text a reader sees on the page, computed the same way from the tree
 * the aggregator parses and from the tree the MDX compile hands `remarkRoles`.
 *
 * What Docusaurus does to a node after `remarkRoles` runs decides what the
 * reader sees, so the rules follow it:
 *
 * - a simple text directive (`Dose:Low`: no label, no attributes) is turned
 *   back into the text `:Low` by Docusaurus when no plugin uses it;
 * - an admonition shows its title: a text-only one lives in
 *   `data.hProperties.title` once Docusaurus's admonitions plugin ran;
 * - images (whose `alt` is not visible text, and which Docusaurus turns into
 *   `<img>` elements for local files), MDX expressions and ESM, raw HTML and
 *   front matter show no text of their own.
 */
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

/** Nodes that show no text of their own. */
const SKIPPED = new Set([
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'html',
  'yaml',
  'toml',
  'image',
  'imageReference',
  'definition',
]);

/** The title an admonition shows above its children, when it is text only. */
function admonitionTitle(node: Nodes): string | undefined {
  const data = node.data as {hName?: unknown; hProperties?: {title?: unknown}} | undefined;
  const title = data?.hName === 'admonition' ? data.hProperties?.title : undefined;
  return typeof title === 'string' ? title : undefined;
}

function blockTexts(node: Nodes, out: string[]): void {
  if (SKIPPED.has(node.type)) return;
  const title = admonitionTitle(node);
  if (title !== undefined) out.push(title);
  if (BLOCK_CONTAINERS.has(node.type) && 'children' in node) {
    for (const child of node.children) blockTexts(child, out);
    return;
  }
  out.push(inlineText(node));
}

/** Text of an inline run (or of any node, its blocks glued). */
function inlineText(node: Nodes): string {
  if (SKIPPED.has(node.type)) return '';
  if (node.type === 'textDirective' && node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0) {
    return `:${node.name}`;
  }
  if (node.type === 'break') return ' ';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) {
    let text = '';
    for (const child of node.children as Nodes[]) text += inlineText(child);
    return text;
  }
  return '';
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
