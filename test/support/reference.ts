/**
 * The reference every differential test compares the aggregator with:
 * Docusaurus's own MDX compile (`@docusaurus/mdx-loader`'s `compileToJSX`,
 * preprocessing included) with `remarkRoles` in its remark plugins, as a
 * site runs it. What the page decided is read from `file.data.roleAnnotations`,
 * which `remarkRoles` fills, and from the messages it reported.
 */
import {compileToJSX} from '@docusaurus/mdx-loader/lib/utils.js';
import remarkMath from 'remark-math';
import type {Nodes, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {remarkRoles} from '../../plugins/docusaurus-plugin-roles/src/remark/index.js';
import type {MarkdownSettings} from '../../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_ADMONITION_KEYWORDS} from '../../plugins/docusaurus-plugin-roles/src/parse/format.js';
import {loaderRunnerText} from '../../plugins/docusaurus-plugin-roles/src/parse/loader-input.js';

/** The site settings a case is compiled with (Docusaurus's defaults when absent). */
export interface SiteSettings {
  /** `markdown.format` (default: `'mdx'`). */
  format?: 'md' | 'mdx' | 'detect';
  /** `markdown.mdx1Compat.*` (default: `true`, as without `future.v4`). */
  mdx1Compat?: {comments?: boolean; admonitions?: boolean; headingIds?: boolean};
  /** `markdown.emoji` (default: `true`). */
  emoji?: boolean;
  /** `markdown.mermaid` (default: `false`). */
  mermaid?: boolean;
  /** `markdown.anchors.maintainCase` (default: `false`). */
  maintainCase?: boolean;
  /** The content plugin's `admonitions` option (default: `true`). */
  admonitions?: boolean | {keywords: string[]; extendDefaults?: boolean};
  /** Whether the content plugin removes the leading `# Title` (the blog does; default: `false`). */
  removeContentTitle?: boolean;
  /**
   * Where the content plugin lists `remark-math` (a plugin that adds syntax):
   * in `beforeDefaultRemarkPlugins`, or in `remarkPlugins` before or after
   * `remarkRoles` (default: not at all).
   */
  math?: 'beforeDefault' | 'before' | 'after';
}

/** The content plugin's remark plugins for these settings, `remarkRoles` and the spy left out. */
export function sitePlugins(settings: SiteSettings = {}): {beforeDefaultRemarkPlugins: unknown[]; remarkPlugins: unknown[]} {
  return {
    beforeDefaultRemarkPlugins: settings.math === 'beforeDefault' ? [remarkMath] : [],
    remarkPlugins: settings.math === 'before' || settings.math === 'after' ? [remarkMath] : [],
  };
}

/** What a page decided, in the shape the aggregator's entries are compared in. */
export interface PageResult {
  /** Valid annotations: `line|id|roles|area|title|text`. */
  annotations: string[];
  /** Problems: `line:column: reason`. */
  problems: string[];
  /** The compile's own error, when the page does not compile: `line:column` (`1:1` when it has no place). */
  error?: string;
  /** Its message. */
  errorReason?: string;
  /**
   * The message of an error the compile threw after `remarkRoles` had run
   * (rehype-raw on a `.md` page's malformed HTML): the build fails on it by
   * itself, and the page's annotations and problems are what remarkRoles
   * decided, which the table must equal.
   */
  failedAfterRoles?: string;
  /**
   * Whether the compile failed (`error`) after the parse succeeded, in one
   * of Docusaurus's own transforms that run before the site's remark
   * plugins (a `.md` page's malformed HTML link): remarkRoles never ran,
   * the build fails on that error by itself, and the table, which parses as
   * the page does, must have parsed the page too.
   */
  failedAfterParse?: boolean;
}

/** The `markdown` site config Docusaurus would validate these settings into. */
export function markdownConfig(settings: SiteSettings = {}) {
  return {
    format: settings.format ?? 'mdx',
    mermaid: settings.mermaid ?? false,
    emoji: settings.emoji ?? true,
    preprocessor: undefined,
    parseFrontMatter: async ({fileContent}: {fileContent: string}) => ({frontMatter: {}, content: fileContent}),
    mdx1Compat: {comments: true, admonitions: true, headingIds: true, ...settings.mdx1Compat},
    anchors: {maintainCase: settings.maintainCase ?? false},
    remarkRehypeOptions: undefined,
    hooks: {onBrokenMarkdownLinks: 'ignore', onBrokenMarkdownImages: 'ignore'},
  };
}

/** The aggregator's settings for the same site. */
export function aggregatorSettings(settings: SiteSettings = {}): MarkdownSettings {
  const config = markdownConfig(settings);
  return {
    headingIds: config.mdx1Compat.headingIds,
    comments: config.mdx1Compat.comments,
    admonitions: config.mdx1Compat.admonitions,
    emoji: config.emoji,
    mermaid: config.mermaid,
    maintainCase: config.anchors.maintainCase,
  };
}

/** The admonition keywords a content plugin's `admonitions` option gives, as the aggregator takes them. */
export function admonitionKeywords(settings: SiteSettings = {}): readonly string[] | false {
  const option = settings.admonitions ?? true;
  if (option === false) return false;
  if (option === true) return DEFAULT_ADMONITION_KEYWORDS;
  return option.extendDefaults === false ? option.keywords : [...DEFAULT_ADMONITION_KEYWORDS, ...option.keywords];
}

/** What both sides say of an annotation: an extractor's annotation or a table entry. */
type Compared = {
  line: number;
  id: string;
  roles: readonly string[];
  area: string;
  title: string;
  text: string;
} & ({section: {id: string; title: string} | null} | {sectionId: string | null; sectionTitle: string | null});

/** `line|id|roles|area|title|text|sectionId|sectionTitle`, the form both sides are compared in. */
export function annotationKey(annotation: Compared): string {
  const [sectionId, sectionTitle] =
    'section' in annotation
      ? [annotation.section?.id, annotation.section?.title]
      : [annotation.sectionId, annotation.sectionTitle];
  return [
    annotation.line,
    annotation.id,
    annotation.roles.join(' '),
    annotation.area,
    annotation.title,
    annotation.text,
    sectionId ?? '',
    sectionTitle ?? '',
  ].join('|');
}

/**
 * The text a reader sees in a compiled heading: no expressions, raw HTML or
 * image alt, simple text directives as Docusaurus shows them (`:name`),
 * white space collapsed.
 */
function shownText(node: Nodes): string {
  const text = (each: Nodes): string => {
    if (each.type === 'mdxTextExpression' || each.type === 'html' || each.type === 'image') return '';
    if (each.type === 'textDirective' && each.children.length === 0 && Object.keys(each.attributes ?? {}).length === 0) {
      return `:${each.name}`;
    }
    if (each.type === 'break') return ' ';
    if ('children' in each) return (each.children as Nodes[]).map(text).join('');
    return 'value' in each ? each.value : '';
  };
  return text(node).replace(/\s+/g, ' ').trim();
}

/**
 * The section of every callout the compile rendered, read off the compiled
 * page itself (not from the extractor): the last heading of level 2 or
 * deeper before it, with the id Docusaurus's headings plugin gave it.
 */
function compiledSections(tree: Root): Map<string, {id: string; title: string} | null> {
  const sections = new Map<string, {id: string; title: string} | null>();
  let section: {id: string; title: string} | null = null;
  visit(tree, (node) => {
    const id = (node.data as {id?: unknown} | undefined)?.id;
    if (node.type === 'heading' && node.depth >= 2 && typeof id === 'string' && id !== '') {
      section = {id, title: shownText(node)};
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'RolesPluginCallout' && node.position) {
      sections.set(`${node.position.start.line}:${node.position.start.column}`, section);
    }
  });
  return sections;
}

/**
 * Compile one file as a Docusaurus docs page would be compiled: `fileContent`
 * is the file's text, which the bundler's loader runner hands the MDX loader
 * without its byte-order mark (`compileToJSX` alone would keep it).
 */
export async function compilePage(
  filePath: string,
  fileContent: string,
  settings: SiteSettings = {},
): Promise<PageResult> {
  const options = compileOptions(settings);
  try {
    await compileToJSX({fileContent: loaderRunnerText(fileContent), filePath, frontMatter: {}, options: options as never, compilerName: 'server'});
    return recorded.get(filePath) ?? {annotations: [], problems: []};
  } catch (error) {
    const cause = (error as {cause?: {line?: number; column?: number; message?: string}}).cause;
    const decided = recorded.get(filePath);
    if (decided) return {...decided, failedAfterRoles: cause?.message ?? String(error)};
    return {
      annotations: [],
      problems: [],
      error: `${cause?.line ?? 1}:${cause?.column ?? 1}`,
      errorReason: cause?.message ?? String(error),
      ...(parsed.has(filePath) && {failedAfterParse: true}),
    };
  } finally {
    recorded.delete(filePath);
    parsed.delete(filePath);
  }
}

/** What the spy recorded for each file being compiled. */
const recorded = new Map<string, PageResult>();

/** The files being compiled whose parse succeeded (their remark transforms started). */
const parsed = new Set<string>();

/** First of all remark transforms: the parse is done. */
function parseSpy() {
  return (_tree: Root, file: VFile) => {
    parsed.add(file.path);
  };
}

/**
 * After `remarkRoles`: records what the page decided, sections read off the
 * compiled page, the rest from what remarkRoles decided.
 */
function spy() {
  return (tree: Root, file: VFile) => {
    const sections = compiledSections(tree);
    recorded.set(file.path, {
      annotations: (file.data.roleAnnotations ?? [])
        .filter((found) => found.valid)
        .map((found) => annotationKey({...found, section: sections.get(`${found.line}:${found.column}`) ?? null})),
      problems: file.messages.map((message) => `${message.line}:${message.column}: ${message.reason}`),
    });
  };
}

/**
 * The MDX loader options for a site's settings, made once per settings:
 * Docusaurus caches its processors per options object, so a new object per
 * compile would keep every processor alive (and a long run out of memory).
 */
const optionsBySettings = new Map<string, object>();
function compileOptions(settings: SiteSettings): object {
  const key = JSON.stringify(settings);
  let options = optionsBySettings.get(key);
  if (!options) {
    options = {
      admonitions: settings.admonitions ?? true,
      removeContentTitle: settings.removeContentTitle ?? false,
      siteDir: '/',
      staticDirs: [],
      markdownConfig: markdownConfig(settings),
      remarkPlugins: [
        ...(settings.math === 'before' ? [remarkMath] : []),
        [remarkRoles, {onInvalidAnnotation: 'ignore'}],
        spy,
        ...(settings.math === 'after' ? [remarkMath] : []),
      ],
      rehypePlugins: [],
      beforeDefaultRemarkPlugins: [parseSpy, ...(settings.math === 'beforeDefault' ? [remarkMath] : [])],
      beforeDefaultRehypePlugins: [],
    };
    optionsBySettings.set(key, options);
  }
  return options;
}
