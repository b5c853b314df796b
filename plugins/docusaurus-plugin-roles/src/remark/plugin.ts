/**
 * The remark transform. Decisions about what an annotation is are made by
 * `extractAnnotations`; this file only reports and rewrites nodes.
 */
import path from 'node:path';
import {visit} from 'unist-util-visit';
import type {Nodes, Paragraph, Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import {VFileMessage} from 'vfile-message';
import {extractAnnotations, splitLabel, type FoundAnnotation, type RoleAnnotation} from '../core/extract.js';
import {MAX_DOCUMENT_CHARACTERS, documentTooLargeReason} from '../core/limits.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../core/options.js';
import {RoleAnnotationError, displayPath, problemFromMessage} from '../core/problem.js';
import type {Severity} from '../types.js';
import {identifierAttribute, importDefault, memberAttribute, stringAttribute, valueAttribute} from './mdx.js';
import {normalizeRemarkOptions, type RemarkRolesOptions, type RemarkSettings} from './options.js';
import {REMARK_MARKER, findHost, type PublishedPage, type RolesHost} from './registry.js';

export type {RemarkRolesOptions} from './options.js';

declare module 'vfile' {
  interface DataMap {
    /**
     * Every `:::role` annotation of the file, as `remarkRoles` decided it
     * (`valid: false` for those left out of the table), in document order.
     */
    roleAnnotations: Array<RoleAnnotation & {valid: boolean}>;
  }
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
const HANDOUT = {name: 'RoleHandout', local: 'RolesPluginHandout', source: '@theme/RoleHandout'};
type Embeddable = typeof TABLE;
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Settings without options and without a host: the defaults. */
const DEFAULTS: RemarkSettings = {
  config: toRolesConfig(DEFAULT_OPTIONS),
  severity: DEFAULT_OPTIONS.onInvalidAnnotation,
  pageSummary: DEFAULT_OPTIONS.pageSummary,
  entriesModule: undefined,
};

/**
 * Render `:::role` annotations as `@theme/RoleCallout`, hand embedded
 * `<RoleComparisonTable>`s the site's entries and `<RolesOnThisPage>`s the
 * page's duties, with no import per doc.
 */
export function remarkRoles(this: unknown, options?: RemarkRolesOptions) {
  const normalized = options === undefined ? undefined : normalizeRemarkOptions(options);
  const explicit = normalized?.configured.length ? normalized.settings : undefined;
  // Asked when the pipeline runs: every plugin has been attached by then.
  const pipelineCompilesMdx = () => compilesMdx(this);
  let mdx: boolean | undefined;

  return function transform(tree: Root, file: VFile): void {
    mdx ??= pipelineCompilesMdx();
    const host = findHost(file.path, normalized?.instance);
    if (host && explicit) throw configuredTwice(host, normalized!.configured);
    const settings: RemarkSettings = host
      ? {...host, entriesModule: normalized?.settings.entriesModule ?? host.entriesModule}
      : (normalized?.settings ?? DEFAULTS);

    // Docusaurus's MDX loader puts the parsed front matter in `file.data.frontMatter`.
    const frontMatter = (file.data as {frontMatter?: {roles?: unknown}}).frontMatter;
    const {annotations, strays, malformed, messages} = extractAnnotations(tree, settings.config, {
      roles: frontMatter?.roles,
      text: typeof file.value === 'string' ? file.value : String(file.value ?? ''),
    });
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
    report(messages, file, settings.severity, host);

    // The page the callouts' rows are keyed by, and whether they have rows
    // at all (an unlisted page's duties are left out of the table).
    const published = file.path ? host?.pages.get(path.resolve(file.path)) : undefined;
    if (!mdx) {
      // HTML out (remark-rehype, no MDX): a plain element, and nothing to import.
      for (const found of annotations) toHtmlCallout(found);
      return;
    }
    // Each callout's handoffs come from the page's generated module, which
    // the host rewrites when either end of a link changes.
    const handoffs =
      annotations.length > 0 && file.path && host?.handoffModule ? host.handoffModule(path.resolve(file.path)) : undefined;
    // Components read their instance's roles and areas (the default one's unless told).
    const instance = host && host.instanceId !== 'default' ? [stringAttribute('instance', host.instanceId)] : [];
    for (const found of annotations) toCallout(found, published, instance, handoffs !== undefined);
    if (published && !published.unlisted && file.path) {
      host?.rendered?.(path.resolve(file.path), annotations.filter((found) => found.valid).length);
    }
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
      if (!hasAttribute(table, 'instance')) table.attributes.push(...instance);
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
      if (!hasAttribute(summary, 'instance')) summary.attributes.push(...instance);
    }
    if (summaries?.length) imports.push(importDefault(SUMMARY.local, SUMMARY.source));
    if (embedded(tree, HANDOUT)?.length) imports.push(importDefault(HANDOUT.local, HANDOUT.source));

    // After any front matter, which must stay first in the document.
    const start = tree.children.findIndex((node) => !FRONT_MATTER.has(node.type));
    tree.children.splice(start === -1 ? tree.children.length : start, 0, ...imports);
  };
}

// Lets the setup check recognize the plugin in a site config even when a
// bundler renamed the function.
Object.defineProperty(remarkRoles, REMARK_MARKER, {value: true});

/**
 * Options that configure annotations given to a `remarkRoles` that a
 * docusaurus-plugin-roles instance configures: the page would follow them
 * and the table the plugin's, so they could disagree.
 */
function configuredTwice(host: RolesHost, configured: readonly string[]): Error {
  const error = new Error(
    `remarkRoles is given ${configured.map((key) => `\`${key}\``).join(', ')}, but in this site the docusaurus-plugin-roles instance '${host.instanceId}' configures it, so the pages and the table would disagree: set them in that plugin's options, and give remarkRoles no options but \`instance\`.`,
  );
  error.stack = '';
  return error;
}

/**
 * Attach the messages to the file (unified's way: a reporter such as
 * `vfile-reporter` prints them) and report them: through the host when
 * there is one (Docusaurus drops non-fatal vfile messages, facebook/docusaurus#9953),
 * else by failing the file under `throw`.
 */
function report(messages: readonly VFileMessage[], file: VFile, severity: Severity, host: RolesHost | undefined): void {
  // Site-relative in a site; as the pipeline named it elsewhere.
  const shown = host && file.path ? displayPath(path.resolve(file.path), host.siteDir) : (file.path ?? '<input>');
  for (const message of messages) {
    message.file = file.path ?? '';
    // unified's meaning: fatal is an error, false a warning, unset a note.
    message.fatal = severity === 'throw' ? true : severity === 'warn' ? false : undefined;
    file.messages.push(message);
  }
  const problems = messages.map((message) => problemFromMessage(message, shown));
  // The host hears of every compile, a clean one too: it says what changed.
  if (host) host.report(shown, String(file.value ?? ''), problems, severity);
  else if (severity === 'throw' && problems.length > 0) throw new RoleAnnotationError(problems);
}

/**
 * Whether the pipeline compiles MDX (JSX out), so callouts may be MDX
 * elements and imports: its parser reads MDX (`remark-mdx`), or its
 * `remark-rehype` passes MDX nodes through, as `@mdx-js/mdx` does for every
 * format (Docusaurus's `.md` files included). Called directly, without a
 * processor, the transform assumes MDX.
 */
function compilesMdx(processor: unknown): boolean {
  const {attachers} = (processor ?? {}) as {attachers?: unknown};
  if (!Array.isArray(attachers)) return true;
  const extensions = [(processor as {data(key: string): unknown}).data('fromMarkdownExtensions') ?? []].flat(
    Infinity,
  ) as Array<{enter?: object} | undefined>;
  if (extensions.some((extension) => extension?.enter && 'mdxJsxFlowTag' in extension.enter)) return true;
  return attachers.some((attacher) =>
    (attacher as unknown[]).slice(1).some((settings) => {
      const passThrough = (settings as {passThrough?: unknown} | undefined)?.passThrough;
      return Array.isArray(passThrough) && passThrough.includes('mdxJsxFlowElement');
    }),
  );
}

/**
 * A `:::role` container for an HTML pipeline: a `div` with the callout's
 * id, roles and area as attributes, its label as a first paragraph.
 */
function toHtmlCallout({annotation, node, unknownRoles}: FoundAnnotation): void {
  node.data = {
    ...node.data,
    hName: 'div',
    hProperties: {
      className: ['role-callout'],
      id: annotation.id,
      dataRoles: [...annotation.roles, ...unknownRoles].join(' '),
      dataArea: annotation.area,
    },
  };
  const [first] = node.children;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    first.data = {...first.data, hProperties: {className: ['role-callout-title']}};
  }
}

/**
 * Rewrite a `:::role` container in place as a `RoleCallout` element (in
 * place, because the node may sit anywhere: lists, block quotes, JSX…).
 */
function toCallout(
  {annotation, node, valid, unknownRoles}: FoundAnnotation,
  published: PublishedPage | undefined,
  instance: MdxJsxAttribute[],
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
    ...(annotation.citation !== null ? [stringAttribute('citation', annotation.citation)] : []),
    ...(annotation.reviewed !== null ? [stringAttribute('reviewed', annotation.reviewed)] : []),
    ...(published ? [stringAttribute('page', published.permalink)] : []),
    ...(valid && !published?.unlisted ? [] : [stringAttribute('unlisted', true)]),
    ...instance,
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
