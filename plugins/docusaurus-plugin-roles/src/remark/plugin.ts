/**
 * The remark transform. Decisions about what an annotation is are made by
 * `extractAnnotations`; this file only reports and rewrites nodes.
 */
import path from 'node:path';
import {visit} from 'unist-util-visit';
import type {Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import {extractAnnotations, splitLabel, type FoundAnnotation} from '../extract.js';
import {DEFAULT_OPTIONS, normalizeOptions, toRolesConfig} from '../options.js';
import {findSite, type SiteRegistration} from '../registry.js';
import {REMARK_MARKER} from '../setup-check.js';
import {displayPath, formatMessage, reportProblems} from '../report.js';
import type {Options, RolesConfig, Severity} from '../types.js';
import {identifierAttribute, importDefault, stringAttribute} from './mdx.js';

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
const TABLE = 'RolesPluginTable';
const ENTRIES = 'RolesPluginEntries';

/** Node types of front matter (`remark-frontmatter`). */
const FRONT_MATTER = new Set(['yaml', 'toml']);

/** Theme components authors may use in MDX without importing them. */
const EMBEDDABLE = {RoleComparisonTable: '@theme/RoleComparisonTable'} as const;

interface Settings {
  config: RolesConfig;
  severity: Severity;
  entriesModule: string | undefined;
  site: SiteRegistration | undefined;
}

const defaultConfig = toRolesConfig(DEFAULT_OPTIONS);

/**
 * Render `:::role` annotations as `@theme/RoleCallout` and wire embedded
 * `<RoleComparisonTable>`s to the site's entries, with no import per doc.
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
          entriesModule: site?.entriesModule,
          site,
        };

    const {annotations, strays, messages} = extractAnnotations(tree, settings.config);

    const shown = displayPath(file.path ? path.resolve(file.path) : '<input>', site?.siteDir);
    const lines = messages.map((message) => formatMessage(message, shown));
    for (const message of messages) {
      message.file = file.path ?? '';
      file.messages.push(message);
    }
    reportProblems(lines, settings.severity, site);

    for (const found of annotations) toCallout(found);
    // Leaf and text `role` directives were reported; keep their content
    // visible and stop Docusaurus from warning about them a second time.
    for (const stray of strays) {
      stray.data = {...stray.data, hName: stray.type === 'leafDirective' ? 'p' : 'span'};
    }

    const imports: RootContent[] = [];
    if (annotations.length > 0) imports.push(importDefault(CALLOUT, '@theme/RoleCallout'));
    if (wireEmbeddedTables(tree, settings.entriesModule)) {
      imports.push(importDefault(TABLE, EMBEDDABLE.RoleComparisonTable));
      if (settings.entriesModule) imports.push(importDefault(ENTRIES, settings.entriesModule));
    }
    // After any front matter, which must stay first in the document.
    const start = tree.children.findIndex((node) => !FRONT_MATTER.has(node.type));
    tree.children.splice(start === -1 ? tree.children.length : start, 0, ...imports);
  };
}

/**
 * Rewrite a `:::role` container in place as a `RoleCallout` element (in
 * place, because the node may sit anywhere: lists, block quotes, JSX…).
 */
function toCallout({annotation, node, valid, unknownRoles}: FoundAnnotation): void {
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
    ...(valid ? [] : [stringAttribute('unlisted', true)]),
  ];
  element.children = body as MdxJsxFlowElement['children'];
}

/**
 * Point `<RoleComparisonTable>` elements the page does not import itself at
 * the theme component and hand them the site's entries. Returns whether
 * there was any.
 */
function wireEmbeddedTables(tree: Root, entriesModule: string | undefined): boolean {
  const declared = tree.children.some(
    (node) => node.type === 'mdxjsEsm' && /\bRoleComparisonTable\b/.test(node.value),
  );
  if (declared) return false;
  let found = false;
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    if (element.name !== 'RoleComparisonTable') return;
    found = true;
    element.name = TABLE;
    const hasEntries = element.attributes.some(
      (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'entries',
    );
    if (entriesModule && !hasEntries) element.attributes.push(identifierAttribute('entries', ENTRIES));
  });
  return found;
}

// Lets the Docusaurus plugin recognize `remarkRoles` in the site config even
// when the config loaded another copy of this module.
Object.defineProperty(remarkRoles, REMARK_MARKER, {value: true});
