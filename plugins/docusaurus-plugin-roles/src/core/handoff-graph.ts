/**
 * Resolve the handoffs of a whole site: every `follows=` and `hands-to=`
 * reference (`handoffs.ts`) to the duty it names, in linear time.
 *
 * - A link is one edge, whichever side declares it: A `hands-to` B and B
 *   `follows` A are the same handoff, kept once, and shown on both ends.
 * - Each docs version, blog and pages plugin instance (a *scope*) resolves
 *   within itself, as Docusaurus resolves Markdown links: a file reference
 *   names the file relative to the current one, and a page is known by its
 *   own file and by where its translation (or its original) would be, so a
 *   reference survives translation and versioning unchanged.
 * - Problems, positioned at the annotation that declares the link: an
 *   unknown page or id (with the closest page or id), a link to itself, a
 *   link into another scope, and a cycle (handoffs declare an order, and a
 *   cycle contradicts it).
 *
 * Pure: plain data in, plain data out; nothing here knows Docusaurus.
 */
import path from 'node:path';
import {normalizePagePath} from '../client/anchors.js';
import {didYouMean} from './config.js';
import {referenceKind, type HandoffAttribute, type HandoffReference} from './handoffs.js';

/** Identifies each kind of handoff problem. */
export type HandoffRuleId = 'unknown-handoff' | 'self-handoff' | 'cross-instance-handoff' | 'handoff-cycle' | 'handoff-in-partial';

const HANDOFF_RULES: ReadonlySet<string> = new Set<HandoffRuleId>([
  'unknown-handoff',
  'self-handoff',
  'cross-instance-handoff',
  'handoff-cycle',
  'handoff-in-partial',
]);

/** Whether a problem is a broken handoff (its severity is `onBrokenHandoffs`). */
export function isHandoffRule(ruleId: string): ruleId is HandoffRuleId {
  return HANDOFF_RULES.has(ruleId);
}

/** A duty that may declare handoffs (a valid annotation). */
export interface HandoffDuty {
  /** Anchor id on its page. */
  id: string;
  line: number;
  column: number;
  follows?: readonly HandoffReference[] | undefined;
  handsTo?: readonly HandoffReference[] | undefined;
}

/** One page (doc, blog post, Markdown page) and its duties. */
export interface HandoffPage {
  /** Site-relative, `/`-separated path of the file read: where problems point. */
  source: string;
  /** The page's URL path, baseUrl included. */
  permalink: string;
  /** The docs version, blog or pages plugin instance: links stay within one. */
  scope: string;
  /** How messages name the scope (`the docs of plugin instance \`default\`, version \`current\``). */
  scopeLabel: string;
  /**
   * Site-relative paths a file reference may name the page by: its own
   * file first, then where its translation or its original sits.
   */
  files: readonly string[];
  /** Site-relative content folders of its scope, for `/a.md` (`''` is the site folder). */
  roots: readonly string[];
  /** Valid duties, in document order. */
  duties: readonly HandoffDuty[];
  /** Ids of the page's invalid annotations: a link to one is dropped, its own problem is reported. */
  invalidIds?: readonly string[];
  /** Ids of the duties the page shows through partials (imported Markdown), which handoffs cannot name. */
  partialIds?: readonly string[];
}

/** A problem found while resolving, positioned at the annotation that declares the link (a `Problem`, `core/problem.ts`). */
export interface HandoffProblem {
  /** The page's `source`. */
  file: string;
  line: number;
  column: number;
  reason: string;
  ruleId: HandoffRuleId;
}

/** Where a duty sits: `pages[page].duties[duty]`. */
export interface DutyPlace {
  page: number;
  duty: number;
}

/** The site's handoffs, resolved. */
export interface HandoffGraph {
  /** Every duty, numbered in reading order (page by page, duty by duty). */
  duties: DutyPlace[];
  /**
   * For each duty (by number): the duties it follows, in reading order, each
   * once (the duties without any share one frozen empty list).
   */
  follows: number[][];
  /** For each duty: the duties it hands over to, in reading order, each once (same sharing). */
  handsTo: number[][];
  /** The number of each page's first duty (`duties[first[page] + i]` is its duty `i`). */
  first: number[];
  problems: HandoffProblem[];
  /**
   * Elementary steps taken: references and candidate paths looked up, edges
   * and nodes visited, suggestions compared. Grows linearly with the input
   * (the complexity test holds it to that, without timing anything).
   */
  steps: number;
}

/** Options of `resolveHandoffs`. */
export interface ResolveOptions {
  /** The site's `baseUrl`, which a permalink reference may leave out (default: `/`). */
  baseUrl?: string;
}

/**
 * String comparisons spent on "did you mean" suggestions, for the whole
 * site. A constant: a site full of broken links gets suggestions for the
 * first ones (the ones an author reads first) and stays linear.
 */
export const SUGGESTION_BUDGET = 50_000;

const FIELDS: ReadonlyArray<readonly [HandoffAttribute, 'follows' | 'handsTo']> = [
  ['follows', 'follows'],
  ['hands-to', 'handsTo'],
];

/** The look-up tables resolution needs, built once per run. */
interface Index {
  pages: readonly HandoffPage[];
  /** A file name (own or counterpart) → its page. */
  byFile: Map<string, number>;
  /** A normalized permalink → its page. */
  byPermalink: Map<string, number>;
  /**
   * `page#id` (the page's number) → the duty's number in the site (see
   * `pageOf`, `dutyOf`). One map for the site, not one per page: a site's
   * thousands of small maps would cost the garbage collector more than the
   * look-ups.
   */
  ids: Map<string, number>;
  /** By a duty's number in the site: its page, and its number within the page. */
  pageOf: Int32Array;
  dutyOf: Int32Array;
  /** Per page: the folder of its file, for relative references. */
  folders: string[];
  /** Per page: the ids of its invalid annotations (one shared empty set for most pages). */
  invalid: Array<ReadonlySet<string>>;
  /** Per scope: its pages' own files and permalinks, for suggestions. */
  scopeFiles: Map<string, string[]>;
  scopePermalinks: Map<string, string[]>;
  /**
   * Per scope and id (`scope\0id`): the pages that have a duty with that id,
   * for suggestions; built on the first one (a site without broken links never needs it).
   */
  pagesWithId: Map<string, number[]> | undefined;
  baseUrl: string;
}

/** Mutable state of one run. */
interface Run {
  index: Index;
  problems: HandoffProblem[];
  steps: number;
  budget: number;
}

/** Resolve every handoff of the site. */
export function resolveHandoffs(pages: readonly HandoffPage[], options: ResolveOptions = {}): HandoffGraph {
  const index = buildIndex(pages, options.baseUrl ?? '/');
  const run: Run = {index, problems: [], steps: 0, budget: SUGGESTION_BUDGET};
  const first: number[] = [];
  const duties: DutyPlace[] = [];
  pages.forEach((page, pageNumber) => {
    first.push(duties.length);
    page.duties.forEach((_, duty) => duties.push({page: pageNumber, duty}));
  });
  const count = duties.length;

  // One edge per (from, to), remembering the first duty that declared it.
  const declaredAt = new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  pages.forEach((page, pageNumber) => {
    page.duties.forEach((duty, dutyNumber) => {
      const self = first[pageNumber]! + dutyNumber;
      for (const [attribute, field] of FIELDS) {
        for (const reference of duty[field] ?? []) {
          const target = resolveReference(run, pageNumber, dutyNumber, reference, attribute);
          if (target === -1) continue;
          const from = field === 'follows' ? target : self;
          const to = field === 'follows' ? self : target;
          const key = from * count + to;
          if (declaredAt.has(key)) continue;
          declaredAt.set(key, self);
          edgeFrom.push(from);
          edgeTo.push(to);
        }
      }
    });
  });

  // Reading order without sorting: fill each source's list in the order of
  // its targets (the edges counted by target), and each target's list in
  // the order of its sources.
  const handsTo = lists(count, edgeFrom, edgeTo, run);
  const follows = lists(count, edgeTo, edgeFrom, run);
  for (const cycle of findCycles(handsTo, run)) reportCycle(run, cycle, handsTo, duties, declaredAt);
  return {duties, follows, handsTo, first, problems: run.problems, steps: run.steps};
}

/** The invalid ids of a page without invalid annotations. */
const NO_IDS: ReadonlySet<string> = new Set();

/** The shared list of a duty without links. */
const NONE: readonly number[] = Object.freeze([]);

/**
 * For each duty, the `value` of the edges whose `key` it is, in ascending
 * `value` order: a counting sort of the edges by `value`, then one pass
 * that appends each to its key's list. Linear; a duty without edges shares
 * one empty list, so a large site allocates lists for its linked duties only.
 */
function lists(count: number, key: readonly number[], value: readonly number[], run: Run): number[][] {
  const byValue = new Int32Array(count + 1);
  const sizes = new Int32Array(count);
  for (let edge = 0; edge < key.length; edge += 1) {
    byValue[value[edge]! + 1]! += 1;
    sizes[key[edge]!]! += 1;
  }
  for (let at = 1; at <= count; at += 1) byValue[at]! += byValue[at - 1]!;
  const ordered = new Int32Array(key.length);
  for (let edge = 0; edge < key.length; edge += 1) ordered[byValue[value[edge]!]!++] = edge;
  const result = new Array<number[]>(count);
  for (let at = 0; at < count; at += 1) result[at] = sizes[at] === 0 ? (NONE as number[]) : [];
  for (const edge of ordered) {
    result[key[edge]!]!.push(value[edge]!);
    run.steps += 1;
  }
  return result;
}

function buildIndex(pages: readonly HandoffPage[], baseUrl: string): Index {
  const byFile = new Map<string, number>();
  const byPermalink = new Map<string, number>();
  const scopeFiles = new Map<string, string[]>();
  const scopePermalinks = new Map<string, string[]>();
  const total = pages.reduce((sum, page) => sum + page.duties.length, 0);
  const pageOf = new Int32Array(total);
  const dutyOf = new Int32Array(total);
  let number = 0;
  const ids = new Map<string, number>();
  pages.forEach((page, pageNumber) => {
    // A page's own file wins over another page's counterpart name.
    byFile.set(page.files[0] ?? page.source, pageNumber);
    const permalink = normalizePagePath(page.permalink);
    if (!byPermalink.has(permalink)) byPermalink.set(permalink, pageNumber);
    push(scopeFiles, page.scope, page.source);
    push(scopePermalinks, page.scope, permalink);
    page.duties.forEach((duty, dutyNumber) => {
      pageOf[number] = pageNumber;
      dutyOf[number] = dutyNumber;
      ids.set(`${pageNumber}#${duty.id}`, number++);
    });
  });
  pages.forEach((page, pageNumber) => {
    for (const file of page.files.slice(1)) if (!byFile.has(file)) byFile.set(file, pageNumber);
  });
  const invalid = pages.map((page) => (page.invalidIds?.length ? new Set(page.invalidIds) : NO_IDS));
  const folders = pages.map((page) => path.posix.dirname(page.source));
  return {pages, byFile, byPermalink, ids, pageOf, dutyOf, folders, invalid, scopeFiles, scopePermalinks, pagesWithId: undefined, baseUrl};
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The number of the duty a reference names, or `-1` after reporting why there is none. */
function resolveReference(
  run: Run,
  pageNumber: number,
  dutyNumber: number,
  reference: HandoffReference,
  attribute: HandoffAttribute,
): number {
  const {pages, ids, invalid} = run.index;
  const page = pages[pageNumber]!;
  // Messages are built on failure only: a site's thousands of good links allocate none.
  const report = (reason: string, ruleId: HandoffRuleId): -1 => {
    const duty = page.duties[dutyNumber]!;
    run.problems.push({file: page.source, line: duty.line, column: duty.column, reason, ruleId});
    return -1;
  };
  const where = (): string => `\`${reference.written}\` (in \`${attribute}\`)`;
  run.steps += 1;

  const found = findPage(run, pageNumber, reference);
  if (found === -1) {
    const {missing, suggestion} = missingPage(run, page, reference);
    const close = suggestion === undefined ? '' : `; did you mean \`${suggestion}#${reference.id}\`?`;
    return report(`Unknown page in the handoff ${where()}: ${missing}${close}`, 'unknown-handoff');
  }
  const target = pages[found]!;
  if (target.scope !== page.scope) {
    return report(
      `Unexpected handoff across content plugins: ${where()} names a duty of ${target.scopeLabel}, and this page is in ${page.scopeLabel}; expected a duty of the same docs version, blog or pages instance (each resolves its handoffs within itself)`,
      'cross-instance-handoff',
    );
  }
  const targetDuty = ids.get(`${found}#${reference.id}`);
  if (targetDuty === undefined) {
    // An invalid annotation is reported on its own; linking to it is not a second mistake.
    if (invalid[found]!.has(reference.id)) return -1;
    if (target.partialIds?.includes(reference.id)) {
      return report(
        `Unexpected handoff to a duty shown through a partial: ${where()} names \`${reference.id}\`, which \`${target.source}\` renders from imported Markdown; expected a duty written in the page itself (a partial's callouts cannot show each page's handoffs)`,
        'handoff-in-partial',
      );
    }
    const close = suggest(run, reference.id, () => [...target.duties.map((duty) => duty.id), ...invalid[found]!]);
    const on = found === pageNumber ? 'this page' : `\`${target.source}\``;
    return report(
      `Unknown duty \`${reference.id}\` in the handoff ${where()}: ${on} has no annotation with that id${close ? `; did you mean \`${close}\`?` : ''}`,
      'unknown-handoff',
    );
  }
  if (found === pageNumber && run.index.dutyOf[targetDuty] === dutyNumber) {
    return report(`Unexpected handoff of a duty to itself: ${where()}, expected another duty`, 'self-handoff');
  }
  return targetDuty;
}

/**
 * The page a reference's page part names, preferring one of the same
 * scope (as its own links would), or `-1` when no page has that name.
 */
function findPage(run: Run, pageNumber: number, reference: HandoffReference): number {
  const {byFile, byPermalink, pages} = run.index;
  const page = pages[pageNumber]!;
  const kind = referenceKind(reference);
  if (kind === 'same-page') return pageNumber;
  if (kind === 'permalink') {
    run.steps += 1;
    const written = byPermalink.get(normalizePagePath(reference.page));
    if (written !== undefined) return written;
    run.steps += 1;
    return byPermalink.get(normalizePagePath(withBaseUrl(reference.page, run.index.baseUrl))) ?? -1;
  }
  const written = reference.page;
  if (written.startsWith('./') || written.startsWith('../')) {
    // The common case, without a list: relative to the page's own folder.
    run.steps += 1;
    return byFile.get(path.posix.join(run.index.folders[pageNumber]!, written)) ?? -1;
  }
  let other = -1;
  for (const candidate of fileCandidates(page, written)) {
    run.steps += 1;
    const found = byFile.get(candidate);
    if (found === undefined) continue;
    if (pages[found]!.scope === page.scope) return found;
    if (other === -1) other = found;
  }
  return other;
}

/** What is missing for a reference that names no page, and the closest page of the scope. */
function missingPage(run: Run, page: HandoffPage, reference: HandoffReference): {missing: string; suggestion: string | undefined} {
  const {pages} = run.index;
  if (referenceKind(reference) === 'permalink') {
    const wanted = normalizePagePath(withBaseUrl(reference.page, run.index.baseUrl));
    const suggestion = suggest(run, wanted, () =>
      withId(run, page.scope, reference.id, (other) => normalizePagePath(pages[other]!.permalink)) ??
      run.index.scopePermalinks.get(page.scope) ??
      [],
    );
    return {missing: `no doc, blog post or page has the URL \`${wanted}\``, suggestion};
  }
  const wanted = fileCandidates(page, reference.page).at(-1)!;
  const best = suggest(
    run,
    wanted,
    () => withId(run, page.scope, reference.id, (other) => pages[other]!.source) ?? run.index.scopeFiles.get(page.scope) ?? [],
  );
  return {missing: `no doc, blog post or page at \`${wanted}\``, suggestion: best === undefined ? undefined : relativeReference(page.source, best)};
}

/**
 * The site-relative files a Markdown file reference may name, in the
 * order Docusaurus tries them (`resolveMarkdownLinkPathname`): `./` and
 * `../` from the file's folder only; `/a.md` from the content folders and
 * the site; `a.md` from those, then from the file's folder.
 */
export function fileCandidates(page: Pick<HandoffPage, 'source' | 'roots'>, written: string): string[] {
  const folder = path.posix.dirname(page.source);
  if (written.startsWith('./') || written.startsWith('../')) return [path.posix.join(folder, written)];
  const fromRoot = written.replace(/^\/+/, '');
  const rooted = [...page.roots, ''].map((root) => path.posix.join(root, fromRoot));
  return written.startsWith('/') ? rooted : [...rooted, path.posix.join(folder, written)];
}

/** A file as a reference from `source` writes it: `./a.md`, `../b/c.md`. */
function relativeReference(source: string, file: string): string {
  const relative = path.posix.relative(path.posix.dirname(source), file);
  return relative.startsWith('../') ? relative : `./${relative}`;
}

/** A permalink with the site's baseUrl, whether or not it was written. */
function withBaseUrl(permalink: string, baseUrl: string): string {
  if (baseUrl === '/' || permalink.startsWith(baseUrl) || `${permalink}/` === baseUrl) return permalink;
  return `${baseUrl}${permalink.replace(/^\/+/, '')}`;
}

/** What names the pages of a scope that have a duty with this id, if any: the likeliest meant. */
function withId(run: Run, scope: string, id: string, name: (page: number) => string): string[] | undefined {
  const {index} = run;
  if (!index.pagesWithId) {
    const byId = new Map<string, number[]>();
    index.pages.forEach((page, pageNumber) => {
      for (const duty of page.duties) push(byId, `${page.scope}\0${duty.id}`, pageNumber);
      run.steps += page.duties.length;
    });
    index.pagesWithId = byId;
  }
  return index.pagesWithId.get(`${scope}\0${id}`)?.map(name);
}

/** The closest candidate, within the run's suggestion budget. */
function suggest(run: Run, value: string, candidates: () => readonly string[]): string | undefined {
  if (run.budget <= 0) return undefined;
  const list = candidates();
  const allowed = list.length <= run.budget ? list : list.slice(0, run.budget);
  run.budget -= allowed.length;
  run.steps += allowed.length;
  return didYouMean(value, allowed);
}

/**
 * The strongly connected components with more than one duty (Tarjan's
 * algorithm, with an explicit stack: a chain of 100,000 handoffs must not
 * overflow the call stack). Linear in duties and edges.
 */
function findCycles(next: readonly number[][], run: Run): number[][] {
  const count = next.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  // The component stack, and the depth-first path as (node, next edge) frames.
  const stack = new Int32Array(count);
  const frameNode = new Int32Array(count);
  const frameEdge = new Int32Array(count);
  let stackSize = 0;
  let depth = 0;
  let counter = 0;
  const components: number[][] = [];
  const enter = (node: number): void => {
    order[node] = low[node] = counter++;
    stack[stackSize++] = node;
    onStack[node] = 1;
    frameNode[depth] = node;
    frameEdge[depth++] = 0;
  };
  for (let root = 0; root < count; root += 1) {
    if (order[root] !== -1) continue;
    enter(root);
    while (depth > 0) {
      const node = frameNode[depth - 1]!;
      const edges = next[node]!;
      run.steps += 1;
      if (frameEdge[depth - 1]! < edges.length) {
        const target = edges[frameEdge[depth - 1]!++]!;
        if (order[target] === -1) enter(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, order[target]!);
        continue;
      }
      depth -= 1;
      if (depth > 0) low[frameNode[depth - 1]!] = Math.min(low[frameNode[depth - 1]!]!, low[node]!);
      if (low[node] !== order[node]) continue;
      // A duty alone is no cycle (a link to itself is reported apart): no list for it.
      if (stack[stackSize - 1] === node) {
        stackSize -= 1;
        onStack[node] = 0;
        run.steps += 1;
        continue;
      }
      const component: number[] = [];
      let member: number;
      do {
        member = stack[--stackSize]!;
        onStack[member] = 0;
        component.push(member);
        run.steps += 1;
      } while (member !== node);
      components.push(component);
    }
  }
  return components;
}

/**
 * Report one cycle of a component: the shortest way round from its first
 * duty in reading order (a breadth-first search that stays inside the
 * component), positioned where the link that closes it is declared.
 */
function reportCycle(
  run: Run,
  component: readonly number[],
  next: readonly number[][],
  duties: readonly DutyPlace[],
  declaredAt: ReadonlyMap<number, number>,
): void {
  const count = duties.length;
  const members = new Set(component);
  let start = component[0]!;
  for (const member of component) if (member < start) start = member;
  const previous = new Map<number, number>([[start, -1]]);
  const queue = [start];
  let closing: number | undefined;
  for (let at = 0; at < queue.length && closing === undefined; at += 1) {
    const node = queue[at]!;
    for (const target of next[node]!) {
      run.steps += 1;
      if (target === start) {
        closing = node;
        break;
      }
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  // Every member of a component lies on a cycle through its first member.
  const path: number[] = [];
  for (let node = closing!; node !== -1; node = previous.get(node)!) path.push(node);
  path.reverse();
  const {pages} = run.index;
  const name = (number: number): string => {
    const {page, duty} = duties[number]!;
    return `${pages[page]!.source}#${pages[page]!.duties[duty]!.id}`;
  };
  const site = duties[declaredAt.get(closing! * count + start)!]!;
  const page = pages[site.page]!;
  const duty = page.duties[site.duty]!;
  run.problems.push({
    file: page.source,
    line: duty.line,
    column: duty.column,
    reason: `Unexpected handoff cycle: ${[...path, start].map((number) => `\`${name(number)}\``).join(' → ')}; expected handoffs to run one way (they declare an order): remove or reverse one of these links`,
    ruleId: 'handoff-cycle',
  });
}
