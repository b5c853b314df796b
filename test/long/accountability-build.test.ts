/**
 * Sources, owners, reviews and audiences in real `docusaurus build`s and
 * `roles:check` runs of `test/sites/accountability` (review dates counted
 * from a fixed day, 2025-06-01, with a 12-month cycle):
 *
 * - at the default severities the build passes and warns, positioned, about
 *   the duty with no source, the overdue review, the duty too hard for
 *   patients and the near-duplicate; the review due soon is a note;
 * - each callout shows the source and review date its table entry exports
 *   (page and table agree, inheritance from the front matter included);
 * - with `reviews.onOverdue: 'throw'` (a CI's setting) the build fails on
 *   the overdue review and writes no export;
 * - `roles:check` reports the same findings in text and JSON, each page's
 *   reading level (English and Spanish), and the duties due for review.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {load} from 'cheerio';
import {parse} from 'csv-parse/sync';
import type {CheckReport} from '../../plugins/docusaurus-plugin-roles/src/plugin/cli.js';
import type {RolesExport} from '../../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {runDocusaurus} from '../docusaurus-cli.js';

const siteDir = path.join(import.meta.dirname, '..', 'sites', 'accountability');
const tmp = path.join(import.meta.dirname, '..', '.tmp');

const OVERDUE =
  'docs/procedure.md:30:1: Review of the duty "Interprets cross-sectional examinations" (radiologist) overdue: last reviewed 2024-03-01, due 2025-03-01 (92 days ago; today is 2025-06-01; cycle 12 months; owner: Imaging education committee)';
const NO_SOURCE =
  'docs/staff.md:10:1: No source for the duty "Keeps dose as low as reasonably achievable" (technologist), expected `source=` (a citation or a URL) on the annotation, `roles.source` in the page\'s front matter, or the `defaults.source` option';

async function build(outDir: string, config?: string): Promise<{code: number; output: string}> {
  rmSync(outDir, {recursive: true, force: true});
  const args = ['build', siteDir, '--out-dir', outDir, '--locale', 'en', ...(config ? ['--config', path.join(siteDir, config)] : [])];
  const {code, stdout, stderr} = await runDocusaurus(siteDir, args);
  return {code, output: stdout + stderr};
}

describe('a build at the default severities', () => {
  const outDir = path.join(tmp, 'accountability');
  let result: {code: number; output: string};

  beforeAll(async () => {
    result = await build(outDir);
  });

  it('passes, and warns about each problem once, positioned', () => {
    expect(result.code, result.output).toBe(0);
    const lines = result.output.split('\n');
    for (const expected of [NO_SOURCE, OVERDUE]) {
      expect(lines.filter((line) => line.includes(expected))).toHaveLength(1);
    }
    expect(result.output).toMatch(
      /\[WARNING\] docs\/procedure\.md:30:1: Hard to read for its audience: the duty "Interprets cross-sectional examinations" \(radiologist\) reads at grade \d+\.\d \(Flesch–Kincaid\), above the target of grade 8; its hardest sentence, "Interprets cross-sectional examinations\.", reads at grade \d+\.\d/,
    );
    expect(result.output).toContain(
      '[WARNING] docs/staff.md:10:1: The duty "Keeps dose as low as reasonably achievable" reads almost the same as "Keeps radiation as low as reasonably achievable" (docs/procedure.md:20:1), both for technologist',
    );
    expect(result.output).toContain('[INFO] docs/procedure.md:26:1: Review of the duty "Reads your images" (radiologist) due soon');
  });

  it('exports every field, inherited from the front matter or written on the annotation', () => {
    const exported = JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
    expect(exported.schemaVersion).toBe(3);
    expect(exported.audiences).toEqual([
      {key: 'patient', label: 'Patients and families', plainLanguage: true},
      {key: 'staff', label: 'Staff', plainLanguage: false},
    ]);
    expect(exported.entries.map(({id, citation, owner, reviewed, reviewDue, audience}) => ({id, citation, owner, reviewed, reviewDue, audience}))).toEqual([
      {id: 'checks-your-name-and-date-of-birth', citation: 'https://www.radiologyinfo.org/en/info/fluoroscopy', owner: 'Imaging education committee', reviewed: '2025-02-01', reviewDue: '2026-02-01', audience: ['patient']},
      {id: 'keeps-radiation-as-low-as-reasonably-achievable', citation: 'https://www.radiologyinfo.org/en/info/fluoroscopy', owner: 'Imaging education committee', reviewed: '2025-02-01', reviewDue: '2026-02-01', audience: ['patient']},
      {id: 'reads-your-images', citation: 'https://www.radiologyinfo.org/en/info/fluoroscopy', owner: 'Imaging education committee', reviewed: '2024-06-15', reviewDue: '2025-06-15', audience: ['patient']},
      {id: 'interprets-cross-sectional-examinations', citation: 'ACR Practice Parameter for Communication of Diagnostic Imaging Findings (2020)', owner: 'Imaging education committee', reviewed: '2024-03-01', reviewDue: '2025-03-01', audience: ['patient']},
      {id: 'keeps-dose-as-low-as-reasonably-achievable', citation: null, owner: 'Radiology quality team', reviewed: '2025-05-01', reviewDue: '2026-05-01', audience: ['staff']},
    ]);
    const csv = parse(readFileSync(path.join(outDir, 'roles.csv'), 'utf8'), {columns: true, bom: true}) as Array<Record<string, string>>;
    expect(csv.map(({citation, owner, reviewed, reviewDue, audience}) => [citation, owner, reviewed, reviewDue, audience]).at(-1)).toEqual([
      '',
      'Radiology quality team',
      '2025-05-01',
      '2026-05-01',
      'staff',
    ]);
  });

  it('shows on each callout the source and review date its table entry exports', () => {
    const exported = JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
    for (const entry of exported.entries) {
      const $ = load(readFileSync(path.join(outDir, entry.permalink, 'index.html'), 'utf8'));
      const callout = $(`aside.theme-role-callout[id="${entry.id}"]`);
      expect(callout.length, entry.id).toBe(1);
      const provenance = callout.find('.theme-role-provenance');
      const link = provenance.find('.theme-role-provenance-source a').attr('href');
      const cited = provenance.find('.theme-role-provenance-source cite').text();
      expect(link ?? (cited || null), entry.id).toBe(entry.citation);
      expect(provenance.find('time').attr('datetime'), entry.id).toBe(entry.reviewed);
    }
    const $ = load(readFileSync(path.join(outDir, 'procedure', 'index.html'), 'utf8'));
    // The separator between source and date is drawn by CSS.
    expect($('#reads-your-images .theme-role-provenance').text()).toBe(
      'Source: www.radiologyinfo.org/en/info/fluoroscopyReviewed June 15, 2024',
    );
  });
});

describe('a build where an overdue review throws', () => {
  it('fails, naming the duty, its place and its dates, and writes no export', async () => {
    const outDir = path.join(tmp, 'accountability-throw');
    const {code, output} = await build(outDir, 'docusaurus.throw.config.mjs');
    expect(code).not.toBe(0);
    expect(output.split(OVERDUE).length - 1, 'said once').toBe(1);
    expect(output).toContain('1 role check failed');
    expect(existsSync(path.join(outDir, 'roles.json'))).toBe(false);
  });
});

describe('roles:check', () => {
  it('reports the findings, each page\'s reading level and the duties due for review, in text and JSON', async () => {
    const [text, json] = await Promise.all([
      runDocusaurus(siteDir, ['roles:check', '--reviews']),
      runDocusaurus(siteDir, ['roles:check', '--format', 'json']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(OVERDUE);
    expect(text.stdout).toContain(NO_SOURCE);
    expect(text.stdout).toContain('Due for review (en; today is 2025-06-01, cycle 12 months):');
    expect(text.stdout).toMatch(/overdue +due 2025-03-01 +docs\/procedure\.md:30:1 "Interprets cross-sectional examinations" \(radiologist\), owner: Imaging education committee, last reviewed 2024-03-01/);
    expect(text.stdout).toMatch(/\[es\] i18n\/es\/docusaurus-plugin-content-docs\/current\/procedure\.md: 4 duties, 4 plain-language; median \d+\.\d INFLESZ/);
    expect(text.stdout).toContain('[es] docs/staff.md (en text): 1 duty, 0 plain-language');
    expect(text.stderr).toMatch(/roles:check: 0 errors, 6 warnings, 2 notes in 6 files/);

    const report = JSON.parse(json.stdout) as CheckReport;
    expect(report).toMatchObject({errorCount: 0, warningCount: 6, infoCount: 2});
    const en = report.problems.filter((problem) => problem.file.startsWith('docs/'));
    expect(en.map((problem) => [problem.file, problem.line, problem.ruleId, problem.severity])).toEqual([
      ['docs/procedure.md', 26, 'review-due-soon', 'info'],
      ['docs/procedure.md', 30, 'review-overdue', 'warning'],
      ['docs/staff.md', 10, 'missing-source', 'warning'],
      ['docs/procedure.md', 30, 'hard-to-read', 'warning'],
      ['docs/staff.md', 10, 'near-duplicate', 'warning'],
    ]);
    // An untranslated page's findings are said once, for both locales.
    expect(en.find((problem) => problem.ruleId === 'missing-source')?.locales).toEqual(['en', 'es']);
    const spanish = report.readability.find((table) => table.locale === 'es')!.pages[0]!;
    expect(spanish).toMatchObject({formula: 'szigriszt-pazos', locale: 'es', duties: 4, plainLanguage: 4, hard: 1});
    expect(report.reviews.find((table) => table.locale === 'en')).toMatchObject({
      today: '2025-06-01',
      duties: [
        {id: 'interprets-cross-sectional-examinations', status: 'overdue', reviewDue: '2025-03-01'},
        {id: 'reads-your-images', status: 'due-soon', reviewDue: '2025-06-15'},
      ],
    });
  });
});
