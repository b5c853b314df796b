/**
 * Annotations in imported Markdown partials belong to the pages that render
 * them (`parse/partials.ts`): placed, sectioned, and what the table cannot
 * follow reported. The real build of `test/sites/page-agreement`
 * (`long/build-sites.test.ts`) checks the built pages against the table.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {RolesAggregator} from '../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {docSource} from './support/aggregate-one.js';
import {aggregatorSettings} from './support/reference.js';

const root = path.join(import.meta.dirname, '.tmp', 'partials');

/**
 * Write a site's files (relative path → content); aggregate the pages among
 * them. With `folders`, each page's loader includes the folder its path
 * starts with (`docs/`, `blog/`…), as the content plugins' MDX rules do.
 */
async function aggregate(files: Record<string, string>, pages: string[], {folders = false} = {}) {
  const dir = path.join(root, String(Math.random()).slice(2));
  rmSync(dir, {recursive: true, force: true});
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true});
    writeFileSync(path.join(dir, relative), content);
  }
  const aggregator = new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), aggregatorSettings());
  return aggregator.run(
    pages.map((page, index) => ({
      ...docSource(dir, page, {}, index + 1),
      ...(folders && {contentDirs: [path.join(dir, page.split('/')[0]!) + path.sep]}),
    })),
  );
}

const PARTIAL = ':::role[Asks about allergies]{of=technologist}\nBefore the injection.\n:::\n';

describe('partials', () => {
  it('lists a partial on each page that renders it, in the order the page shows it, with its own source and line', async () => {
    const result = await aggregate(
      {
        'docs/_shared/allergy.mdx': `## In the partial\n\n${PARTIAL}`,
        'docs/a.mdx': "import Allergy from './_shared/allergy.mdx';\n\n:::role[First]{of=radiologist}\nA.\n:::\n\n## Before\n\n<Allergy />\n\n:::role[Last]{of=radiologist}\nB.\n:::\n",
        'docs/b.mdx': "import Allergy from '@site/docs/_shared/allergy.mdx';\n\n## Other\n\n<Allergy />\n",
        'docs/c.mdx': "import Allergy from './_shared/allergy.mdx';\n\nImported, never rendered.\n",
      },
      ['docs/a.mdx', 'docs/b.mdx', 'docs/c.mdx'],
    );
    expect(result.problems).toEqual([]);
    expect(result.entries.map(({permalink, id, source, line, sectionId}) => [permalink, id, source, line, sectionId])).toEqual([
      ['/docs/a.mdx', 'first', 'docs/a.mdx', 3, null],
      ['/docs/a.mdx', 'asks-about-allergies', 'docs/_shared/allergy.mdx', 3, 'in-the-partial'],
      ['/docs/a.mdx', 'last', 'docs/a.mdx', 11, 'before'],
      ['/docs/b.mdx', 'asks-about-allergies', 'docs/_shared/allergy.mdx', 3, 'in-the-partial'],
    ]);
  });

  it("gives a partial's annotation the page's section when the partial has no heading above it", async () => {
    const result = await aggregate(
      {'docs/_p.mdx': PARTIAL, 'docs/a.mdx': "import P from './_p.mdx';\n\n## During the scan\n\n<div>\n\n<P />\n\n</div>\n"},
      ['docs/a.mdx'],
    );
    expect(result.entries.map((entry) => [entry.id, entry.sectionId, entry.sectionTitle])).toEqual([['asks-about-allergies', 'during-the-scan', 'During the scan']]);
  });

  it('reports an id the page already shows, a partial rendered twice, one used in JavaScript, one that renders itself', async () => {
    const result = await aggregate(
      {
        'docs/_p.mdx': PARTIAL,
        'docs/_loop.mdx': "import Loop from './_loop.mdx';\n\n:::role[Loops]{of=radiologist}\nL.\n:::\n\n<Loop />\n",
        'docs/heading.mdx': "import P from './_p.mdx';\n\n## Asks about allergies\n\n<P />\n",
        'docs/twice.mdx': "import P from './_p.mdx';\n\n<P />\n\n<P />\n",
        'docs/code.mdx': "import P from './_p.mdx';\n\n{[1, 2].map((key) => <P key={key} />)}\n",
        'docs/loop.mdx': "import Loop from './_loop.mdx';\n\n<Loop />\n",
      },
      ['docs/heading.mdx', 'docs/twice.mdx', 'docs/code.mdx', 'docs/loop.mdx'],
    );
    const problems = result.problems.map(({file, line, ruleId, reason}) => `${file}:${line} ${ruleId} ${reason.split(/[,:]/)[0]}`);
    expect(problems).toEqual([
      'docs/_p.mdx:1 duplicate-id Duplicate id `asks-about-allergies` on page docs/heading.mdx',
      'docs/_p.mdx:1 duplicate-id Duplicate id `asks-about-allergies` on page docs/twice.mdx',
      'docs/code.mdx:3 partial-in-code Unexpected use of the partial `P` (./_p.mdx',
      'docs/_loop.mdx:1 partial-cycle Unexpected partial that renders itself (docs/loop.mdx → docs/_loop.mdx → docs/_loop.mdx)',
    ]);
    // The first rendering of a twice-rendered partial keeps its row; a colliding one has none.
    expect(result.entries.map((entry) => `${entry.permalink}#${entry.id}`)).toEqual([
      '/docs/twice.mdx#asks-about-allergies',
      '/docs/loop.mdx#loops',
    ]);
  });

  it('reports, and leaves out, the annotations of a partial outside every content folder (compiled without remarkRoles)', async () => {
    const result = await aggregate(
      {
        'src/partials/_consent.mdx': `\uFEFF${PARTIAL}`,
        'docs/_shared/_prep.md': ':::role[Checks the fasting time]{of=technologist}\nAsks when you last ate.\n:::\n',
        'docs/biopsy.mdx': "import Consent from '@site/src/partials/_consent.mdx';\nimport Prep from './_shared/_prep.md';\n\n<Consent />\n\n<Prep />\n",
      },
      ['docs/biopsy.mdx'],
      {folders: true},
    );
    expect(result.entries.map(({permalink, id, source}) => [permalink, id, source])).toEqual([
      ['/docs/biopsy.mdx', 'checks-the-fasting-time', 'docs/_shared/_prep.md'],
    ]);
    expect(result.problems.map(({file, line, column, ruleId}) => [file, line, column, ruleId])).toEqual([
      ['src/partials/_consent.mdx', 1, 1, 'partial-without-remark'],
    ]);
    expect(result.problems[0]!.reason).toContain('"Asks about allergies"');
    expect(result.problems[0]!.reason).toContain('MDX fallback loader');
  });

  it('lists a partial in a content folder even when a partial outside every content folder renders it', async () => {
    const result = await aggregate(
      {
        'src/partials/_outer.mdx': "import Inner from '@site/docs/_shared/_inner.mdx';\n\n<Inner />\n",
        'docs/_shared/_inner.mdx': PARTIAL,
        'docs/a.mdx': "import Outer from '@site/src/partials/_outer.mdx';\n\n<Outer />\n",
      },
      ['docs/a.mdx'],
      {folders: true},
    );
    expect(result.problems).toEqual([]);
    expect(result.entries.map(({permalink, id, source}) => [permalink, id, source])).toEqual([
      ['/docs/a.mdx', 'asks-about-allergies', 'docs/_shared/_inner.mdx'],
    ]);
  });

  it("compiles a partial in another content plugin's folder as that plugin does, and lists it on the importing page", async () => {
    const result = await aggregate(
      {
        'blog/_shared/_note.mdx': PARTIAL,
        'blog/post.mdx': 'A post.\n',
        'docs/a.mdx': "import Note from '@site/blog/_shared/_note.mdx';\n\n<Note />\n",
      },
      ['docs/a.mdx', 'blog/post.mdx'],
      {folders: true},
    );
    expect(result.problems).toEqual([]);
    expect(result.entries.map(({permalink, id, source}) => [permalink, id, source])).toEqual([
      ['/docs/a.mdx', 'asks-about-allergies', 'blog/_shared/_note.mdx'],
    ]);
  });
});
