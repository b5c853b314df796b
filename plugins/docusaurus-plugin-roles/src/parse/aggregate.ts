/**
 * Gather the entries of the comparison table from the docs' source files.
 *
 * Every file goes through `extractAnnotations` on the tree the MDX loader's
 * parser would build, so the table always agrees with the pages. Two things
 * make it cheap: a file that does not contain `:role` cannot hold an
 * annotation nor a malformed one (directive names are never escaped), so it
 * is not parsed; a simple document has only its annotations and headings
 * parsed (`fast-parse.ts`); and results are reused while a file is
 * unchanged (`npm start` reruns this after every edit): not written (same
 * size, times and inode: not even read), or written with the same content.
 */
import {createHash} from 'node:crypto';
import {readFile as readFileCallback} from 'node:fs';
import {stat} from 'node:fs/promises';
import {promisify} from 'node:util';
import {createRequire} from 'node:module';
import {extractAnnotations, type RoleAnnotation} from '../core/extract.js';
import {MAX_DOCUMENT_CHARACTERS, documentTooLargeReason} from '../core/limits.js';
import {DEFAULT_ADMONITION_KEYWORDS, toPageTree} from './page-tree.js';
import {parsePlans, planRolesOnly, type RolesPlan} from './shortcut.js';
import {parseMarkdown, type MarkdownFormat} from './parser.js';
import {formatMessage} from '../plugin/report.js';
import type {Root} from 'mdast';
import type {ContentKind, RoleEntry, RolesConfig} from '../types.js';

/** One doc (or blog post, or page) to read, with what its content plugin knows about it. */
export interface DocSource {
  /** Absolute path of the file to read (the localized one when it exists). */
  filePath: string;
  /** Site-relative path shown in messages and exports. */
  source: string;
  permalink: string;
  /** Docs, blog post or Markdown page. */
  kind: ContentKind;
  pluginId: string;
  /** Docs version; `null` for blog posts and pages. */
  version: string | null;
  format: MarkdownFormat;
  /**
   * Admonition keywords of the content plugin that compiles the file, or
   * `false` when it turns admonitions off (default: Docusaurus's keywords).
   */
  admonitions?: readonly string[] | false;
  /** Whether that plugin removes the leading `# Title` (default: `false`; the blog does). */
  removeContentTitle?: boolean;
  /** Title of the page. */
  pageTitle: string;
  /** Position of the page in the order a reader meets it (`RoleEntry.pagePosition`). */
  pagePosition: number;
  /** Sidebar categories around the page, outermost first. */
  categories: string[];
  /** Unlisted in this build (production only): left out of the table by the plugin. */
  unlisted?: boolean;
}

/** The site's `markdown` settings that change what the compile makes of a file. */
export interface MarkdownSettings {
  /** `markdown.preprocessor` from the site config. */
  preprocessor?: (args: {filePath: string; fileContent: string}) => string;
  /** `markdown.mdx1Compat.headingIds` (default: `true`). */
  headingIds: boolean;
  /** `markdown.mdx1Compat.comments` (default: `true`). */
  comments: boolean;
  /** `markdown.mdx1Compat.admonitions`: `:::note Title` means `:::note[Title]` (default: `true`). */
  admonitions?: boolean;
  /** `markdown.emoji` (default: `true`). */
  emoji?: boolean;
  /** `markdown.mermaid` (default: `false`). */
  mermaid?: boolean;
  /** `markdown.anchors.maintainCase` (default: `false`). */
  maintainCase?: boolean;
}

/** A problem with its place, for tools (`roles:check --format json`). */
export interface PositionedProblem {
  /** Site-relative source path, as in `problems`. */
  source: string;
  line: number;
  column: number;
  reason: string;
  /** The extractor's rule id; `undefined` when the file did not parse. */
  ruleId: string | undefined;
}

/** What one file contributes: valid annotations and formatted problems. */
interface FileResult {
  annotations: RoleAnnotation[];
  problems: string[];
  /** `problems` and `unparsable`, positioned rather than formatted. */
  positioned: PositionedProblem[];
  /** Whether the parser failed (MDX syntax error): Docusaurus reports it. */
  unparsable: string | undefined;
}

/** The table's entries and everything worth telling the author. */
export interface AggregateResult {
  entries: RoleEntry[];
  /** Invalid annotations, formatted `path:line:col: reason`. */
  problems: string[];
  /** Files that did not parse, formatted the same way. */
  unparsable: string[];
  /** The problems and unparsable files, positioned rather than formatted, in the same order. */
  positioned: PositionedProblem[];
  /**
   * How many files were parsed (`fast` of them by the shortcut that parses
   * only the annotations), reused from the cache, or skipped unparsed.
   */
  stats: {files: number; parsed: number; fast: number; reused: number; skipped: number};
}

// CommonJS exports, invisible to ESM named imports: require them.
const {admonitionTitleToDirectiveLabel, escapeMarkdownHeadingIds, unwrapMdxCodeBlocks} = createRequire(import.meta.url)(
  '@docusaurus/utils',
) as typeof import('@docusaurus/utils');

// The callback API reads small files several times faster than
// `fs/promises` (which reads in chunks through a FileHandle).
const readFile = promisify(readFileCallback);

const EMPTY: FileResult = {annotations: [], problems: [], positioned: [], unparsable: undefined};

/** Docs looked up and parsed together (bounds memory, keeps reads concurrent). */
const CHUNK = 256;

/** A file that changed since the last run, prepared for parsing. */
interface Changed {
  changed: true;
  doc: DocSource;
  /** Preprocessed content, as the MDX loader would parse it. */
  prepared: string;
  statKey: string;
  contentKey: string;
}

/** What the aggregator remembers of a file between runs. */
interface CacheEntry {
  /** Size, times and inode: unchanged means the file was not written. */
  stat: string;
  /** Hash of the parse settings and the preprocessed content; `undefined` when skipped. */
  content: string | undefined;
  result: FileResult;
}

/**
 * Stateful aggregator: call `run` on every (re)load; results of unchanged
 * files are reused, keyed by a hash of their content and parse settings.
 *
 * A file's surprise never reaches another file nor the run: every step of
 * one file (reading, the shortcut, parsing, extracting) is guarded, and a
 * file that fails is reported with its own path and position.
 */
export class RolesAggregator {
  private cache = new Map<string, CacheEntry>();

  constructor(
    private readonly config: RolesConfig,
    private readonly markdown: MarkdownSettings,
  ) {}

  /** Read, parse (when needed) and extract every doc; entries in doc order. */
  async run(docs: readonly DocSource[]): Promise<AggregateResult> {
    const stats = {files: docs.length, parsed: 0, fast: 0, reused: 0, skipped: 0};
    const entries: RoleEntry[] = [];
    const problems: string[] = [];
    const unparsable: string[] = [];
    const positioned: PositionedProblem[] = [];
    // In chunks, so only one chunk's file contents and trees are alive at once.
    for (let start = 0; start < docs.length; start += CHUNK) {
      const chunk = docs.slice(start, start + CHUNK);
      const looked = await Promise.all(chunk.map((doc) => this.lookUp(doc, stats)));
      const results = this.parseChanged(looked, stats);
      chunk.forEach((doc, index) => {
        const result = results[index]!;
        for (const problem of result.problems) problems.push(problem);
        if (result.unparsable) unparsable.push(result.unparsable);
        for (const problem of result.positioned) positioned.push(problem);
        // Ids are unique within a file (the extractor marks duplicates
        // invalid), so `permalink#id` is unique across the site.
        for (const annotation of result.annotations) {
          entries.push({
            id: annotation.id,
            roles: annotation.roles,
            area: annotation.area,
            title: annotation.title,
            text: annotation.text,
            permalink: doc.permalink,
            source: doc.source,
            line: annotation.line,
            kind: doc.kind,
            pluginId: doc.pluginId,
            version: doc.version,
            pageTitle: doc.pageTitle,
            pagePosition: doc.pagePosition,
            categories: doc.categories,
            sectionId: annotation.section?.id ?? null,
            sectionTitle: annotation.section?.title ?? null,
          });
        }
      });
    }
    // Forget files that are gone, so the cache never outgrows the site.
    const live = new Set(docs.map((doc) => doc.filePath));
    for (const filePath of this.cache.keys()) if (!live.has(filePath)) this.cache.delete(filePath);
    return {entries, problems, unparsable, positioned, stats};
  }

  /**
   * A file's result when it is unchanged, else what to parse. A file whose
   * size, times and inode are the same was not written, and is not even
   * read; one that was written is read and reused when its content is the
   * same; one without `:role` needs no parse.
   */
  private async lookUp(doc: DocSource, stats: AggregateResult['stats']): Promise<FileResult | Changed> {
    let statKey: string;
    let raw: string;
    try {
      const info = await stat(doc.filePath);
      statKey = `${doc.format}:${doc.source}:${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
      const cached = this.cache.get(doc.filePath);
      if (cached?.stat === statKey) {
        stats[cached.content === undefined ? 'skipped' : 'reused'] += 1;
        return cached.result;
      }
      raw = await readFile(doc.filePath, 'utf8');
    } catch (error) {
      // Gone or unreadable: the content plugin that listed it reports it too.
      return failed(doc, error, 'Could not read the file');
    }
    let content: string;
    try {
      content = this.markdown.preprocessor
        ? this.markdown.preprocessor({filePath: doc.filePath, fileContent: raw})
        : raw;
    } catch (error) {
      return failed(doc, error, 'The site\'s markdown.preprocessor failed');
    }
    if (!content.includes(':role')) {
      stats.skipped += 1;
      this.cache.set(doc.filePath, {stat: statKey, content: undefined, result: EMPTY});
      return EMPTY;
    }
    const admonitions = doc.admonitions ?? DEFAULT_ADMONITION_KEYWORDS;
    const contentKey = createHash('sha1')
      .update(`${doc.format}\0${doc.source}\0${String(admonitions)}\0${doc.removeContentTitle === true}\0`)
      .update(content)
      .digest('base64');
    const cached = this.cache.get(doc.filePath);
    if (cached?.content === contentKey) {
      stats.reused += 1;
      this.cache.set(doc.filePath, {...cached, stat: statKey});
      return cached.result;
    }
    // The same string transformations the MDX loader applies before parsing.
    let prepared = unwrapMdxCodeBlocks(content);
    if (this.markdown.headingIds) prepared = escapeMarkdownHeadingIds(prepared);
    if ((this.markdown.admonitions ?? true) && admonitions !== false && admonitions.length > 0) {
      prepared = admonitionTitleToDirectiveLabel(prepared, [...admonitions]);
    }
    return {changed: true, doc, prepared, statKey, contentKey};
  }

  /**
   * Parse the changed files: simple ones through the shortcut, together per
   * format (`parsePlans`), the others whole; then extract and cache each.
   */
  private parseChanged(looked: ReadonlyArray<FileResult | Changed>, stats: AggregateResult['stats']): FileResult[] {
    const changed = looked.filter((item): item is Changed => 'changed' in item);
    const trees = new Map<Changed, Root | undefined>();
    for (const format of ['md', 'mdx'] as const) {
      const planned: Array<{item: Changed; plan: RolesPlan}> = [];
      for (const item of changed) {
        if (item.doc.format !== format || item.doc.removeContentTitle) continue;
        if (item.prepared.length > MAX_DOCUMENT_CHARACTERS) continue;
        const plan = planOrGiveUp(item.prepared);
        if (plan) planned.push({item, plan});
      }
      const options = {format, comments: this.markdown.comments};
      parsePlans(planned.map(({plan}) => plan), options).forEach((tree, index) => {
        trees.set(planned[index]!.item, tree);
      });
    }
    return looked.map((item) => {
      if (!('changed' in item)) return item;
      stats.parsed += 1;
      const fast = trees.get(item);
      if (fast) stats.fast += 1;
      const result = this.extract(item, fast);
      this.cache.set(item.doc.filePath, {stat: item.statKey, content: item.contentKey, result});
      return result;
    });
  }

  /** Extract one file's annotations, from the shortcut's tree or a full parse. */
  private extract({doc, prepared}: Changed, fast: Root | undefined): FileResult {
    if (prepared.length > MAX_DOCUMENT_CHARACTERS) {
      const reason = documentTooLargeReason(prepared.length);
      return {
        ...EMPTY,
        problems: [`${doc.source}:1:1: ${reason}`],
        positioned: [{source: doc.source, line: 1, column: 1, reason, ruleId: 'document-too-large'}],
      };
    }
    let tree = fast;
    if (!tree) {
      try {
        tree = parseMarkdown(prepared, {format: doc.format, comments: this.markdown.comments});
      } catch (error) {
        // Invalid MDX: the page's own compile fails with the same error.
        return failed(doc, error);
      }
    }
    try {
      toPageTree(tree, {
        admonitions: doc.admonitions ?? DEFAULT_ADMONITION_KEYWORDS,
        removeContentTitle: doc.removeContentTitle ?? false,
        emoji: this.markdown.emoji ?? true,
        mermaid: this.markdown.mermaid ?? false,
        maintainCase: this.markdown.maintainCase ?? false,
      });
      const {annotations, messages} = extractAnnotations(tree, this.config);
      const valid: RoleAnnotation[] = [];
      for (const found of annotations) if (found.valid) valid.push(found.annotation);
      return {
        annotations: valid,
        problems: messages.map((message) => formatMessage(message, doc.source)),
        positioned: messages.map((message) => ({
          source: doc.source,
          line: message.line ?? 1,
          column: message.column ?? 1,
          reason: message.reason,
          ruleId: message.ruleId ?? undefined,
        })),
        unparsable: undefined,
      };
    } catch (error) {
      return failed(doc, error, 'Could not read role annotations');
    }
  }
}

/** The shortcut's plan, or `undefined` (parse whole) when planning itself fails. */
function planOrGiveUp(content: string): RolesPlan | undefined {
  try {
    return planRolesOnly(content);
  } catch {
    return undefined;
  }
}

/**
 * A file that could not be read or parsed, reported with its own path and,
 * for a parse error, the position the parser gives (the one the page's
 * compile reports).
 */
function failed(doc: DocSource, error: unknown, what?: string): FileResult {
  const place = (error ?? {}) as {line?: unknown; column?: unknown; reason?: unknown; message?: unknown};
  const line = typeof place.line === 'number' ? place.line : 1;
  const column = typeof place.column === 'number' ? place.column : 1;
  const reason = `${what ? `${what}: ` : ''}${String(place.reason ?? place.message ?? error)}`;
  return {
    ...EMPTY,
    positioned: [{source: doc.source, line, column, reason, ruleId: undefined}],
    unparsable: `${doc.source}:${line}:${column}: ${reason}`,
  };
}
