/**
 * Handoffs through `roles:check` (no bundling) and a failing build:
 *
 * - `test/sites/broken-handoffs`: one doc per kind of broken handoff (an
 *   unknown page, an unknown id, a link to itself, into the blog, from docs
 *   version 1.0 into the next, a cycle), each positioned at the annotation
 *   that declares it, with "did you mean" for the typos; a malformed
 *   reference is an invalid annotation; `onBrokenHandoffs: 'warn'` turns
 *   them into warnings; the build stops before bundling and lists them.
 * - `test/sites/handoffs`: every link resolves, in English and in Spanish
 *   (a translated page and an untranslated one name each other with the
 *   English references), each docs version within itself, and is listed
 *   on both of its ends.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CheckReport} from '../../plugins/docusaurus-plugin-roles/src/plugin/cli.js';
import {runDocusaurus as docusaurus} from '../docusaurus-cli.js';

const sites = path.resolve(import.meta.dirname, '..', 'sites');

describe('roles:check on a site with every kind of broken handoff', () => {
  const siteDir = path.join(sites, 'broken-handoffs');
  // Read off the site's files: each annotation starts at line 3, column 1.
  const expected = [
    ['docs/invalid-reference.md', 'invalid-handoff', 'warning', /^Unexpected external reference `https:\/\/example\.org\/#x`/],
    ['docs/cross.md', 'cross-instance-handoff', 'error', /names a duty of the blog plugin instance `default`, and this page is in the docs plugin instance `default`, version `current`/],
    ['docs/self.md', 'self-handoff', 'error', /^Unexpected handoff of a duty to itself: `itself` \(in `hands-to`\)/],
    ['docs/unknown-id.md', 'unknown-handoff', 'error', /`docs\/before\.md` has no annotation with that id; did you mean `screens`\?$/],
    ['docs/unknown-page.md', 'unknown-handoff', 'error', /no doc, blog post or page at `docs\/befor\.md`; did you mean `\.\/before\.md#screens`\?$/],
    ['versioned_docs/version-1.0/old.md', 'cross-instance-handoff', 'error', /version `current`, and this page is in the docs plugin instance `default`, version `1\.0`/],
    ['docs/cycle/b.md', 'handoff-cycle', 'error', /^Unexpected handoff cycle: `docs\/cycle\/a\.md#a` → `docs\/cycle\/b\.md#b` → `docs\/cycle\/a\.md#a`/],
  ] as const;

  it('exits 1 and positions each broken handoff, with its rule and "did you mean"', async () => {
    const {code, stdout} = await docusaurus(siteDir, ['roles:check', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report).toMatchObject({errorCount: 6, warningCount: 1});
    expect(report.problems.map(({file, line, column, ruleId, severity}) => [file, line, column, ruleId, severity])).toEqual(
      expected.map(([file, ruleId, severity]) => [file, 3, 1, ruleId, severity]),
    );
    report.problems.forEach((problem, index) => expect(problem.reason).toMatch(expected[index]![3]));
    // A broken link loses no duty: every valid annotation is in the table; the cycle's links stay.
    const entries = report.exports[0]!.entries;
    expect(entries).toHaveLength(9);
    expect(entries.find((entry) => entry.id === 'a')).toMatchObject({follows: ['/cycle/b#b'], handsTo: ['/cycle/b#b']});
  });

  it("reports them as warnings (exit 0) under onBrokenHandoffs: 'warn'", async () => {
    const {code, stdout} = await docusaurus(siteDir, ['roles:check', '--format', 'json'], {
      DOCUSAURUS_CLI_CONFIG: 'docusaurus.warn.config.mjs',
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report).toMatchObject({errorCount: 0, warningCount: 7});
  });

  it('stops the build before bundling, listing every broken handoff', async () => {
    const {code, stdout, stderr} = await docusaurus(siteDir, ['build', siteDir, '--out-dir', path.join(sites, '..', '.tmp', 'broken-handoffs')]);
    const output = stdout + stderr;
    expect(code).toBe(1);
    expect(output).toContain('6 broken handoffs:');
    expect(output).toContain("set `onBrokenHandoffs` to 'warn' to build anyway");
    for (const [file] of expected.slice(1)) expect(output).toContain(`- ${file}:3:1: `);
    // Before any page is bundled.
    expect(output).not.toMatch(/Compiled successfully|Generated static files/);
  });
});

describe('roles:check on a site whose handoffs all resolve', () => {
  const siteDir = path.join(sites, 'handoffs');

  it('resolves every link in each locale and docs version, and lists it on both ends', async () => {
    const {code, stdout, stderr} = await docusaurus(siteDir, ['roles:check', '--format', 'json']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.problems).toEqual([]);
    const links = (locale: string) => {
      const entries = report.exports.find((table) => table.locale === locale)!.entries;
      return Object.fromEntries(entries.map((entry) => [`${entry.permalink}#${entry.id}`, {follows: entry.follows, handsTo: entry.handsTo}]));
    };
    const english = links('en');
    expect(english).toEqual({
      '/journey/before#books': {follows: [], handsTo: ['/journey/before#screens']},
      '/journey/before#screens': {follows: ['/journey/before#books'], handsTo: ['/journey/during#captures']},
      // Declared by `screens` (hands-to) and by `places` and `reads` (follows).
      '/journey/during#captures': {follows: ['/journey/before#screens'], handsTo: ['/journey/during#places', '/journey/after#reads']},
      '/journey/during#places': {follows: ['/journey/during#captures'], handsTo: ['/journey/after#follow-up']},
      '/journey/after#follow-up': {follows: ['/journey/during#places'], handsTo: ['/journey/after#reads']},
      '/journey/after#reads': {follows: ['/journey/during#captures', '/journey/after#follow-up'], handsTo: ['/journey/after#reports']},
      // The unlisted page's link is on its callout, not in the table.
      '/journey/after#reports': {follows: ['/journey/after#reads'], handsTo: []},
      // Version 1.0: the same files, resolved within the version.
      '/1.0/journey/before#books': {follows: [], handsTo: ['/1.0/journey/before#screens']},
      '/1.0/journey/before#screens': {follows: ['/1.0/journey/before#books'], handsTo: ['/1.0/journey/during#captures']},
      '/1.0/journey/during#captures': {follows: ['/1.0/journey/before#screens'], handsTo: ['/1.0/journey/during#places']},
      '/1.0/journey/during#places': {follows: ['/1.0/journey/during#captures'], handsTo: []},
      '/blog/2024/05/01/a-day#takes': {follows: [], handsTo: ['/blog/2024/05/01/a-day#reads']},
      '/blog/2024/05/01/a-day#reads': {follows: ['/blog/2024/05/01/a-day#takes'], handsTo: []},
    });
    // In Spanish, before.md and after.md are translated and during.md is not: the same links.
    const spanish = links('es');
    expect(Object.keys(spanish)).toEqual(Object.keys(english).map((key) => `/es${key}`));
    for (const [key, {follows, handsTo}] of Object.entries(english)) {
      expect(spanish[`/es${key}`]).toEqual({follows: follows.map((other) => `/es${other}`), handsTo: handsTo.map((other) => `/es${other}`)});
    }
  });
});
