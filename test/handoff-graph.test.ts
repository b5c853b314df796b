/**
 * Resolving handoffs site-wide (`core/handoff-graph.ts`): every way to name
 * a duty, every problem with its position and suggestion, links shown both
 * ways once, a property over random graphs (every declared link on both
 * ends, a cycle reported exactly when there is one), and linear growth
 * counted in steps, not timed.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  SUGGESTION_BUDGET,
  fileCandidates,
  resolveHandoffs,
  type HandoffDuty,
  type HandoffGraph,
  type HandoffPage,
} from '../plugins/docusaurus-plugin-roles/src/core/handoff-graph.js';
import {parseReference, type HandoffReference} from '../plugins/docusaurus-plugin-roles/src/core/handoffs.js';

const DOCS = 'docs\0default\0current';
const DOCS_LABEL = 'the docs (plugin instance `default`, version `current`)';

function ref(written: string): HandoffReference {
  const parsed = parseReference(written);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

/** A duty declaring `follows` and `hands-to` as an author writes them. */
function duty(id: string, line: number, links: {follows?: string; handsTo?: string} = {}): HandoffDuty {
  return {
    id,
    line,
    column: 1,
    ...(links.follows !== undefined && {follows: links.follows.split(' ').map(ref)}),
    ...(links.handsTo !== undefined && {handsTo: links.handsTo.split(' ').map(ref)}),
  };
}

/** A doc of the current version, in English (`docs/…`) with its Spanish counterpart. */
function doc(file: string, duties: HandoffDuty[], extra: Partial<HandoffPage> = {}): HandoffPage {
  return {
    source: `docs/${file}`,
    permalink: `/${file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}`,
    scope: DOCS,
    scopeLabel: DOCS_LABEL,
    files: [`docs/${file}`, `i18n/es/docusaurus-plugin-content-docs/current/${file}`],
    roots: ['docs', 'i18n/es/docusaurus-plugin-content-docs/current'],
    duties,
    ...extra,
  };
}

/** Every link of the graph as `source#id → source#id`. */
function links(pages: readonly HandoffPage[], graph: HandoffGraph): string[] {
  const name = (number: number) => {
    const {page, duty: at} = graph.duties[number]!;
    return `${pages[page]!.source}#${pages[page]!.duties[at]!.id}`;
  };
  return graph.handsTo.flatMap((targets, from) => targets.map((to) => `${name(from)} → ${name(to)}`));
}

/** Problems as `file:line:column: reason [rule]`. */
function problems(graph: HandoffGraph): string[] {
  return graph.problems.map(({file, line, column, reason, ruleId}) => `${file}:${line}:${column}: ${reason} [${ruleId}]`);
}

describe('naming a duty', () => {
  const pages = [
    doc('scs/before.md', [
      duty('schedules', 3, {handsTo: 'screens'}),
      duty('screens', 7, {handsTo: './during.md#captures'}),
    ]),
    doc('scs/during.md', [
      duty('captures', 5, {handsTo: '/scs/after.md#reads'}),
      duty('guides', 9, {follows: '/scs/during#captures'}),
    ]),
    doc('scs/after.md', [duty('reads', 4, {follows: 'scs/during.md#guides'}), duty('reports', 8, {follows: '#reads'})]),
  ];

  it('resolves ids on the page, files relative to the page or the content root, and permalinks', () => {
    const graph = resolveHandoffs(pages);
    expect(problems(graph)).toEqual([]);
    expect(links(pages, graph)).toEqual([
      'docs/scs/before.md#schedules → docs/scs/before.md#screens',
      'docs/scs/before.md#screens → docs/scs/during.md#captures',
      'docs/scs/during.md#captures → docs/scs/during.md#guides',
      'docs/scs/during.md#captures → docs/scs/after.md#reads',
      'docs/scs/during.md#guides → docs/scs/after.md#reads',
      'docs/scs/after.md#reads → docs/scs/after.md#reports',
    ]);
  });

  it('shows a link declared on one side on both ends, in reading order', () => {
    const graph = resolveHandoffs(pages);
    const number = (page: number, at: number) => graph.first[page]! + at;
    // `reads` declares only `follows`; `captures` declared only `hands-to`.
    expect(graph.follows[number(2, 0)]).toEqual([number(1, 0), number(1, 1)]);
    expect(graph.handsTo[number(1, 0)]).toEqual([number(1, 1), number(2, 0)]);
  });

  it('keeps a link declared on both sides once', () => {
    const both = [
      doc('a.md', [duty('x', 1, {handsTo: './b.md#y'})]),
      doc('b.md', [duty('y', 1, {follows: './a.md#x /a#x'})]),
    ];
    const graph = resolveHandoffs(both);
    expect(links(both, graph)).toEqual(['docs/a.md#x → docs/b.md#y']);
    expect(graph.follows[1]).toEqual([0]);
    expect(graph.handsTo[0]).toEqual([1]);
  });

  it('resolves a translated page to an untranslated one and back, with the references of the original', () => {
    const es = [
      // Translated: its file is under i18n/es; the reference is the English one.
      doc('scs/before.md', [duty('screens', 3, {handsTo: './during.md#captures'})], {
        source: 'i18n/es/docusaurus-plugin-content-docs/current/scs/before.md',
        permalink: '/es/scs/before',
      }),
      // Untranslated: the original file, under the Spanish URL.
      doc('scs/during.md', [duty('captures', 5, {handsTo: './after.md#reads'})], {permalink: '/es/scs/during'}),
      doc('scs/after.md', [duty('reads', 4)], {
        source: 'i18n/es/docusaurus-plugin-content-docs/current/scs/after.md',
        permalink: '/es/scs/after',
      }),
    ];
    const graph = resolveHandoffs(es, {baseUrl: '/es/'});
    expect(problems(graph)).toEqual([]);
    expect(graph.handsTo).toEqual([[1], [2], []]);
  });

  it('takes a permalink with or without the baseUrl and in any trailing-slash form', () => {
    const site = [
      doc('a.md', [duty('x', 1, {handsTo: '/hospital/b/#y /b#z'})], {permalink: '/hospital/a/'}),
      doc('b.md', [duty('y', 1), duty('z', 2)], {permalink: '/hospital/b/'}),
    ];
    expect(resolveHandoffs(site, {baseUrl: '/hospital/'}).handsTo[0]).toEqual([1, 2]);
  });

  it('tries files in the order Docusaurus resolves Markdown links', () => {
    const page = {source: 'docs/scs/a.md', roots: ['docs', 'i18n/es/x/current']};
    expect(fileCandidates(page, './b.md')).toEqual(['docs/scs/b.md']);
    expect(fileCandidates(page, '../b.md')).toEqual(['docs/b.md']);
    expect(fileCandidates(page, '/scs/b.md')).toEqual(['docs/scs/b.md', 'i18n/es/x/current/scs/b.md', 'scs/b.md']);
    expect(fileCandidates(page, 'b.md')).toEqual(['docs/b.md', 'i18n/es/x/current/b.md', 'b.md', 'docs/scs/b.md']);
  });
});

describe('problems, positioned at the annotation that declares the link', () => {
  it('reports an unknown page with the closest page, and an unknown id with the closest id', () => {
    const pages = [
      doc('scs/before.md', [duty('screens', 3, {handsTo: './durin.md#captures ./during.md#captures-images'})]),
      doc('scs/during.md', [duty('captures-image', 5), duty('guides', 9)]),
    ];
    expect(problems(resolveHandoffs(pages))).toEqual([
      'docs/scs/before.md:3:1: Unknown page in the handoff `./durin.md#captures` (in `hands-to`): no doc, blog post or page at `docs/scs/durin.md`; did you mean `./during.md#captures`? [unknown-handoff]',
      'docs/scs/before.md:3:1: Unknown duty `captures-images` in the handoff `./during.md#captures-images` (in `hands-to`): `docs/scs/during.md` has no annotation with that id; did you mean `captures-image`? [unknown-handoff]',
    ]);
  });

  it('reports an unknown permalink and an unknown id on the same page', () => {
    const pages = [doc('a.md', [duty('x', 2, {follows: '/c#y reds'}), duty('reads', 6)]), doc('b.md', [duty('y', 1)])];
    // `/a` is as close to `/c` as `/b`, but only `/b` has a duty `y`.
    expect(problems(resolveHandoffs(pages))).toEqual([
      'docs/a.md:2:1: Unknown page in the handoff `/c#y` (in `follows`): no doc, blog post or page has the URL `/c`; did you mean `/b#y`? [unknown-handoff]',
      'docs/a.md:2:1: Unknown duty `reds` in the handoff `reds` (in `follows`): this page has no annotation with that id; did you mean `reads`? [unknown-handoff]',
    ]);
  });

  it('drops a link to an invalid annotation without a second problem', () => {
    const pages = [doc('a.md', [duty('x', 2, {handsTo: './b.md#broken'})]), doc('b.md', [], {invalidIds: ['broken']})];
    const graph = resolveHandoffs(pages);
    expect(graph.problems).toEqual([]);
    expect(graph.handsTo).toEqual([[]]);
  });

  it('reports a link to itself, by id or by file', () => {
    const pages = [doc('a.md', [duty('x', 4, {handsTo: 'x', follows: './a.md#x'})])];
    expect(problems(resolveHandoffs(pages))).toEqual([
      'docs/a.md:4:1: Unexpected handoff of a duty to itself: `./a.md#x` (in `follows`), expected another duty [self-handoff]',
      'docs/a.md:4:1: Unexpected handoff of a duty to itself: `x` (in `hands-to`), expected another duty [self-handoff]',
    ]);
  });

  it('reports a link into another plugin instance or docs version', () => {
    const blog: HandoffPage = {
      source: 'blog/2024-01-01-post.md',
      permalink: '/blog/post',
      scope: 'blog\0default\0',
      scopeLabel: 'the blog (plugin instance `default`)',
      files: ['blog/2024-01-01-post.md'],
      roots: ['blog'],
      duties: [duty('y', 1)],
    };
    const old = doc('b.md', [duty('z', 1)], {
      source: 'versioned_docs/version-1.0/b.md',
      permalink: '/1.0/b',
      scope: 'docs\0default\x001.0',
      scopeLabel: 'the docs (plugin instance `default`, version `1.0`)',
      files: ['versioned_docs/version-1.0/b.md'],
      roots: ['versioned_docs/version-1.0'],
    });
    const pages = [doc('a.md', [duty('x', 7, {handsTo: '../blog/2024-01-01-post.md#y ../versioned_docs/version-1.0/b.md#z /1.0/b#z'})]), blog, old];
    expect(problems(resolveHandoffs(pages))).toEqual([
      'docs/a.md:7:1: Unexpected handoff across content plugins: `../blog/2024-01-01-post.md#y` (in `hands-to`) names a duty of the blog (plugin instance `default`), and this page is in the docs (plugin instance `default`, version `current`); expected a duty of the same docs version, blog or pages instance (each resolves its handoffs within itself) [cross-instance-handoff]',
      'docs/a.md:7:1: Unexpected handoff across content plugins: `../versioned_docs/version-1.0/b.md#z` (in `hands-to`) names a duty of the docs (plugin instance `default`, version `1.0`), and this page is in the docs (plugin instance `default`, version `current`); expected a duty of the same docs version, blog or pages instance (each resolves its handoffs within itself) [cross-instance-handoff]',
      'docs/a.md:7:1: Unexpected handoff across content plugins: `/1.0/b#z` (in `hands-to`) names a duty of the docs (plugin instance `default`, version `1.0`), and this page is in the docs (plugin instance `default`, version `current`); expected a duty of the same docs version, blog or pages instance (each resolves its handoffs within itself) [cross-instance-handoff]',
    ]);
  });

  it('reports a cycle once, with its way round, where the closing link is declared', () => {
    const pages = [
      doc('a.md', [duty('x', 2, {handsTo: './b.md#y'}), duty('w', 9, {follows: 'x'})]),
      doc('b.md', [duty('y', 3, {handsTo: './c.md#z'})]),
      doc('c.md', [duty('z', 5, {handsTo: './a.md#x'})]),
    ];
    const graph = resolveHandoffs(pages);
    expect(problems(graph)).toEqual([
      'docs/c.md:5:1: Unexpected handoff cycle: `docs/a.md#x` → `docs/b.md#y` → `docs/c.md#z` → `docs/a.md#x`; expected handoffs to run one way (they declare an order): remove or reverse one of these links [handoff-cycle]',
    ]);
    // The links are still shown: the author sees the problem, not a silently dropped link.
    expect(links(pages, graph)).toHaveLength(4);
  });
});

/** A random site: pages of duties, and edges declared on one side, the other, or both. */
const randomSite = fc
  .record({
    pageSizes: fc.array(fc.integer({min: 1, max: 4}), {minLength: 1, maxLength: 6}),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('from', 'to', 'both')), {maxLength: 40}),
  })
  .map(({pageSizes, edges}) => {
    const places = pageSizes.flatMap((size, page) => Array.from({length: size}, (_, at) => ({page, at})));
    const n = places.length;
    const declared = edges
      .map(([a, b, side]) => ({from: a % n, to: b % n, side}))
      .filter(({from, to}) => from !== to);
    const written = places.map(() => ({follows: [] as string[], handsTo: [] as string[]}));
    const name = (from: number, to: number) => {
      const target = places[to]!;
      return places[from]!.page === target.page ? `d${target.at}` : `./p${target.page}.md#d${target.at}`;
    };
    for (const {from, to, side} of declared) {
      if (side !== 'to') written[from]!.handsTo.push(name(from, to));
      if (side !== 'from') written[to]!.follows.push(name(to, from));
    }
    const pages = pageSizes.map((size, page) =>
      doc(
        `p${page}.md`,
        Array.from({length: size}, (_, at) => {
          const number = places.findIndex((place) => place.page === page && place.at === at);
          const {follows, handsTo} = written[number]!;
          return {
            id: `d${at}`,
            line: at + 1,
            column: 1,
            follows: [...new Set(follows)].map(ref),
            handsTo: [...new Set(handsTo)].map(ref),
          };
        }),
      ),
    );
    const edgeSet = new Set(declared.map(({from, to}) => `${from}>${to}`));
    return {pages, n, edges: [...edgeSet].map((key) => key.split('>').map(Number) as [number, number])};
  });

/** Whether a directed graph has a cycle, by Kahn's algorithm (independent of Tarjan's). */
function hasCycle(n: number, edges: readonly [number, number][]): boolean {
  const indegree = new Array<number>(n).fill(0);
  for (const [, to] of edges) indegree[to]! += 1;
  const queue = indegree.flatMap((degree, node) => (degree === 0 ? [node] : []));
  let seen = 0;
  while (queue.length > 0) {
    const node = queue.pop()!;
    seen += 1;
    for (const [from, to] of edges) if (from === node && --indegree[to]! === 0) queue.push(to);
  }
  return seen < n;
}

describe('random sites (fast-check)', () => {
  it('shows every declared link on both ends, once, in reading order; reports a cycle exactly when there is one', () => {
    fc.assert(
      fc.property(randomSite, ({pages, n, edges}) => {
        const graph = resolveHandoffs(pages);
        const expected = new Set(edges.map(([from, to]) => `${from}>${to}`));
        const handsTo = graph.handsTo.flatMap((targets, from) => targets.map((to) => `${from}>${to}`));
        const follows = graph.follows.flatMap((sources, to) => sources.map((from) => `${from}>${to}`));
        expect(new Set(handsTo)).toEqual(expected);
        expect(new Set(follows)).toEqual(expected);
        expect(handsTo).toHaveLength(expected.size);
        expect(follows).toHaveLength(expected.size);
        for (const list of [...graph.handsTo, ...graph.follows]) {
          expect(list).toEqual([...list].sort((a, b) => a - b));
        }
        expect(graph.duties).toHaveLength(n);
        const cycles = graph.problems.filter((problem) => problem.ruleId === 'handoff-cycle');
        expect(cycles.length > 0).toBe(hasCycle(n, edges));
        expect(graph.problems.filter((problem) => problem.ruleId !== 'handoff-cycle')).toEqual([]);
      }),
      {numRuns: 300},
    );
  });
});

/** A site of `n` duties on pages of 5 and `n` links, in one of several shapes. */
function scaledSite(shape: 'chain' | 'star' | 'random' | 'broken' | 'cycles', n: number): HandoffPage[] {
  const perPage = 5;
  const pages = Math.ceil(n / perPage);
  let seed = 1;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const name = (to: number) => `./p${Math.floor(to / perPage)}.md#d${to % perPage}`;
  return Array.from({length: pages}, (_, page) =>
    doc(
      `p${page}.md`,
      Array.from({length: perPage}, (_, at) => {
        const self = page * perPage + at;
        const targets: string[] = [];
        if (shape === 'chain' && self + 1 < n) targets.push(name(self + 1));
        if (shape === 'star' && self === 0) for (let to = 1; to < n; to += 1) targets.push(name(to));
        if (shape === 'random') targets.push(name(Math.floor(random() * n)));
        if (shape === 'broken') targets.push(`./q${page}.md#x`, `./p${page}.md#missing-${at}`);
        if (shape === 'cycles') targets.push(name(self % 3 === 2 ? self - 2 : Math.min(self + 1, n - 1)));
        return {
          id: `d${at}`,
          line: at + 1,
          column: 1,
          handsTo: targets.filter((target) => target !== name(self)).map(ref),
        };
      }),
    ),
  );
}

describe('linear time, counted in steps (no timing)', () => {
  it.each(['chain', 'star', 'random', 'broken', 'cycles'] as const)('a %s of links: 4× the duties and links take at most 4.5× the steps', (shape) => {
    const small = resolveHandoffs(scaledSite(shape, 1_000));
    const large = resolveHandoffs(scaledSite(shape, 4_000));
    expect(large.steps / small.steps).toBeLessThanOrEqual(4.5);
    // And a constant number of steps per duty and link: no hidden quadratic term at either size.
    expect(large.steps).toBeLessThanOrEqual(40 * 4_000 + SUGGESTION_BUDGET);
    if (shape === 'cycles') expect(large.problems.length).toBeGreaterThan(1_000);
  });

  it('resolves a chain of 100,000 handoffs without overflowing the stack', () => {
    const graph = resolveHandoffs(scaledSite('chain', 100_000));
    expect(graph.problems).toEqual([]);
    expect(graph.handsTo[99_998]).toEqual([99_999]);
  });
});
