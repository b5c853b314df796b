/**
 * Where a page renders imported Markdown (partials): Docusaurus compiles a
 * `_contrast.mdx` imported by a doc as its own MDX module, and the page
 * shows it wherever an element names the import:
 *
 * ```mdx
 * import Contrast from './_shared/contrast.mdx';
 *
 * ## Before the scan
 *
 * <Contrast />
 * ```
 *
 * Its annotations then belong to the page, under the page's section at the
 * element. An import used in JavaScript instead (`{show && <Contrast />}`,
 * `export const x = Contrast`) may render any number of times: it is
 * recorded as such, for a problem.
 *
 * Pure: reads the tree (with its heading ids set) and returns plain data.
 */
import type {Nodes, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {headingIds} from './extract.js';
import {sectionsOf, type Section} from './sections.js';

/** Imports of these are Markdown partials (the content plugins' loader rule, `/\.mdx?$/i`). */
export const MARKDOWN_MODULE = /\.mdx?$/i;

/** An element of the page that renders a partial. */
export interface PartialRendering {
  /** The import's module specifier, as written. */
  specifier: string;
  /** Where the element starts. */
  line: number;
  column: number;
  /** The page's section at the element (`null` before any). */
  section: Section | null;
}

/** A use of a partial's import in JavaScript, where the page's renderings cannot be counted. */
export interface PartialInCode {
  specifier: string;
  /** The name it is imported as. */
  name: string;
  line: number;
  column: number;
}

/** How a page uses its partials. */
export interface PartialUses {
  renderings: PartialRendering[];
  inCode: PartialInCode[];
  /** Every heading id of the page (its annotations' ids are in its facts). */
  anchors: string[];
}

interface EstreeNode {
  type: string;
  name?: unknown;
  source?: {value?: unknown};
  specifiers?: Array<{type: string; local: {name: string}; imported?: {name?: string}}>;
}

/** Local names that render a Markdown module, by name: default imports (and `{default as X}`). */
function markdownImports(tree: Root): Map<string, string> {
  const names = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    const program = node.data?.estree as {body?: EstreeNode[]} | undefined;
    for (const statement of program?.body ?? []) {
      const specifier = statement.source?.value;
      if (statement.type !== 'ImportDeclaration' || typeof specifier !== 'string' || !MARKDOWN_MODULE.test(specifier)) continue;
      for (const each of statement.specifiers ?? []) {
        const isDefault =
          each.type === 'ImportDefaultSpecifier' || (each.type === 'ImportSpecifier' && each.imported?.name === 'default');
        if (isDefault) names.set(each.local.name, specifier);
      }
    }
  }
  return names;
}

/** Identifiers (and JSX names) of a program that are one of `names`, outside import declarations. */
function mentions(program: unknown, names: ReadonlyMap<string, string>, found: Set<string>): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as EstreeNode & Record<string, unknown>;
    if (node.type === 'ImportDeclaration') return;
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && typeof node.name === 'string' && names.has(node.name)) {
      found.add(node.name);
    }
    for (const key of Object.keys(node)) {
      if (key !== 'loc' && key !== 'range' && key !== 'start' && key !== 'end') walk(node[key]);
    }
  };
  walk(program);
}

/**
 * The partials a page renders, where, in which section, and its uses of
 * them in JavaScript. `undefined` when the page imports no Markdown.
 */
export function partialUses(tree: Root): PartialUses | undefined {
  const imports = markdownImports(tree);
  if (imports.size === 0) return undefined;
  const elements: Nodes[] = [];
  const inCode: PartialInCode[] = [];
  visit(tree, (node) => {
    const place = node.position?.start;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && imports.has(node.name)) {
      elements.push(node);
    }
    const programs: unknown[] = [];
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      programs.push(node.data?.estree);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        const value = attribute.type === 'mdxJsxAttribute' ? attribute.value : attribute;
        if (value && typeof value === 'object') programs.push((value as {data?: {estree?: unknown}}).data?.estree);
      }
    }
    const found = new Set<string>();
    for (const program of programs) mentions(program, imports, found);
    for (const name of found) {
      inCode.push({specifier: imports.get(name)!, name, line: place?.line ?? 1, column: place?.column ?? 1});
    }
  });
  const anchors = headingIds(tree);
  const sections = sectionsOf(tree, anchors, elements);
  const renderings = elements.map((element): PartialRendering => {
    const start = element.position?.start;
    const name = (element as {name: string}).name;
    return {specifier: imports.get(name)!, line: start?.line ?? 1, column: start?.column ?? 1, section: sections.get(element) ?? null};
  });
  return {renderings, inCode, anchors};
}
