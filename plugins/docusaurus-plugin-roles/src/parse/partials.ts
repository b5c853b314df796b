/**
 * Annotations in partials belong to the pages that render them.
 *
 * Docusaurus compiles an imported `_contrast.mdx` as its own MDX module,
 * with the loader of the content plugin whose folder holds it, and the page
 * shows it wherever an element names the import (`core/partials.ts` finds
 * those). So an annotation of a partial appears on each page that renders
 * it: its entry gets that page's permalink (and title, position…), its own
 * `source` and `line` (where the author edits it), its own id (ids are
 * allocated within the partial's module), and the section it shows under:
 * the partial's own heading above it, else the page's section at the
 * element. Nested partials follow the same rule, element by element.
 *
 * What the table cannot follow is reported, never left to differ:
 * - an id the page already shows (a heading or annotation of the page, or
 *   of a partial rendered earlier on it, or the same partial rendered
 *   twice): the anchor would lead to the first element, so the annotation is
 *   left out and the problem names both;
 * - a partial with annotations used in JavaScript (`{show && <Contrast />}`):
 *   the page may render it any number of times;
 * - a partial that imports itself, directly or not.
 */
import path from 'node:path';
import type {RoleAnnotation} from '../core/extract.js';
import type {PartialUses} from '../core/partials.js';
import type {Section} from '../core/sections.js';
import type {Problem} from '../core/problem.js';
import type {FileFacts} from './analyze.js';
import {resolveFormat} from './format.js';

/** What the aggregator needs of a doc or partial here (a subset of `DocSource`). */
export interface PartialHost {
  filePath: string;
  source: string;
}

/** An annotation a page shows, from the page itself or from a partial it renders. */
export interface ShownAnnotation {
  annotation: RoleAnnotation;
  /** Site-relative path of the file that holds it. */
  source: string;
}

/** A problem found while placing partials. */
export type PartialProblem = Problem;

/** One analyzed partial file: where it is, its facts and its resolved valid annotations. */
export interface KnownPartial {
  host: PartialHost;
  facts: FileFacts | undefined;
  annotations: RoleAnnotation[];
}

/** The site folder of a doc: its path without its site-relative `source`. */
function siteDirOf(host: PartialHost): string {
  const absolute = path.resolve(host.filePath);
  const relative = path.normalize(host.source);
  return absolute.endsWith(relative) ? absolute.slice(0, absolute.length - relative.length) : path.dirname(absolute);
}

/**
 * The file an import specifier names, as the bundler resolves it for
 * Markdown: relative to the importing file, `@site/…` from the site folder,
 * or absolute; `undefined` for other aliases (not followed).
 */
export function resolvePartial(specifier: string, importer: PartialHost): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return path.resolve(path.dirname(importer.filePath), specifier);
  if (specifier.startsWith('@site/')) return path.resolve(siteDirOf(importer), specifier.slice('@site/'.length));
  if (path.isAbsolute(specifier)) return path.resolve(specifier);
  return undefined;
}

/**
 * The doc whose MDX loader compiles a partial: the importer's when its
 * loader's folders hold the file (or name none), else the first of
 * `loaders` whose folders do; `undefined` when none does (Docusaurus then
 * compiles it with its MDX fallback loader).
 */
export function compilerOf<T extends PartialHost & {contentDirs?: readonly string[]}>(
  file: string,
  importer: T,
  loaders: readonly T[],
): T | undefined {
  const holds = (host: T) => host.contentDirs === undefined || host.contentDirs.some((dir) => file.startsWith(dir));
  return holds(importer) ? importer : loaders.find((host) => host.contentDirs !== undefined && holds(host));
}

/** A partial as a source to read, compiled as `importer` (already its loader's settings) says (site format rules). */
export function partialSource<T extends PartialHost & {format: string}>(
  filePath: string,
  importer: T,
  siteFormat: 'md' | 'mdx' | 'detect',
): T & {partial: true} {
  const siteDir = siteDirOf(importer);
  const source = path.relative(siteDir, filePath).split(path.sep).join('/');
  return {...importer, filePath, source, format: resolveFormat(filePath, siteFormat), partial: true};
}

/** The partial uses in a file's facts. */
export function usesOf(facts: FileFacts | undefined): PartialUses | undefined {
  return facts?.kind === 'facts' ? facts.partials : undefined;
}

/**
 * Everything a page shows, in the order it shows it: its own annotations
 * and, at each element that renders a partial, the partial's, with the
 * problems of placing them.
 */
export function shownOnPage(
  page: PartialHost,
  own: readonly RoleAnnotation[],
  uses: PartialUses | undefined,
  partials: ReadonlyMap<string, KnownPartial>,
): {shown: ShownAnnotation[]; problems: PartialProblem[]} {
  if (!uses) return {shown: own.map((annotation) => ({annotation, source: page.source})), problems: []};
  const problems: PartialProblem[] = [];
  /** Ids already on the page, with what holds them. */
  const used = new Map<string, string>();
  for (const id of uses.anchors) used.set(id, `a heading of ${page.source}`);
  for (const annotation of own) used.set(annotation.id, `the annotation at ${page.source}:${annotation.line}`);
  const placed: Array<{line: number; column: number; shown: ShownAnnotation[]}> = own.map((annotation) => ({
    line: annotation.line,
    column: annotation.column,
    shown: [{annotation, source: page.source}],
  }));

  const render = (file: string, fallback: Section | null, chain: readonly string[], into: ShownAnnotation[]): void => {
    const partial = partials.get(file);
    if (!partial) return;
    if (chain.includes(file)) {
      problems.push({
        file: partial.host.source,
        line: 1,
        column: 1,
        reason: `Unexpected partial that renders itself (${[...chain, file].map((each) => partials.get(each)?.host.source ?? page.source).join(' → ')}), expected a partial rendered by pages only`,
        ruleId: 'partial-cycle',
      });
      return;
    }
    const nested = usesOf(partial.facts);
    const items: Array<{line: number; column: number; run: () => void}> = partial.annotations.map((annotation) => ({
      line: annotation.line,
      column: annotation.column,
      run: () => {
        const holder = used.get(annotation.id);
        if (holder !== undefined) {
          problems.push({
            file: partial.host.source,
            line: annotation.line,
            column: annotation.column,
            reason: `Duplicate id \`${annotation.id}\` on page ${page.source}, which renders this partial: ${holder} has it already, expected each id once per page (render the partial once, or set another \`id=\`)`,
            ruleId: 'duplicate-id',
          });
          return;
        }
        used.set(annotation.id, `the annotation at ${partial.host.source}:${annotation.line} (rendered by the page)`);
        into.push({annotation: {...annotation, section: annotation.section ?? fallback}, source: partial.host.source});
      },
    }));
    for (const rendering of nested?.renderings ?? []) {
      const target = resolvePartial(rendering.specifier, partial.host);
      items.push({
        line: rendering.line,
        column: rendering.column,
        run: () => target && render(target, rendering.section ?? fallback, [...chain, file], into),
      });
    }
    for (const id of nested?.anchors ?? []) if (!used.has(id)) used.set(id, `a heading of ${partial.host.source}`);
    items.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const item of items) item.run();
  };

  for (const rendering of uses.renderings) {
    const target = resolvePartial(rendering.specifier, page);
    const shown: ShownAnnotation[] = [];
    if (target) render(target, rendering.section, [page.filePath], shown);
    placed.push({line: rendering.line, column: rendering.column, shown});
  }
  for (const use of uses.inCode) {
    const target = resolvePartial(use.specifier, page);
    const partial = target ? partials.get(target) : undefined;
    if (!partial || partial.annotations.length === 0) continue;
    problems.push({
      file: page.source,
      line: use.line,
      column: use.column,
      reason: `Unexpected use of the partial \`${use.name}\` (${use.specifier}, which holds role annotations) in JavaScript, expected an element (\`<${use.name} />\`): the table cannot tell whether or how often the page shows its duties`,
      ruleId: 'partial-in-code',
    });
  }
  placed.sort((a, b) => a.line - b.line || a.column - b.column);
  return {shown: placed.flatMap((each) => each.shown), problems};
}
