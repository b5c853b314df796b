/**
 * The handoffs row: resolving N duties with N links site-wide, in process
 * (after a JIT warm-up), at N/4, N and 4N, so the growth shows; and what the
 * pages and the table load for them.
 *
 * - `resolveHandoffs` (core/handoff-graph.js): references to duties, both
 *   directions, cycles; its own step count, which grows linearly;
 * - `linkHandoffs` (plugin/handoffs.js): the same plus the two views the
 *   site reads (entry keys, each callout's links with the other side's title,
 *   roles and page), as the build runs it;
 * - the bytes of the generated handoff modules (one per annotated page) and
 *   of the `follows`/`handsTo` keys the table's entries gain.
 *
 * The site: pages of 5 duties, each duty handing over to one duty chosen at
 * random after it (two in three on another page, by relative file path; one
 * in three on its own page, by id), seeded, so N duties carry about N links
 * and no cycle.
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {median, round} from './measure.mjs';
import {PLUGIN_LIB} from './plugin.mjs';
import {createRandom} from './prng.mjs';

const PER_PAGE = 5;

/** The site's pages, as the aggregator hands them to `linkHandoffs`. */
export function handoffSite(duties, seed = 1) {
  const {next: random} = createRandom(seed);
  const pageCount = Math.ceil(duties / PER_PAGE);
  const file = (page) => `sec-${String(Math.floor(page / 100)).padStart(2, '0')}/doc-${String(page).padStart(5, '0')}.md`;
  const pages = [];
  let links = 0;
  for (let page = 0; page < pageCount; page += 1) {
    const annotations = [];
    for (let at = 0; at < PER_PAGE && page * PER_PAGE + at < duties; at += 1) {
      const self = page * PER_PAGE + at;
      const handsTo = [];
      if (self + 1 < duties) {
        const samePage = random() < 1 / 3 && at + 1 < PER_PAGE && self + 1 < duties;
        const target = samePage
          ? self + 1 + Math.floor(random() * Math.min(PER_PAGE - at - 1, duties - self - 1))
          : self + 1 + Math.floor(random() * Math.min(duties - self - 1, 2_000));
        const targetPage = Math.floor(target / PER_PAGE);
        const id = `duty-${target % PER_PAGE}`;
        const written =
          targetPage === page ? id : `${path.posix.relative(path.posix.dirname(file(page)), file(targetPage)).replace(/^(?!\.)/, './')}#${id}`;
        const hash = written.indexOf('#');
        handsTo.push(hash === -1 ? {written, page: '', id} : {written, page: written.slice(0, hash), id});
        links += 1;
      }
      annotations.push({
        id: `duty-${at}`,
        roles: [at % 2 === 0 ? 'technologist' : 'radiologist'],
        area: 'imaging',
        title: `Duty ${self} of the journey`,
        text: '',
        line: 3 + at * 4,
        column: 1,
        section: null,
        handsTo,
      });
    }
    const source = `docs/${file(page)}`;
    pages.push({
      doc: {
        filePath: `/site/${source}`,
        source,
        permalink: `/${file(page).replace(/\.md$/, '')}`,
        kind: 'docs',
        pluginId: 'default',
        version: 'current',
        format: 'mdx',
        pageTitle: `Doc ${page}`,
        pagePosition: page + 1,
        categories: [],
      },
      annotations,
      invalidIds: [],
    });
  }
  return {pages, links};
}

/** The input `resolveHandoffs` takes, from the same site. */
function graphInput(pages) {
  return pages.map(({doc, annotations}) => ({
    source: doc.source,
    permalink: doc.permalink,
    scope: 'docs\0default\0current',
    scopeLabel: 'the docs',
    files: [doc.source],
    roots: ['docs'],
    duties: annotations,
  }));
}

/**
 * Median wall-clock and CPU time of `runs` runs after a warm-up. The CPU
 * time (user + system, all of the process's threads: V8's GC helpers too)
 * is what to read on a loaded machine, where wall-clock time mostly
 * measures the wait for a core.
 */
function timed(task, runs) {
  task(); // JIT warm-up
  const samples = [];
  const cpu = [];
  let result;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    result = task();
    const used = process.cpuUsage(startedCpu);
    samples.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    ms: round(median(samples)),
    cpuMs: round(median(cpu)),
    minCpuMs: round(Math.min(...cpu)),
    samples: samples.map((sample) => round(sample)),
    result,
  };
}

/**
 * A control with the same shape of work and no handoff logic: a map of N
 * file-like string keys filled and read back, and N two-number lists. On
 * this kind of work V8's costs grow faster than N once the data outgrows
 * the young generation and the caches; the resolution's growth is read
 * against it.
 */
function baseline(duties) {
  const keys = Array.from({length: duties}, (_, i) => `docs/sec-${i % 100}/doc-${i}.md`);
  return () => {
    const map = new Map();
    const lists = [];
    for (let i = 0; i < duties; i += 1) {
      map.set(`${keys[i]}#duty`, i);
      lists.push([i, i + 1]);
    }
    let sum = 0;
    for (let i = 0; i < duties; i += 1) sum += map.get(`${keys[(i * 7) % duties]}#duty`);
    return sum + lists.length;
  };
}

/** Measure the handoffs row at `sizes` (default 1,250, 5,000 and 20,000 duties). */
export async function measureHandoffs({sizes = [1_250, 5_000, 20_000], runs = 15, log = console.log} = {}) {
  const {resolveHandoffs} = await import(pathToFileURL(path.join(PLUGIN_LIB, 'core', 'handoff-graph.js')).href);
  const {linkHandoffs} = await import(pathToFileURL(path.join(PLUGIN_LIB, 'plugin', 'handoffs.js')).href);
  const roots = new Map([['docs\0default\0current', ['docs']]]);
  const rows = [];
  for (const duties of sizes) {
    const {pages, links} = handoffSite(duties);
    const input = graphInput(pages);
    const resolve = timed(() => resolveHandoffs(input), runs);
    const link = timed(() => linkHandoffs(pages, roots, '/'), runs);
    const control = timed(baseline(duties), runs);
    const graph = resolve.result;
    const site = link.result;
    const moduleBytes = [...site.pages.values()].reduce((sum, handoffs) => sum + Buffer.byteLength(JSON.stringify(handoffs)), 0);
    const keyBytes = [...site.keys.values()].reduce(
      (sum, {follows, handsTo}) => sum + Buffer.byteLength(JSON.stringify({follows, handsTo})),
      0,
    );
    const row = {
      duties,
      links,
      resolved: site.count,
      problems: graph.problems.length,
      steps: graph.steps,
      resolveMs: resolve.ms,
      resolveCpuMs: resolve.cpuMs,
      resolveMinCpuMs: resolve.minCpuMs,
      resolveSamples: resolve.samples,
      linkMs: link.ms,
      linkCpuMs: link.cpuMs,
      linkMinCpuMs: link.minCpuMs,
      linkSamples: link.samples,
      controlCpuMs: control.cpuMs,
      controlMinCpuMs: control.minCpuMs,
      modules: site.pages.size,
      moduleBytes,
      entryKeyBytes: keyBytes,
    };
    rows.push(row);
    log(
      `  ${duties.toLocaleString('en-US')} duties, ${links.toLocaleString('en-US')} links: resolve ${row.resolveMs} ms (CPU ${row.resolveCpuMs} ms, best ${row.resolveMinCpuMs}), ` +
        `with the views ${row.linkMs} ms (CPU ${row.linkCpuMs} ms, best ${row.linkMinCpuMs}); control CPU ${row.controlCpuMs} ms; ${row.steps.toLocaleString('en-US')} steps; ${row.modules} page modules, ` +
        `${Math.round(moduleBytes / 1024)} KB; entry keys ${Math.round(keyBytes / 1024)} KB`,
    );
  }
  const growth = rows.slice(1).map((row, index) => ({
    from: rows[index].duties,
    to: row.duties,
    resolve: round(row.resolveMs / rows[index].resolveMs),
    resolveCpu: round(row.resolveCpuMs / rows[index].resolveCpuMs),
    resolveBestCpu: round(row.resolveMinCpuMs / rows[index].resolveMinCpuMs),
    controlCpu: round(row.controlCpuMs / rows[index].controlCpuMs),
    link: round(row.linkMs / rows[index].linkMs),
    linkCpu: round(row.linkCpuMs / rows[index].linkCpuMs),
    steps: round(row.steps / rows[index].steps),
  }));
  for (const {from, to, resolve, resolveCpu, link, linkCpu, controlCpu, steps} of growth) {
    log(
      `  ${from.toLocaleString('en-US')} → ${to.toLocaleString('en-US')} (×${to / from}): resolve ×${resolve} (CPU ×${resolveCpu}), ` +
        `with the views ×${link} (CPU ×${linkCpu}), steps ×${steps}; the control's CPU ×${controlCpu}`,
    );
  }
  return {rows, growth};
}
