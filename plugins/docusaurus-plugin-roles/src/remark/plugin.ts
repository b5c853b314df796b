/**
 * The remark transform. Decisions about what an annotation is are made by
 * `extractAnnotations`; this file only reports and rewrites nodes.
 */
import path from 'node:path';
import {visit} from 'unist-util-visit';
import type {Nodes, Paragraph, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import {extractAnnotations, splitLabel, type FoundAnnotation, type RoleAnnotation} from '../core/extract.js';
import {DEFAULT_OPTIONS, normalizeOptions, toRolesConfig} from '../options.js';
import {MAX_DOCUMENT_CHARACTERS, documentTooLargeReason} from '../core/limits.js';
import {VFileMessage} from 'vfile-message';
import {findSite, type PublishedPage, type SiteRegistration} from '../plugin/registry.js';
import {REMARK_MARKER} from '../plugin/setup-check.js';
import {displayPath, formatMessage, reportProblems} from '../plugin/report.js';
import type {Options, RolesConfig, Severity} from '../types.js';
import {identifierAttribute, importDefault, memberAttribute, stringAttribute, valueAttribute} from './mdx.js';

declare module 'vfile' {
  interface DataMap {
    /**
     * Every `:::role` annotation of the file, as `remarkRoles` decided it
     * (`valid: false` for those left out of the table), in document order.
     */
    roleAnnotations: Array<RoleAnnotation & {valid: boolean}>;
  }
}

/** Options of `remarkRoles` when used without the Docusaurus plugin. */
export interface RemarkRolesOptions extends Options {
  /**
   * Module (path) whose default export is the site's `RoleEntry[]`, passed
   * to embedded `<RoleComparisonTable>`s (default: the Docusaurus plugin's).
   */
  entriesModule?: string;
}

/** Local names of what the transform imports into a page. */
const CALLOUT = 'RolesPluginCallout';
const ENTRIES = 'RolesPluginEntries';
const HANDOFFS = 'RolesPluginHandoffs';

/** Node types of front matter (`remark-frontmatter`). */
const FRONT_MATTER = new Set(['yaml', 'toml']);

/** Theme components authors may use in MDX without importing them. */
const TABLE = {name: 'RoleComparisonTable', local: 'RolesPluginTable', source: '@theme/RoleComparisonTable'};
const SUMMARY = {name: 'RolesOnThisPage', local: 'RolesPluginSummary', source: '@theme/RolesOnThisPage'};
type Embeddable = typeof TABLE;
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

interface Settings {
  config: RolesConfig;
  severity: Severity;
  entriesModule: string | undefined;
  pageSummary: boolean;
  site: SiteRegistration | undefined;
}

const defaultConfig = toRolesConfig(DEFAULT_OPTIONS);

/**
 * Render `:::role` annotations as `@theme/RoleCallout`, hand embedded
 * `<RoleComparisonTable>`s the site's entries and `<RolesOnThisPage>`s the
 * page's duties, with no import per doc.
 */
export function remarkRoles(options?: RemarkRolesOptions) {
  const explicit =
    options === undefined
      ? undefined
      : (() => {
          const {entriesModule, ...rest} = options;
          const normalized = normalizeOptions(rest);
          return {
            config: toRolesConfig(normalized),
            severity: normalized.onInvalidAnnotation,
            pageSummary: normalized.pageSummary,
            entriesModule,
          };
        })();

  return function transform(tree: Root, file: VFile): void {
    const site = findSite(file.path);
    const settings: Settings = explicit
      ? {...explicit, entriesModule: explicit.entriesModule ?? site?.entriesModule, site}
      : {
          config: site?.config ?? defaultConfig,
          severity: site?.options.onInvalidAnnotation ?? DEFAULT_OPTIONS.onInvalidAnnotation,
          pageSummary: site?.options.pageSummary ?? DEFAULT_OPTIONS.pageSummary,
          entriesModule: site?.entriesModule,
          site,
        };

    const {annotations, strays, malformed, messages} = extractAnnotations(tree, settings.config);
    // The aggregator does not parse documents above the limit: list none of
    // this page's callouts either, and say why, so the page and table agree.
    const characters = String(file.value ?? '').length;
    if (characters > MAX_DOCUMENT_CHARACTERS) {
      for (const found of annotations) found.valid = false;
      messages.length = 0;
      messages.push(
        new VFileMessage(documentTooLargeReason(characters), {
          place: {line: 1, column: 1},
          ruleId: 'document-too-large',
          source: 'docusaurus-plugin-roles',
        }),
      );
    }
    file.data.roleAnnotations = annotations.map(({annotation, valid}) => ({...annotation, valid}));

    const shown = displayPath(file.path ? path.resolve(file.path) : '<input>', site?.siteDir);
    const lines = messages.map((message) => formatMessage(message, shown));
    for (const message of messages) {
      message.file = file.path ?? '';
      file.messages.push(message);
    }
    reportProblems(lines, settings.severity, site);

    // The page the callouts' rows are keyed by, and whether they have rows
    // at all (an unlisted page's duties are left out of the table).
    const published = file.path ? site?.pages.get(path.resolve(file.path)) : undefined;
    // Each callout's handoffs come from the page's generated module, which
    // the plugin rewrites when either end of a link changes.
    const handoffs =
      annotations.length > 0 && file.path && site?.handoffModule ? site.handoffModule(path.resolve(file.path)) : undefined;
    for (const found of annotations) toCallout(found, published, handoffs !== undefined);
    // Leaf and text `role` directives were reported; keep their content
    // visible and stop Docusaurus from warning about them a second time.
    for (const stray of strays) {
      stray.data = {...stray.data, hName: stray.type === 'leafDirective' ? 'p' : 'span'};
    }
    // `:::role[T] {of=x}` is a paragraph whose `{of=x}` MDX would evaluate
    // (a ReferenceError when the page renders): show it as the text it is.
    // The same for `:role[T] {of=x}` in running text.
    for (const paragraph of malformed) literalOpeningLine(paragraph);
    literalAfterStrays(tree, strays);

    const imports: RootContent[] = [];
    if (annotations.length > 0) imports.push(importDefault(CALLOUT, '@theme/RoleCallout'));
    if (handoffs) imports.push(importDefault(HANDOFFS, handoffs));

    const tables = embedded(tree, TABLE);
    for (const table of tables ?? []) {
      if (settings.entriesModule && !hasAttribute(table, 'entries')) {
        table.attributes.push(identifierAttribute('entries', ENTRIES));
      }
    }
    if (tables?.length) {
      imports.push(importDefault(TABLE.local, TABLE.source));
      if (settings.entriesModule) imports.push(importDefault(ENTRIES, settings.entriesModule));
    }

    // The summary lists this page's valid duties: known at compile time,
    // so they are passed inline and the page needs no other data.
    const duties = annotations
      .filter((found) => found.valid)
      .map(({annotation: {id, title, roles, area}}) => ({id, title, roles, area}));
    const summaries = embedded(tree, SUMMARY);
    if (summaries && summaries.length === 0 && settings.pageSummary && duties.length > 0) {
      const summary: MdxJsxFlowElement = {type: 'mdxJsxFlowElement', name: SUMMARY.local, attributes: [], children: []};
      tree.children.push(summary);
      summaries.push(summary);
    }
    for (const summary of summaries ?? []) {
      if (!hasAttribute(summary, 'duties')) summary.attributes.push(valueAttribute('duties', duties));
    }
    if (summaries?.length) imports.push(importDefault(SUMMARY.local, SUMMARY.source));

    // After any front matter, which must stay first in the document.
    const start = tree.children.findIndex((node) => !FRONT_MATTER.has(node.type));
    tree.children.splice(start === -1 ? tree.children.length : start, 0, ...imports);
  };
}

// Lets the setup check recognize the plugin in a site config even when a
// bundler renamed the function.
Object.defineProperty(remarkRoles, REMARK_MARKER, {value: true});

/**
 * Rewrite a `:::role` container in place as a `RoleCallout` element (in
 * place, because the node may sit anywhere: lists, block quotes, JSX…).
 */
function toCallout(
  {annotation, node, valid, unknownRoles}: FoundAnnotation,
  published: PublishedPage | undefined,
  handoffs: boolean,
): void {
  const {body} = splitLabel(node);
  const element = node as unknown as MdxJsxFlowElement;
  delete element.data;
  element.type = 'mdxJsxFlowElement';
  element.name = CALLOUT;
  element.attributes = [
    stringAttribute('id', annotation.id),
    stringAttribute('roles', [...annotation.roles, ...unknownRoles].join(' ')),
    stringAttribute('area', annotation.area),
    stringAttribute('title', annotation.title),
    ...(published ? [stringAttribute('page', published.permalink)] : []),
    ...(valid && !published?.unlisted ? [] : [stringAttribute('unlisted', true)]),
    ...(handoffs && valid ? [memberAttribute('handoffs', HANDOFFS, annotation.id)] : []),
  ];
  element.children = body as MdxJsxFlowElement['children'];
}

/**
 * Turn the MDX expressions on the first line of a malformed annotation back
 * into the text the author wrote, so the page renders it instead of
 * evaluating `of=radiologist` as JavaScript.
 */
function literalOpeningLine(paragraph: Paragraph): void {
  const line = paragraph.position?.start.line;
  paragraph.children = paragraph.children.map((child) =>
    child.type === 'mdxTextExpression' && child.position?.start.line === line
      ? {type: 'text', value: `{${child.value}}`, position: child.position}
      : child,
  );
}

/**
 * An MDX expression right after a reported `:role[…]` (only white space
 * between) is the author's attempt at attributes: show it as text too.
 */
function literalAfterStrays(tree: Root, strays: readonly Nodes[]): void {
  if (strays.length === 0) return;
  const reported = new Set(strays);
  visit(tree, 'paragraph', (paragraph: Paragraph) => {
    paragraph.children.forEach((child, index) => {
      if (!reported.has(child)) return;
      let next = index + 1;
      const between = paragraph.children[next];
      if (between?.type === 'text' && between.value.trim() === '') next += 1;
      const expression = paragraph.children[next];
      if (expression?.type === 'mdxTextExpression') {
        paragraph.children[next] = {type: 'text', value: `{${expression.value}}`, position: expression.position};
      }
    });
  });
}

/**
 * The page's uses of an embeddable component, renamed to the local name the
 * transform imports; `undefined` when the page imports that name itself
 * (then it is the author's component, left alone).
 */
function embedded(tree: Root, component: Embeddable): JsxElement[] | undefined {
  const pattern = new RegExp(`\\b${component.name}\\b`);
  if (tree.children.some((node) => node.type === 'mdxjsEsm' && pattern.test(node.value))) {
    return undefined;
  }
  const found: JsxElement[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === component.name) {
      node.name = component.local;
      found.push(node);
    }
  });
  return found;
}

function hasAttribute(element: JsxElement, name: string): boolean {
  return element.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
}
