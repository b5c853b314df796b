/**
 * Where an annotation sits on its page: its section, the nearest heading
 * above it (in document order, whatever the nesting: a heading in a list,
 * a block quote, an admonition or JSX counts where it stands).
 *
 * ```md
 * ## During placement {#placement}
 *
 * :::role[Captures the spine images]{of=technologist}
 * …
 * :::
 * ```
 *
 * puts the annotation in `{id: 'placement', title: 'During placement'}`.
 *
 * Only headings of level 2 and deeper are sections: a page's `#` heading is
 * its title, which Docusaurus renders without an anchor. An annotation with
 * no such heading above it has no section (`null`): it belongs to the top of
 * the page.
 *
 * Pure: the heading ids come from the caller (`headingIds` in `extract.ts`),
 * so sections and annotation ids are computed from the same anchors.
 */
import type {Heading, Nodes, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {phrasingToText} from './text.js';

/** A section of a page: a heading's anchor and its plain text. */
export interface Section {
  /** Anchor id of the heading, as the page renders it (`#id` links to it). */
  id: string;
  /** Plain text of the heading, without an explicit `{#id}`. */
  title: string;
}

/** The shallowest heading level that is a section (`#` titles the page). */
export const SECTION_DEPTH = 2;

/**
 * Docusaurus's classic explicit heading id, `{#id}` at the end of the text
 * (`parseMarkdownHeadingId` in `@docusaurus/utils`): the id may hold any
 * character but `{#` and `}`.
 */
const EXPLICIT_ID = /\s*\{#(?:.(?!\{#|\}))*.\}$/;

/**
 * Plain text of a heading as readers see it. Inside the MDX compile,
 * Docusaurus's headings plugin has already set `data.id` and removed the
 * explicit id from the text; on a freshly parsed tree the `{#id}` is still
 * text (escaped by the preprocessing), and is removed here the same way. An
 * id written as a comment (`{/* #id *\/}`, `<!-- #id -->`) is never text.
 */
export function headingTitle(heading: Heading): string {
  const text = phrasingToText(heading.children);
  const data = heading.data as {id?: unknown} | undefined;
  return typeof data?.id === 'string' ? text : text.replace(EXPLICIT_ID, '');
}

/**
 * The section of each of `nodes`: the last section heading that comes before
 * it in document order (a heading inside an earlier node counts too), or
 * `null` when there is none.
 *
 * @param headingIds the anchor id of every heading of the tree, in the
 *   order `visit` meets them (`headingIds` in `extract.ts`).
 */
export function sectionsOf(
  tree: Root,
  headingIds: readonly string[],
  nodes: readonly Nodes[],
): Map<Nodes, Section | null> {
  const wanted = new Set<Nodes>(nodes);
  const sections = new Map<Nodes, Section | null>();
  if (wanted.size === 0) return sections;
  let current: Section | null = null;
  let headingIndex = 0;
  // Preorder: a node is visited before its children and after everything
  // that precedes it in the document.
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const id = headingIds[headingIndex];
      headingIndex += 1;
      // An empty heading has no anchor: it is no section.
      if (node.depth >= SECTION_DEPTH && id) current = {id, title: headingTitle(node)};
    }
    if (wanted.has(node)) sections.set(node, current);
  });
  return sections;
}
