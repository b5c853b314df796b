/**
 * Turn a freshly parsed tree into the tree `remarkRoles` sees inside the
 * Docusaurus MDX compile, so the aggregator and the pages extract from the
 * same tree.
 *
 * Between the parser and the site's `remarkPlugins`, MDX and Docusaurus run
 * transforms that change what an annotation's title, text and id come out
 * as. They are applied here in the compile's order, with the site's settings:
 *
 * 1. MDX's `remark-mark-and-unravel`: a paragraph of only JSX or expressions
 *    is replaced by its children (a `[<b>label</b>]` too);
 * 2. `contentTitle`: the blog removes a leading `# Title`;
 * 3. `admonitions`: an admonition's label becomes its title;
 * 4. `headings`: every heading gets its anchor id, an explicit `{#id}` or
 *    `{/* #id *\/}` is removed from its text;
 * 5. `remark-emoji` (`markdown.emoji`): `:+1:` becomes 👍;
 * 6. `mermaid` (`markdown.mermaid`): a mermaid code block becomes a diagram.
 *
 * The other default plugins (details, head, images, links, toc) change
 * nothing that an annotation's title, text or id is made of.
 */
import {createRequire} from 'node:module';
import {findAndReplace} from 'mdast-util-find-and-replace';
import {toString} from 'mdast-util-to-string';
import {get as getEmoji} from 'node-emoji';
import {EXIT, visit} from 'unist-util-visit';
import type {Heading, Paragraph, Parent, Root, RootContent} from 'mdast';
import type {ContainerDirective} from 'mdast-util-directive';

// CommonJS exports, invisible to ESM named imports: require them.
const {createSlugger, parseMarkdownHeadingId} = createRequire(import.meta.url)(
  '@docusaurus/utils',
) as typeof import('@docusaurus/utils');

/** What decides how the compile transforms a file's tree. */
export interface PageTreeOptions {
  /** Admonition keywords of the file's content plugin, `false` when it turns admonitions off. */
  admonitions: readonly string[] | false;
  /** Whether the content plugin removes the leading `# Title` (the blog does). */
  removeContentTitle: boolean;
  /** `markdown.emoji`. */
  emoji: boolean;
  /** `markdown.mermaid`. */
  mermaid: boolean;
  /** `markdown.anchors.maintainCase`. */
  maintainCase: boolean;
}

/** Transform `tree` in place into what `remarkRoles` receives in the compile. */
export function toPageTree(tree: Root, options: PageTreeOptions): Root {
  unravel(tree);
  if (options.removeContentTitle) removeContentTitle(tree);
  if (options.admonitions) transformAdmonitions(tree, options.admonitions);
  setHeadingIds(tree, options.maintainCase);
  if (options.emoji) emoji(tree);
  if (options.mermaid) transformMermaid(tree);
  return tree;
}

/**
 * `remark-emoji` (4.x) with the settings the compile gives it (none): every
 * `:shortcode:` of text that names an emoji becomes the emoji. Written out
 * here from the same two libraries because `remark-emoji` is ESM-only with
 * no `require` entry, and a site config may load this package as CommonJS.
 */
function emoji(tree: Root): void {
  // Most trees hold no shortcode: a plain walk finds that out much faster
  // than `findAndReplace`'s visit, which builds every node's ancestry.
  if (!hasText(tree, SHORTCODE)) return;
  findAndReplace(tree, [[new RegExp(SHORTCODE.source, 'g'), (match: string) => getEmoji(match) ?? false]]);
}

/** A `remark-emoji` shortcode. */
const SHORTCODE = /:\+1:|:-1:|:[\w-]+:/;

/** Whether a text node of `node` matches `pattern` (no `g` flag). */
function hasText(node: Root | RootContent, pattern: RegExp): boolean {
  if (node.type === 'text') return pattern.test(node.value);
  if (!('children' in node)) return false;
  for (const child of node.children) if (hasText(child as RootContent, pattern)) return true;
  return false;
}

/** HTML white space, as `collapse-white-space` reads it for MDX. */
const HTML_WHITESPACE = /^[\t\n\f\r ]*$/;

/** MDX's `remark-mark-and-unravel`: JSX- or expression-only paragraphs become their children. */
function unravel(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return undefined;
    let some = false;
    for (const child of node.children) {
      if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') some = true;
      else if (!(child.type === 'text' && HTML_WHITESPACE.test(child.value))) return undefined;
    }
    if (!some) return undefined;
    const replacement: RootContent[] = [];
    for (const child of node.children) {
      if (child.type === 'text' && /^[\t\r\n ]+$/.test(child.value)) continue;
      const flow = child as unknown as {type: string};
      if (flow.type === 'mdxJsxTextElement') flow.type = 'mdxJsxFlowElement';
      else if (flow.type === 'mdxTextExpression') flow.type = 'mdxFlowExpression';
      replacement.push(child as unknown as RootContent);
    }
    // Not `splice(…, ...replacement)`: a huge paragraph must not overflow the call stack.
    const siblings = (parent as Parent).children;
    (parent as Parent).children = siblings.slice(0, index).concat(replacement as typeof siblings, siblings.slice(index + 1));
    return index;
  });
}

/** `contentTitle` with `removeContentTitle`: drop a first heading of depth 1 before any thematic break. */
function removeContentTitle(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'heading') {
      if (node.depth === 1) parent.children.splice(index, 1);
      return EXIT;
    }
    return node.type === 'thematicBreak' ? EXIT : undefined;
  });
}

/** Docusaurus's `admonitions`: the label moves to the title (text only) or a title node. */
function transformAdmonitions(tree: Root, keywords: readonly string[]): void {
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    if (!keywords.includes(node.name)) return;
    const [first, ...rest] = node.children;
    const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
    const textOnly =
      label?.children.length === 1 && label.children[0]!.type === 'text' ? label.children[0].value : undefined;
    const title = node.attributes?.title ?? textOnly;
    node.data = {
      hName: 'admonition',
      hProperties: {...(title ? {title} : {}), type: node.name},
    };
    node.children = label ? rest : node.children;
    if (label && !textOnly) {
      const complexTitle = {type: 'mdxAdmonitionTitle', data: {hName: 'mdxAdmonitionTitle'}, children: label.children};
      node.children.unshift(complexTitle as unknown as ContainerDirective['children'][number]);
    }
  });
}

/** The id of a trailing `{/* #id *\/}` or `<!-- #id -->` comment, as Docusaurus reads it. */
function commentId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  let comment: string | undefined;
  if (last?.type === 'mdxTextExpression') {
    const program = last.data?.estree as {body: unknown[]; comments?: Array<{value: string}>} | undefined;
    if (program && program.body.length === 0 && program.comments?.length === 1) comment = program.comments[0]!.value;
  } else if (last?.type === 'html') {
    comment = /^<!--(?<comment>[\s\S]*)-->$/.exec(last.value)?.groups?.comment || undefined;
  }
  const first = comment?.trim().split(' ')[0];
  return first?.startsWith('#') ? first.slice(1) || undefined : undefined;
}

/** Docusaurus's `headings`: anchor ids, explicit ids taken out of the text. */
function setHeadingIds(tree: Root, maintainCase: boolean): void {
  const slugger = createSlugger();
  visit(tree, 'heading', (heading: Heading) => {
    const data = (heading.data ??= {}) as {id?: string; hProperties?: {id?: string}};
    const properties = (data.hProperties ??= {});
    let id = properties.id ? slugger.slug(properties.id, {maintainCase: true}) : undefined;
    const fromComment = id === undefined ? commentId(heading) : undefined;
    if (fromComment !== undefined) {
      heading.children.pop();
      const last = heading.children.at(-1);
      if (last?.type === 'text') last.value = last.value.trimEnd();
      id = fromComment;
    }
    if (id === undefined) {
      const textNodes = heading.children.filter(({type}) => type !== 'html');
      const text = toString(textNodes.length > 0 ? textNodes : heading);
      const parsed = parseMarkdownHeadingId(text, 'classic');
      if (parsed.id) {
        const last = heading.children.at(-1) as {value?: string} | undefined;
        if (heading.children.length > 1) {
          const rest = parseMarkdownHeadingId(last?.value ?? '', 'classic').text;
          if (rest) last!.value = rest;
          else heading.children.pop();
        } else if (last) {
          last.value = parsed.text;
        }
        id = parsed.id;
      } else {
        id = slugger.slug(text, {maintainCase});
      }
    }
    data.id = id;
    properties.id = id;
  });
}

/** Docusaurus's `mermaid`: a `mermaid` code block becomes a diagram node (no text). */
function transformMermaid(tree: Root): void {
  visit(tree, 'code', (node) => {
    if (node.lang !== 'mermaid') return;
    const {value} = node;
    const replaced = node as unknown as Record<string, unknown>;
    for (const key of Object.keys(replaced)) delete replaced[key];
    Object.assign(replaced, {type: 'mermaidCodeBlock', data: {hName: 'mermaid', hProperties: {value}}});
  });
}
