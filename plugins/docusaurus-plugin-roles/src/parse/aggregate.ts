/**
 * Gather the entries of the comparison table from the docs' source files.
 *
 * Every file goes through the extractor on the tree the MDX loader's parser
 * would build, so the table always agrees with the pages. What makes it
 * cheap:
 *
 * - a file that does not contain `:role` cannot hold an annotation nor a
 *   malformed one (directive names are never escaped): it is not parsed;
 * - of a document, micromark's block parse (without the inline pass)
 *   tells which top-level blocks the extraction needs, and only those are
 *   parsed (`block-outline.ts`, `fast-tree.ts`); files are analyzed in
 *   worker threads when enough changed (`parse-queue.ts`, `pool.ts`);
 * - what a file says (`FileFacts`, `analyze.ts`) is kept while it is
 *   unchanged: not written (same size, times and inode: not even read), or
 *   written with the same content; in memory under `npm start`, and on disk
 *   between processes (`disk-cache.ts`). The facts do not depend on the
 *   roles and areas configuration, which is applied on every run.
 */
import {createHash} from 'node:crypto';
import {readFile as readFileCallback} from 'node:fs';
import {stat} from 'node:fs/promises';
import {promisify} from 'node:util';
import {resolveCandidates, type RoleAnnotation} from '../core/extract.js';
import {documentTooLargeReason} from '../core/limits.js';
import {problemFromMessage, type Problem} from '../core/problem.js';
import type {AnalyzeInput, FileFacts, TreeSettings} from './analyze.js';
import {loadCache, saveCache, type CachedFile} from './disk-cache.js';
import {admonitionKeywords, failure, type MarkdownFormat} from './format.js';
import {POOL_FROM_DOCS, ParseQueue, threadCount, type WorkersOption} from './parse-queue.js';
import {loaderRunnerText, type LoaderRunner} from './loader-input.js';
import type {SiteSyntax} from './site-syntax.js';
import {compilerOf, partialSource, resolvePartial, shownOnPage, usesOf, type KnownPartial} from './partials.js';
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
  /** Syntax that plugin's own remark plugins add (`siteSyntax` in `site-syntax.ts`; default: none). */
  syntax?: SiteSyntax;
  /** A partial read for the pages that render it (`partials.ts`), not a page itself. */
  partial?: boolean;
  /**
   * The folders the MDX loader rule that compiles this file includes
   * (absolute, each with a trailing separator), as its content plugin gives
   * them to the bundler: a partial outside them is compiled by another
   * loader (`compilerOf` in `partials.ts`). Absent: a partial is taken to be
   * compiled as the page that imports it.
   */
  contentDirs?: readonly string[];
  /**
   * A partial that no loader running `remarkRoles` compiles (Docusaurus's
   * MDX fallback loader does, for files outside every content folder): its
   * annotations show as text on the page, so each is reported, none listed.
   */
  withoutRoles?: boolean;
  /** Title of the page. */
  pageTitle: string;
  /** Position of the page in the order a reader meets it (`RoleEntry.pagePosition`). */
  pagePosition: number;
  /** Sidebar categories around the page, outermost first. */
  categories: string[];
  /** Unlisted in this build (production only): left out of the table by the plugin. */
  unlisted?: boolean;
  /** The front matter's `roles` value (the page's source, owner, review and audience), if any. */
  pageRoles?: unknown;
}

/** The site's `markdown` settings that change what the compile makes of a file. */
export interface MarkdownSettings extends TreeSettings {
  /** `markdown.preprocessor` from the site config. */
  preprocessor?: (args: {filePath: string; fileContent: string}) => string;
  /** The bundler whose loader runner reads the files (it drops a leading BOM; default: `'webpack'`). */
  loaderRunner?: LoaderRunner;
  /** `markdown.format`: how partials, which have no content plugin metadata, are parsed (default: `'mdx'`). */
  format?: 'md' | 'mdx' | 'detect';
}

/** Where the aggregator keeps results between processes, and how many threads it parses with. */
export interface AggregatorOptions {
  /**
   * The persistent cache file (`defaultCacheFile` in `disk-cache.ts`), or
   * `false` (default) to keep results in memory only.
   */
  cacheFile?: string | false;
  /** Worker threads to parse with when enough files changed: a count (`0`: in process) or `'auto'` (default: `0`). */
  workers?: WorkersOption;
  /**
   * The fewest docs a run must still have to look at for the threads to
   * start (default `POOL_FROM_DOCS`): see there why a smaller run parses in
   * process whatever `workers` says.
   */
  poolFrom?: number;
}

/** What one file contributes: valid annotations and problems. */
interface FileResult {
  annotations: RoleAnnotation[];
  /** Ids of its invalid annotations (a handoff to one is not reported twice). */
  invalidIds?: string[];
  /** Invalid annotations, or the file's one `unparsable` problem. */
  problems: Problem[];
}

/** The table's entries and everything worth telling the author. */
export interface AggregateResult {
  entries: RoleEntry[];
  /**
   * Every problem, file by file in doc order: invalid annotations (the
   * extractor's rule ids) and files that could not be read or parsed
   * (`unparsable`: the page's own compile reports those). No severity:
   * the options decide it.
   */
  problems: Problem[];
  /**
   * Each file with its valid annotations, invalid ids and the ids it shows
   * through partials, for handoffs: the docs in the order of the run, then
   * the partials they render (`doc.partial`).
   */
  pages: Array<{doc: DocSource; annotations: RoleAnnotation[]; invalidIds: string[]; partialIds: string[]}>;
  /**
   * How many files were parsed (`fast` of them parsing only the blocks
   * the extraction needs; `threaded` of them in worker threads), reused
   * from the cache (`persisted` of them from the cache file of an earlier
   * process), or skipped unparsed.
   */
  stats: {
    files: number;
    parsed: number;
    fast: number;
    threaded: number;
    reused: number;
    persisted: number;
    skipped: number;
  };
}

// The callback API reads small files several times faster than
// `fs/promises` (which reads in chunks through a FileHandle).
const readFile = promisify(readFileCallback);

const EMPTY: FileResult = {annotations: [], problems: []};

/** Docs looked up and parsed together (bounds memory, keeps reads concurrent). */
const CHUNK = 256;

/** A file that changed since the last run, read, to be analyzed. */
interface Changed {
  changed: true;
  doc: DocSource;
  input: AnalyzeInput;
  statKey: string;
  contentKey: string;
}

/** A cached file, and whether it came from an earlier process's cache file. */
interface Remembered extends CachedFile {
  persisted: boolean;
}

/** What `lookUp` finds: a file's known facts, a failure to read it, or a change to parse. */
type Found = {facts: FileFacts | undefined} | {result: FileResult} | Changed;

/**
 * Stateful aggregator: call `run` on every (re)load; files whose content is
 * unchanged are not parsed again, in this process (memory) and, with a
 * `cacheFile`, in the next ones. What is kept of a file are its `FileFacts`,
 * which do not depend on the configuration: set `config` and run again,
 * and every file is re-validated without a parse.
 *
 * A file's surprise never reaches another file nor the run: every step of
 * one file (reading, parsing, extracting) is guarded, and a
 * file that fails is reported with its own path and position.
 */
export class RolesAggregator {
  private cache = new Map<string, Remembered>();
  /** Whether a run has started in this process (the cache file is read once, by the first). */
  private loaded = false;
  /** Whether the cache changed since it was last written. */
  private unsaved = false;
  /** The cache write in progress, if any. */
  private saving: Promise<void> | undefined;
  /** Another write is wanted once the one in progress ends. */
  private saveAgain = false;
  private readonly cacheFile: string | false;
  private readonly threads: number;
  private readonly poolFrom: number;
  /** The settings every file is parsed with (all but the preprocessor, which runs here). */
  private readonly tree: TreeSettings;
  /** The same, with whether there is a preprocessor: the cache file's key. */
  private readonly settingsKey: string;

  constructor(
    /** The roles and areas annotations are resolved against; may be replaced between runs. */
    public config: RolesConfig,
    private readonly markdown: MarkdownSettings,
    options: AggregatorOptions = {},
  ) {
    this.cacheFile = options.cacheFile ?? false;
    this.threads = threadCount(options.workers ?? 0);
    this.poolFrom = options.poolFrom ?? POOL_FROM_DOCS;
    const {preprocessor, loaderRunner, format, ...tree} = markdown;
    this.tree = tree;
    this.settingsKey = JSON.stringify({...tree, loaderRunner, format, preprocessor: preprocessor !== undefined});
  }

  /** Read, parse (when needed) and extract every doc; entries in doc order. */
  async run(docs: readonly DocSource[]): Promise<AggregateResult> {
    const first = await this.loadCacheFileOnce();
    const stats = emptyStats(docs.length);
    const facts = await this.factsOf(docs, stats);
    const partials = await this.partialsOf(docs, facts, stats);
    const results = docs.map((doc, index) => toResult(doc, facts[index], this.config));
    const gathered = gatherResults(docs, results, facts, partials);
    this.forgetGone([...docs, ...[...partials.values()].map((partial) => partial.host)]);
    await this.persist(first);
    return {...gathered, stats};
  }

  /** Load the cache file, on the first run of the process; whether this run is the first. */
  private async loadCacheFileOnce(): Promise<boolean> {
    if (this.loaded) return false;
    this.loaded = true;
    if (this.cacheFile) {
      for (const [filePath, entry] of await loadCache(this.cacheFile, this.settingsKey)) {
        this.cache.set(filePath, {...entry, persisted: true});
      }
    }
    return true;
  }

  /**
   * Every doc's facts (or its failure to read), reused or analyzed: looked
   * up chunk by chunk, so only a few chunks' contents are alive at once.
   */
  private async factsOf(docs: readonly DocSource[], stats: AggregateResult['stats']): Promise<Array<FileFacts | FileResult | undefined>> {
    const facts: Array<FileFacts | FileResult | undefined> = new Array(docs.length);
    const changes = new Map<number, Changed>();
    const queue = new ParseQueue(this.threads, this.tree, this.poolFrom, (at, result, threaded) => {
      const item = changes.get(at)!;
      changes.delete(at);
      facts[at] = result;
      stats.parsed += 1;
      if (threaded) stats.threaded += 1;
      if (result.kind === 'facts' && result.fast) stats.fast += 1;
      this.keep(item.doc.filePath, {stat: item.statKey, content: item.contentKey, facts: result});
    });
    try {
      for (let start = 0; start < docs.length; start += CHUNK) {
        const found = await Promise.all(docs.slice(start, start + CHUNK).map((doc) => this.lookUp(doc, stats)));
        const changed: Array<[number, AnalyzeInput]> = [];
        found.forEach((item, index) => {
          const at = start + index;
          if ('changed' in item) {
            changes.set(at, item);
            changed.push([at, item.input]);
          } else facts[at] = 'result' in item ? item.result : item.facts;
        });
        if (changed.length > 0) await queue.add(changed, docs.length - start);
      }
      await queue.drain();
    } finally {
      await queue.close();
    }
    return facts;
  }

  /**
   * The partials the docs render, and the partials those render, read and
   * analyzed like docs (and cached alike), each with its resolved
   * annotations, by absolute path.
   */
  private async partialsOf(
    docs: readonly DocSource[],
    facts: ReadonlyArray<FileFacts | FileResult | undefined>,
    stats: AggregateResult['stats'],
  ): Promise<Map<string, ReadPartial>> {
    const known = new Map<string, ReadPartial>();
    let hosts: Array<[DocSource, FileFacts | FileResult | undefined]> = docs.map((doc, index) => [doc, facts[index]]);
    const loaders = loadersOf(docs);
    // Nested partials, level by level (a cycle is reported where it is rendered).
    for (let level = 0; level < MAX_PARTIAL_DEPTH && hosts.length > 0; level += 1) {
      const wanted = new Map<string, DocSource>();
      for (const [doc, found] of hosts) {
        const uses = usesOf(asFacts(found));
        for (const use of [...(uses?.renderings ?? []), ...(uses?.inCode ?? [])]) {
          const file = resolvePartial(use.specifier, doc);
          if (!file || known.has(file) || wanted.has(file)) continue;
          // Compiled as its own module, by the loader whose folders hold it:
          // the page's front matter defaults do not reach it.
          const compiled = compiledAs(doc, compilerOf(file, doc, loaders));
          wanted.set(file, {...partialSource(file, compiled, this.markdown.format ?? 'mdx'), pageRoles: undefined});
        }
      }
      const sources = [...wanted.values()];
      stats.files += sources.length;
      const read = await this.factsOf(sources, stats);
      hosts = sources.map((doc, index) => [doc, read[index]]);
      sources.forEach((doc, index) => {
        const resolved = toResult(doc, read[index], this.config);
        const result = doc.withoutRoles ? unrendered(doc, resolved) : resolved;
        known.set(doc.filePath, {host: doc, facts: asFacts(read[index]), annotations: result.annotations, result});
      });
    }
    return known;
  }

  /** Forget files that are gone, so the cache never outgrows the site. */
  private forgetGone(docs: ReadonlyArray<{filePath: string}>): void {
    const live = new Set(docs.map((doc) => doc.filePath));
    for (const filePath of this.cache.keys()) {
      if (!live.has(filePath)) {
        this.cache.delete(filePath);
        this.unsaved = true;
      }
    }
  }

  /**
   * Write the cache file when it changed. The first run of a process (a
   * build, a start) waits for it; later ones (edits under `npm start`)
   * write in the background, one write at a time, so an edit is not slowed
   * down by rewriting a large site's cache.
   */
  private async persist(first: boolean): Promise<void> {
    if (!this.unsaved || !this.cacheFile) return;
    this.unsaved = false;
    const saving = this.save(this.cacheFile);
    if (first) await saving;
  }

  /**
   * Write the cache file, after the write in progress (writes are never
   * concurrent within a process, and a burst of runs coalesces into one
   * more write). A failure to write costs the next process time, never this run.
   */
  private save(file: string): Promise<void> {
    if (this.saving) {
      this.saveAgain = true;
      return this.saving;
    }
    this.saving = (async () => {
      do {
        this.saveAgain = false;
        try {
          await saveCache(file, this.settingsKey, this.cache);
        } catch {
          // A read-only or full disk: the next process parses again.
        }
      } while (this.saveAgain);
      this.saving = undefined;
    })();
    return this.saving;
  }

  /** Resolves once no cache write is in progress (for tests and tools that exit right after). */
  async flush(): Promise<void> {
    while (this.saving) await this.saving;
  }

  /**
   * A file's facts when it is unchanged, else what to parse. A file whose
   * settings, size, times and inode are the same was not written, and is not
   * even read (unless a preprocessor, whose output may change on its own,
   * made an earlier process's entry); one that was written is read and
   * reused when its content is the same; one without `:role` needs no parse.
   */
  private async lookUp(doc: DocSource, stats: AggregateResult['stats']): Promise<Found> {
    const admonitions = admonitionKeywords(doc.admonitions);
    const removeContentTitle = doc.removeContentTitle ?? false;
    const docKey = `${doc.format}\0${doc.source}\0${String(admonitions)}\0${removeContentTitle}\0${doc.syntax?.key ?? ''}\0${doc.partial ? 'partial' : ''}`;
    let statKey: string;
    let raw: string;
    try {
      const info = await stat(doc.filePath);
      statKey = `${docKey}\0${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
      const cached = this.cache.get(doc.filePath);
      if (cached?.stat === statKey && !(cached.persisted && this.markdown.preprocessor)) {
        this.count(cached, stats);
        return {facts: cached.facts};
      }
      // What the bundler's loader runner hands the MDX loader: no leading BOM.
      raw = loaderRunnerText(await readFile(doc.filePath, 'utf8'), this.markdown.loaderRunner);
    } catch (error) {
      // Gone or unreadable: the content plugin that listed it reports it too.
      return {result: failed(doc, failure(error, 'Could not read the file'))};
    }
    let content: string;
    try {
      content = this.markdown.preprocessor
        ? this.markdown.preprocessor({filePath: doc.filePath, fileContent: raw})
        : raw;
    } catch (error) {
      return {result: failed(doc, failure(error, 'The site\'s markdown.preprocessor failed'))};
    }
    const cached = this.cache.get(doc.filePath);
    if (!mayShowAnnotations(content)) {
      stats.skipped += 1;
      this.keep(doc.filePath, {stat: statKey, content: undefined, facts: undefined}, cached);
      return {facts: undefined};
    }
    const contentKey = createHash('sha1').update(docKey).update('\0').update(content).digest('base64');
    if (cached?.content === contentKey && cached.facts) {
      this.count(cached, stats);
      // Same content, maybe new times (a checkout, a save without change).
      this.keep(doc.filePath, {stat: statKey, content: contentKey, facts: cached.facts}, cached);
      return {facts: cached.facts};
    }
    return {
      changed: true,
      doc,
      input: {
        content,
        format: doc.format,
        admonitions,
        removeContentTitle,
        ...(doc.syntax?.key && {site: doc.syntax}),
        ...(doc.partial && {partial: true}),
      },
      statKey,
      contentKey,
    };
  }

  /**
   * Remember what this process found of a file. New content or new times
   * are written to the cache file; an earlier process's entry, now checked
   * against this process's preprocessor, is trusted by its times from here on.
   */
  private keep(filePath: string, entry: CachedFile, previous = this.cache.get(filePath)): void {
    if (previous?.stat !== entry.stat || previous.content !== entry.content) this.unsaved = true;
    else if (!previous.persisted) return;
    this.cache.set(filePath, {...entry, persisted: false});
  }

  private count(cached: Remembered, stats: AggregateResult['stats']): void {
    if (cached.facts === undefined) stats.skipped += 1;
    else {
      stats.reused += 1;
      if (cached.persisted) stats.persisted += 1;
    }
  }
}

/** A string literal naming a Markdown module (`'./_shared/contrast.mdx'`): the file may render a partial. */
const MARKDOWN_SPECIFIER = /\.mdx?['"]/i;

/**
 * Whether a file can show an annotation: it holds `:role` (directive names
 * are never escaped, so a file without it has none, nor a malformed one),
 * or it may import a partial that does.
 */
function mayShowAnnotations(content: string): boolean {
  return content.includes(':role') || MARKDOWN_SPECIFIER.test(content);
}

/** Partials rendered inside partials, this deep at most. */
const MAX_PARTIAL_DEPTH = 8;

/** A partial, read: what `shownOnPage` needs, and its own problems (reported once). */
interface ReadPartial extends KnownPartial {
  host: DocSource;
  result: FileResult;
}

/** Facts, when a lookup gave facts rather than a failure to read. */
function asFacts(found: FileFacts | FileResult | undefined): FileFacts | undefined {
  return found && 'kind' in found ? found : undefined;
}

/** A run's counters, all zero. */
function emptyStats(files: number): AggregateResult['stats'] {
  return {files, parsed: 0, fast: 0, threaded: 0, reused: 0, persisted: 0, skipped: 0};
}

/**
 * The run's entries (each annotation on its doc's page) and problems, in
 * doc order. Ids are unique within a file (the extractor marks duplicates
 * invalid), so `permalink#id` is unique across the site.
 */
function gatherResults(
  docs: readonly DocSource[],
  results: readonly FileResult[],
  facts: ReadonlyArray<FileFacts | FileResult | undefined>,
  partials: ReadonlyMap<string, ReadPartial>,
): Omit<AggregateResult, 'stats'> {
  const entries: RoleEntry[] = [];
  const problems: Problem[] = [];
  const pages: AggregateResult['pages'] = [];
  const add = (result: FileResult): void => {
    for (const problem of result.problems) problems.push(problem);
  };
  docs.forEach((doc, index) => {
    const result = results[index]!;
    add(result);
    // The page's annotations and those of the partials it renders, in the order it shows them.
    const {shown, problems: placing} = shownOnPage(doc, result.annotations, usesOf(asFacts(facts[index])), partials);
    for (const {annotation, source} of shown) entries.push(toEntry(doc, annotation, source));
    for (const problem of placing) problems.push(problem);
    const partialIds = shown.flatMap(({annotation, source}) => (source === doc.source ? [] : [annotation.id]));
    if (result.annotations.length > 0 || result.invalidIds?.length || partialIds.length > 0) {
      pages.push({doc, annotations: result.annotations, invalidIds: result.invalidIds ?? [], partialIds});
    }
  });
  // A partial's own problems, once, whichever pages render it (not again
  // when the file is also a page of its own, whose problems are above).
  const pageFiles = new Set(docs.map((doc) => doc.filePath));
  for (const [filePath, partial] of partials) {
    if (pageFiles.has(filePath)) continue;
    add(partial.result);
    // Its annotations too, for the handoffs (which say what they cannot follow in a partial).
    const {annotations, invalidIds = []} = partial.result;
    if (annotations.length > 0) pages.push({doc: partial.host, annotations, invalidIds, partialIds: []});
  }
  return {entries, problems, pages};
}

/** An annotation shown on a doc's page (held by the doc, or by a partial at `source`) as the table's entry. */
function toEntry(doc: DocSource, annotation: RoleAnnotation, source = doc.source): RoleEntry {
  return {
    id: annotation.id,
    roles: annotation.roles,
    area: annotation.area,
    title: annotation.title,
    text: annotation.text,
    permalink: doc.permalink,
    source,
    line: annotation.line,
    kind: doc.kind,
    pluginId: doc.pluginId,
    version: doc.version,
    pageTitle: doc.pageTitle,
    pagePosition: doc.pagePosition,
    categories: doc.categories,
    sectionId: annotation.section?.id ?? null,
    sectionTitle: annotation.section?.title ?? null,
    column: annotation.column,
    citation: annotation.citation,
    owner: annotation.owner,
    reviewed: annotation.reviewed,
    reviewDue: annotation.reviewDue,
    audience: annotation.audience,
    // Resolved site-wide once every file is read (plugin/handoffs.ts).
    follows: [],
    handsTo: [],
  };
}

/** A file's facts resolved against the configuration: its annotations and problems. */
function toResult(doc: DocSource, facts: FileFacts | FileResult | undefined, config: RolesConfig): FileResult {
  if (facts === undefined) return EMPTY;
  if (!('kind' in facts)) return facts;
  if (facts.kind === 'failed') return failed(doc, facts);
  if (facts.kind === 'too-large') {
    const reason = documentTooLargeReason(facts.characters);
    return {...EMPTY, problems: [{file: doc.source, line: 1, column: 1, reason, ruleId: 'document-too-large'}]};
  }
  try {
    const {annotations, messages} = resolveCandidates(facts.facts, config, doc.pageRoles);
    const valid: RoleAnnotation[] = [];
    const invalidIds: string[] = [];
    for (const found of annotations) {
      if (found.valid) valid.push(found.annotation);
      else invalidIds.push(found.annotation.id);
    }
    return {annotations: valid, invalidIds, problems: messages.map((message) => problemFromMessage(message, doc.source))};
  } catch (error) {
    return failed(doc, failure(error, 'Could not read role annotations'));
  }
}

/** One doc per set of loader folders: the loaders a partial may be compiled by. */
function loadersOf(docs: readonly DocSource[]): DocSource[] {
  const byFolders = new Map<string, DocSource>();
  for (const doc of docs) {
    if (!doc.contentDirs) continue;
    const key = doc.contentDirs.join('\0');
    if (!byFolders.has(key)) byFolders.set(key, doc);
  }
  return [...byFolders.values()];
}

/**
 * The importing doc as the partial's loader compiles: the compiling
 * loader's settings (admonitions, syntax, folders), or, when no loader of
 * the table's content plugins compiles it, Docusaurus's MDX fallback
 * loader's (default admonitions, no site syntax, no `remarkRoles`).
 */
function compiledAs(importer: DocSource, compiler: DocSource | undefined): DocSource {
  if (compiler === importer) return importer;
  if (!compiler) {
    const {admonitions: _admonitions, syntax: _syntax, ...rest} = importer;
    return {...rest, removeContentTitle: false, contentDirs: [], withoutRoles: true};
  }
  const {admonitions, syntax, removeContentTitle, contentDirs} = compiler;
  // (A partial in a content folder, nested in one the fallback compiles, is compiled with remarkRoles.)
  return {...importer, admonitions, syntax, removeContentTitle, contentDirs, withoutRoles: false};
}

/**
 * A partial compiled without `remarkRoles`: its annotations show as text
 * on the pages that render it, so each is reported and none is listed.
 */
function unrendered(doc: DocSource, result: FileResult): FileResult {
  const problems: Problem[] = result.annotations.map((annotation) => ({
    file: doc.source,
    line: annotation.line,
    column: annotation.column,
    ruleId: 'partial-without-remark',
    reason:
      `The annotation "${annotation.title}" is in a partial outside the content folders this table reads, which Docusaurus compiles with another loader ` +
      '(its MDX fallback loader, without remarkRoles, for a file outside every content folder): the pages that render it do not show it as this table\'s callout, and the table leaves it out. ' +
      'Move the partial into the content folder of the pages that import it (for example docs/_partials/: a leading `_` keeps a file from being a page)',
  }));
  return {annotations: [], invalidIds: [], problems: [...problems, ...result.problems]};
}

/**
 * A file that could not be read or parsed, reported with its own path and,
 * for a parse error, the position the parser gives (the one the page's
 * compile reports).
 */
function failed(doc: DocSource, {line, column, reason}: FileFacts & {kind: 'failed'}): FileResult {
  return {...EMPTY, problems: [{file: doc.source, line, column, reason, ruleId: 'unparsable'}]};
}
