/**
 * `docusaurus roles:check` and `docusaurus roles:export`, run as a site runs
 * them (`DOCUSAURUS_CLI_SITE_DIR` picks the site), on sites never built:
 *
 * - `test/sites/multi` is clean: exit 0, and the JSON holds its entries;
 * - `test/sites/invalid` holds every kind of invalid annotation, a doc that
 *   does not parse and a page whose pages instance lacks `remarkRoles`:
 *   exit 1, each problem positioned, in text and in JSON; with its
 *   `onInvalidAnnotation: 'warn'` config, only warnings and exit 0.
 *
 * - `test/sites/untranslated` has a Spanish edition that leaves one doc
 *   untranslated: its Spanish table lists that doc as Docusaurus serves it.
 *
 * That `roles:export` writes what the build writes is asserted in
 * `build.test.ts` (the demo site) and `long/build-sites.test.ts` (`multi`),
 * next to the builds they compare with.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CheckReport} from '../../plugins/docusaurus-plugin-roles/src/plugin/cli.js';
import {CSV_COLUMNS, type RolesExport} from '../../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {runDocusaurus as docusaurus} from '../docusaurus-cli.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const tmp = path.join(repo, 'test', '.tmp');
const sites = path.join(repo, 'test', 'sites');

/** `file:line:column: reason` lines of the text output. */
const PROBLEM_LINE = /^(\S+):(\d+):(\d+): (.+)$/;

function problemLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => PROBLEM_LINE.test(line));
}

describe('roles:check on a clean site', () => {
  const siteDir = path.join(sites, 'multi');

  it('prints no problem and exits 0', async () => {
    const {code, stdout, stderr} = await docusaurus(siteDir, ['roles:check']);
    expect(code, stderr).toBe(0);
    expect(problemLines(stdout)).toEqual([]);
    expect(stdout).toMatch(/roles:check: 0 errors, 0 warnings in \d+ files; duties: 13 \(en\)/);
  });

  it('prints the problems and the entries of docs, blogs and pages as JSON', async () => {
    const {code, stdout} = await docusaurus(siteDir, ['roles:check', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report).toMatchObject({errorCount: 0, warningCount: 0, problems: []});
    expect(report.exports).toHaveLength(1);
    const [table] = report.exports;
    expect(table).toMatchObject({pluginId: 'default', schemaVersion: 3, locale: 'en'});
    const shown = table!.entries.map((entry) => `${entry.kind} ${entry.pluginId} ${entry.permalink}#${entry.id}`);
    // The docs of both instances (the staff journey's in reading order), then each blog, then the pages.
    expect(shown.filter((line) => line.startsWith('docs '))).toHaveLength(9);
    expect(shown).toEqual(
      expect.arrayContaining([
        'docs default /hospital/docs/next/intro/#reads-the-ct',
        'docs default /hospital/docs/intro/#reads-the-ct',
        'docs staff /hospital/staff/contrast/#starts-the-iv-line',
        'docs staff /hospital/staff/contrast/#injects-contrast',
      ]),
    );
    expect(shown.slice(9)).toEqual([
      'blog default /hospital/blog/2024/05/01/new-scanner/#calibrates-the-new-scanner',
      'blog news /hospital/news/2024/06/01/open-day/#shows-visitors-the-mri-suite',
      'page default /hospital/visit/#welcomes-you-at-the-front-desk',
      'page default /hospital/visit/#checks-the-order',
    ]);
  });

  it('refuses a locale the site does not have', async () => {
    const {code, stderr} = await docusaurus(siteDir, ['roles:check', '--locale', 'fr']);
    expect(code).not.toBe(0);
    expect(stderr).toContain("Unknown locale fr: the site's locales are en.");
  });
});

describe('roles:check on a site with every kind of invalid annotation', () => {
  const siteDir = path.join(sites, 'invalid');
  // Read off the site's files: where each annotation (or the broken tag) starts.
  const expected = [
    ['src/pages/visit.md', 3, 1, 'missing-remark-plugin'],
    ['docs/broken.mdx', 5, 6, 'unparsable'],
    ['docs/index.md', 3, 1, 'unknown-role'],
    ['docs/index.md', 7, 1, 'missing-role'],
    ['docs/index.md', 11, 1, 'unknown-area'],
    ['docs/index.md', 15, 1, 'unknown-attribute'],
    ['docs/index.md', 23, 1, 'duplicate-id'],
    ['docs/index.md', 27, 1, 'empty-annotation'],
    ['docs/index.md', 30, 8, 'expression-in-title'],
    ['docs/index.md', 34, 1, 'not-a-container'],
    ['docs/index.md', 36, 1, 'malformed-directive'],
    ['blog/2024-01-01-post.md', 7, 1, 'invalid-id'],
  ];

  it('exits 1 and prints each problem as file:line:column: reason, the same in text and JSON', async () => {
    const [text, json] = await Promise.all([
      docusaurus(siteDir, ['roles:check']),
      docusaurus(siteDir, ['roles:check', '--format', 'json']),
    ]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('roles:check: 12 errors, 0 warnings');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as CheckReport;
    expect(report.errorCount).toBe(12);
    expect(report.problems.map((problem) => [problem.file, problem.line, problem.column, problem.ruleId])).toEqual(
      expected,
    );
    for (const problem of report.problems) {
      expect(problem.severity).toBe('error');
      expect(problem.locales).toEqual(['en']);
    }
    expect(problemLines(text.stdout)).toEqual(
      report.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.reason}`),
    );
    // The reasons say what to do.
    const reasons = report.problems.map((problem) => problem.reason);
    expect(reasons[0]).toContain("presets: [['classic', {…, pages: {remarkPlugins: [remarkRoles]}}]] (`…` stands for what the config already has there: keep it)");
    expect(reasons[1]).toContain('Unexpected closing tag `</span>`');
    expect(reasons[2]).toContain('Unknown role `pharmacist`');
  });

  it("reports annotation problems as warnings (exit 0) under onInvalidAnnotation: 'warn'", async () => {
    const {code, stdout} = await docusaurus(siteDir, ['roles:check', '--format', 'json'], {
      DOCUSAURUS_CLI_CONFIG: 'docusaurus.warn.config.mjs',
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report).toMatchObject({errorCount: 0, warningCount: 10});
    expect(report.problems.map((problem) => [problem.file, problem.line, problem.column, problem.ruleId])).toEqual(
      expected.filter(([, , , ruleId]) => ruleId !== 'missing-remark-plugin' && ruleId !== 'unparsable'),
    );
    // The first of two equal ids keeps it; the second is the invalid one.
    expect(report.exports[0]!.entries.map((entry) => entry.id)).toEqual(['same', 'valid-duty', 'welcomes-you']);
  });
});

describe('roles:export', () => {
  it('writes nothing and exits 1 when a problem is an error', async () => {
    const outDir = path.join(tmp, 'cli-export-invalid');
    rmSync(outDir, {recursive: true, force: true});
    const {code, stdout, stderr} = await docusaurus(path.join(sites, 'invalid'), ['roles:export', '--out-dir', outDir]);
    expect(code).toBe(1);
    expect(problemLines(stdout)).toHaveLength(12);
    expect(stderr).toContain('roles:export: 12 errors; nothing written.');
    expect(existsSync(outDir)).toBe(false);
  });

  it('writes roles.json and roles.csv into --out-dir, the same table as roles:check', async () => {
    const siteDir = path.join(sites, 'multi');
    const outDir = path.join(tmp, 'cli-export-multi');
    rmSync(outDir, {recursive: true, force: true});
    const [exported, check] = await Promise.all([
      docusaurus(siteDir, ['roles:export', '--out-dir', outDir]),
      docusaurus(siteDir, ['roles:check', '--format', 'json']),
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('roles:export: 13 duties (en)');
    const written = JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
    const checked = JSON.parse(check.stdout) as CheckReport;
    const {pluginId, ...document} = checked.exports[0]!;
    expect(pluginId).toBe('default');
    expect(written).toEqual(document);
    expect(readFileSync(path.join(outDir, 'roles.csv'), 'utf8').split('\r\n')[0]).toBe(
      `\uFEFF${CSV_COLUMNS.join(',')}`,
    );
  });
});

describe('roles:export of a locale with an untranslated doc', () => {
  it('lists the untranslated doc as Docusaurus serves it: the original text and file, under the URL of the locale', async () => {
    const outDir = path.join(tmp, 'cli-export-untranslated');
    rmSync(outDir, {recursive: true, force: true});
    const {code, stderr} = await docusaurus(path.join(sites, 'untranslated'), ['roles:export', '--out-dir', outDir]);
    expect(code, stderr).toBe(0);
    const read = (file: string) => JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as RolesExport;
    // In sidebar order (autogenerated: by file name).
    const shown = (exported: RolesExport) =>
      exported.entries.map((entry) => [entry.permalink, entry.id, entry.title, entry.source]);
    expect(shown(read('es/roles.json'))).toEqual([
      ['/es/glossary', 'keeps-the-glossary-current', 'Keeps the glossary current', 'docs/glossary.md'],
      ['/es/', 'welcomes-you', 'Le da la bienvenida', 'i18n/es/docusaurus-plugin-content-docs/current/index.md'],
    ]);
    // Same duties, same ids, in both locales.
    expect(shown(read('roles.json'))).toEqual([
      ['/glossary', 'keeps-the-glossary-current', 'Keeps the glossary current', 'docs/glossary.md'],
      ['/', 'welcomes-you', 'Welcomes you', 'docs/index.md'],
    ]);
  });
});
