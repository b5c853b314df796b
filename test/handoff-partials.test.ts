/**
 * Handoffs and partials (imported Markdown shown on the pages that render
 * it): a partial's callouts are compiled once for every page that renders
 * it, so they cannot show each page's handoffs. A handoff written in a
 * partial, or naming a duty a page shows through one, is reported at the
 * annotation that declares it (`handoff-in-partial`), never dropped silently;
 * the pages' own handoffs resolve as ever.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {RolesAggregator} from '../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {linkHandoffs, withHandoffKeys} from '../plugins/docusaurus-plugin-roles/src/plugin/handoffs.js';
import {formatProblem} from '../plugins/docusaurus-plugin-roles/src/core/problem.js';
import {docSource} from './support/aggregate-one.js';
import {aggregatorSettings} from './support/reference.js';

const dir = path.join(import.meta.dirname, '.tmp', 'handoff-partials');

const FILES: Record<string, string> = {
  // Line 1: a handoff the partial cannot show.
  'docs/_shared/scan.mdx': ':::role[Captures the images]{of=technologist hands-to="../b.mdx#reads"}\nX-rays.\n:::\n',
  'docs/a.mdx':
    "import Scan from './_shared/scan.mdx';\n\n:::role[Positions you]{#positions of=technologist hands-to=\"./b.mdx#reads\"}\nOn the table.\n:::\n\n<Scan />\n",
  // Line 1: names the duty a.mdx shows through the partial.
  'docs/b.mdx': ':::role[Reads the images]{#reads of=radiologist follows="./a.mdx#captures-the-images"}\nThe report.\n:::\n',
  // A page whose only duty comes from the partial.
  'docs/c.mdx': "import Scan from './_shared/scan.mdx';\n\n<Scan />\n",
  // Line 1: names the duty c.mdx shows through the partial.
  'docs/d.mdx': ':::role[Compares the images]{of=radiologist follows="./c.mdx#captures-the-images"}\nWith earlier ones.\n:::\n',
};

describe('handoffs and partials', () => {
  it("reports a partial's handoffs and handoffs to a partial's duties, and resolves the pages' own", async () => {
    rmSync(dir, {recursive: true, force: true});
    for (const [relative, content] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true});
      writeFileSync(path.join(dir, relative), content);
    }
    const aggregator = new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings());
    const pages = ['docs/a.mdx', 'docs/b.mdx', 'docs/c.mdx', 'docs/d.mdx'];
    const result = await aggregator.run(pages.map((page, index) => docSource(dir, page, {}, index + 1)));
    expect(result.problems).toEqual([]);

    const handoffs = linkHandoffs(result.pages, new Map(), '/');
    expect(handoffs.problems.map(formatProblem)).toEqual([
      "docs/_shared/scan.mdx:1:1: Unexpected `hands-to` in a partial (imported Markdown, shown by each page that renders it), expected handoffs on the annotations written in the pages themselves (a partial's callouts cannot show each page's handoffs)",
      "docs/b.mdx:1:1: Unexpected handoff to a duty shown through a partial: `./a.mdx#captures-the-images` (in `follows`) names `captures-the-images`, which `docs/a.mdx` renders from imported Markdown; expected a duty written in the page itself (a partial's callouts cannot show each page's handoffs)",
      "docs/d.mdx:1:1: Unexpected handoff to a duty shown through a partial: `./c.mdx#captures-the-images` (in `follows`) names `captures-the-images`, which `docs/c.mdx` renders from imported Markdown; expected a duty written in the page itself (a partial's callouts cannot show each page's handoffs)",
    ]);
    expect(handoffs.problems.every((problem) => problem.ruleId === 'handoff-in-partial')).toBe(true);

    // The pages' own link resolves, on both ends; the partial's duties have none.
    const links = withHandoffKeys(result.entries, handoffs.keys).map((entry) => [`${entry.permalink}#${entry.id}`, entry.follows, entry.handsTo]);
    expect(links).toEqual([
      ['/docs/a.mdx#positions', [], ['/docs/b.mdx#reads']],
      ['/docs/a.mdx#captures-the-images', [], []],
      ['/docs/b.mdx#reads', ['/docs/a.mdx#positions'], []],
      ['/docs/c.mdx#captures-the-images', [], []],
      ['/docs/d.mdx#compares-the-images', [], []],
    ]);
    expect(handoffs.count).toBe(1);
  });
});
