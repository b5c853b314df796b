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

function timed(task, runs) {
  task(); // JIT warm-up
  const samples = [];
  let result;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    result = task();
    samples.push(performance.now() - started);
  }
  return {ms: round(median(samples)), samples: samples.map((sample) => round(sample)), result};
}

/** Measure the handoffs row at `sizes` (default 1,250, 5,000 and 20,000 duties). */
export async function measureHandoffs({sizes = [1_250, 5_000, 20_000], runs = 5, log = console.log} = {}) {
  const {resolveHandoffs} = await import(pathToFileURL(path.join(PLUGIN_LIB, 'core', 'handoff-graph.js')).href);
  const {linkHandoffs} = await import(pathToFileURL(path.join(PLUGIN_LIB, 'plugin', 'handoffs.js')).href);
  const roots = new Map([['docs\0default\0current', ['docs']]]);
  const rows = [];
  for (const duties of sizes) {
    const {pages, links} = handoffSite(duties);
    const input = graphInput(pages);
    const resolve = timed(() => resolveHandoffs(input), runs);
    const link = timed(() => linkHandoffs(pages, roots, '/'), runs);
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
      resolveSamples: resolve.samples,
      linkMs: link.ms,
      linkSamples: link.samples,
      modules: site.pages.size,
      moduleBytes,
      entryKeyBytes: keyBytes,
    };
    rows.push(row);
    log(
      `  ${duties.toLocaleString('en-US')} duties, ${links.toLocaleString('en-US')} links: resolve ${row.resolveMs} ms, ` +
        `with the views ${row.linkMs} ms; ${row.steps.toLocaleString('en-US')} steps; ${row.modules} page modules, ` +
        `${Math.round(moduleBytes / 1024)} KB; entry keys ${Math.round(keyBytes / 1024)} KB`,
    );
  }
  const growth = rows.slice(1).map((row, index) => ({
    from: rows[index].duties,
    to: row.duties,
    resolve: round(row.resolveMs / rows[index].resolveMs),
    link: round(row.linkMs / rows[index].linkMs),
    steps: round(row.steps / rows[index].steps),
  }));
  for (const {from, to, resolve, link, steps} of growth) {
    log(`  ${from.toLocaleString('en-US')} → ${to.toLocaleString('en-US')} (×${to / from}): resolve ×${resolve}, with the views ×${link}, steps ×${steps}`);
  }
  return {rows, growth};
}
