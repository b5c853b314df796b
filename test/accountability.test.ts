/**
 * Sources, reviews and audiences: the dates authors write (property-based,
 * against the platform's own calendar), where the front matter's keys are,
 * the review statuses, and the checks that run over the gathered duties,
 * each at its own severity, with "today" fixed.
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {addMonths, frontMatterDate, isIsoDate, parseIsoDate} from '../plugins/docusaurus-plugin-roles/src/core/dates.js';
import {frontMatterPlaces, reviewedProblem} from '../plugins/docusaurus-plugin-roles/src/core/duty-fields.js';
import {reviewStatus, sourceHref} from '../plugins/docusaurus-plugin-roles/src/client/reviews.js';
import {checkAccountability, type CheckContext} from '../plugins/docusaurus-plugin-roles/src/plugin/accountability.js';
import {normalizeOptions, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import type {Options, RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';

describe('review dates as authors write them', () => {
  it('accepts exactly the YYYY-MM-DD strings that name a calendar day (differential against Date.UTC)', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 900, max: 10_999}),
        fc.integer({min: 0, max: 14}),
        fc.integer({min: 0, max: 33}),
        (year, month, day) => {
          const written = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const utc = new Date(Date.UTC(year, month - 1, day));
          const real =
            written.length === 10 &&
            year >= 1000 &&
            utc.getUTCFullYear() === year &&
            utc.getUTCMonth() === month - 1 &&
            utc.getUTCDate() === day;
          expect(isIsoDate(written)).toBe(real);
        },
      ),
      {numRuns: 2000},
    );
  });

  it('rejects anything else an author might type', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 14}), (text) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) expect(parseIsoDate(text)).toBeUndefined();
      }),
    );
    for (const text of ['2025-1-5', '2025/03/14', '14-03-2025', ' 2025-03-14', '2025-03-14T00:00', 'March 14, 2025', '2025-02-29']) {
      expect(isIsoDate(text), text).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('adds months as calendars do: the day clamped to the end of a shorter month', () => {
    fc.assert(
      fc.property(fc.date({min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true}), fc.integer({min: 0, max: 240}), (date, months) => {
        const from = {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()};
        const to = addMonths(from, months);
        expect((to.year - from.year) * 12 + (to.month - from.month)).toBe(months);
        const last = new Date(Date.UTC(to.year, to.month, 0)).getUTCDate();
        expect(to.day).toBe(Math.min(from.day, last));
      }),
    );
    expect(addMonths({year: 2024, month: 1, day: 31}, 1)).toEqual({year: 2024, month: 2, day: 29});
  });

  it('reads a YAML date (a Date at UTC midnight) and a quoted one alike', () => {
    expect(frontMatterDate(new Date('2025-03-14T00:00:00Z'))).toBe('2025-03-14');
    expect(frontMatterDate('2025-03-14')).toBe('2025-03-14');
    expect(frontMatterDate(['2025-03-14'])).toBeUndefined();
  });

  it('allows one day after today (time zones), never two', () => {
    expect(reviewedProblem('2025-06-02', '2025-06-01')).toBeUndefined();
    expect(reviewedProblem('2025-06-03', '2025-06-01')).toMatch(/later than today \(2025-06-01\)/);
  });
});

describe('frontMatterPlaces', () => {
  it('points at roles and its keys, in block and flow style, and nowhere else', () => {
    const block = frontMatterPlaces('---\ntitle: x\nroles:\n  source: A\n  reviewed: 2025-01-01\nother:\n  source: no\n---\n# Hi\n');
    expect(block?.roles?.start).toEqual({line: 3, column: 1});
    expect(block?.keys.source?.start).toEqual({line: 4, column: 3});
    expect(block?.keys.reviewed?.start).toEqual({line: 5, column: 3});
    const flow = frontMatterPlaces('\uFEFF---\nroles: {owner: Me, audience: [patient]}\n---\n');
    expect(flow?.keys.owner?.start).toEqual({line: 2, column: 9});
    expect(flow?.keys.audience?.start).toEqual({line: 2, column: 20});
    expect(frontMatterPlaces('# No front matter\nroles: x')).toBeUndefined();
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({unit: fc.constantFrom('-', '-', '\n', 'roles', ':', ' ', 'source', '{', ',', 'x')}), (text) => {
      frontMatterPlaces(text);
    }));
  });
});

describe('reviewStatus and sourceHref', () => {
  it('counts overdue after the due date, due soon within the window, the due day included', () => {
    expect(reviewStatus(null, '2025-06-01', 30)).toBe('missing');
    expect(reviewStatus('2025-05-31', '2025-06-01', 30)).toBe('overdue');
    expect(reviewStatus('2025-06-01', '2025-06-01', 30)).toBe('due-soon');
    expect(reviewStatus('2025-07-01', '2025-06-01', 30)).toBe('due-soon');
    expect(reviewStatus('2025-07-02', '2025-06-01', 30)).toBe('current');
  });

  it('links http and https sources only', () => {
    expect(sourceHref('https://www.acr.org/x')).toBe('https://www.acr.org/x');
    expect(sourceHref('javascript:alert(1)')).toBeUndefined();
    expect(sourceHref('ACR Practice Parameter (2023), https://www.acr.org')).toBeUndefined();
    expect(sourceHref('data:text/html,x')).toBeUndefined();
  });
});

/** A duty as the aggregator exports it. */
function duty(overrides: Partial<RoleEntry>): RoleEntry {
  return {
    id: 'reads-the-images',
    roles: ['radiologist'],
    area: 'interpretation',
    title: 'Reads the images',
    text: 'Looks at every image.',
    permalink: '/scs/during',
    source: 'docs/scs/during.md',
    line: 10,
    kind: 'docs',
    pluginId: 'default',
    version: 'current',
    pageTitle: 'During',
    pagePosition: 1,
    categories: [],
    sectionId: null,
    sectionTitle: null,
    column: 1,
    citation: 'Hospital policy IM-12',
    owner: 'Imaging committee',
    reviewed: '2024-01-10',
    reviewDue: '2025-01-10',
    audience: ['staff'],
    follows: [],
    handsTo: [],
    ...overrides,
  };
}

function context(options: Options, localeOf: (entry: RoleEntry) => string = () => 'en'): CheckContext {
  const normalized = normalizeOptions({...options, reviews: {today: '2025-06-01', ...options.reviews}});
  return {options: normalized, config: toRolesConfig(normalized), localeOf};
}

describe('checkAccountability', () => {
  it('reports a missing source and a missing review date at the duty, at their severities', () => {
    const {findings} = checkAccountability(
      [duty({citation: null, reviewed: null, reviewDue: null, line: 12, column: 3})],
      context({reviews: {onMissingSource: 'warn', onMissingReview: 'throw'}}),
    );
    expect(findings.map(({file, line, column, ruleId, severity}) => [file, line, column, ruleId, severity])).toEqual([
      ['docs/scs/during.md', 12, 3, 'missing-source', 'warn'],
      ['docs/scs/during.md', 12, 3, 'missing-review', 'throw'],
    ]);
    expect(findings[0]!.reason).toContain('No source for the duty "Reads the images" (radiologist), expected `source=`');
  });

  it('reports an overdue review with its dates and owner, and lists it first for review', () => {
    const report = checkAccountability(
      [duty({id: 'soon', reviewDue: '2025-06-20'}), duty({id: 'late'}), duty({id: 'fine', reviewDue: '2026-01-01'})],
      context({reviews: {onOverdue: 'throw', onDueSoon: 'log'}, nearDuplicates: {severity: 'ignore'}}),
    );
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['review-due-soon', 'log'],
      ['review-overdue', 'throw'],
    ]);
    expect(report.findings[1]!.reason).toBe(
      'Review of the duty "Reads the images" (radiologist) overdue: last reviewed 2024-01-10, due 2025-01-10 (142 days ago; today is 2025-06-01; cycle 36 months; owner: Imaging committee)',
    );
    expect(report.reviews.map((item) => [item.id, item.status])).toEqual([
      ['late', 'overdue'],
      ['soon', 'due-soon'],
    ]);
  });

  it('scores plain-language duties only, in their file\'s language, and says which pages it cannot score', () => {
    const hard = 'Radiologists systematically interpret cross-sectional examinations, correlating imaging findings with clinical presentations.';
    const report = checkAccountability(
      [
        duty({audience: ['patient'], text: hard}),
        duty({id: 'staff', audience: ['staff'], text: hard}),
        duty({id: 'fr', audience: ['patient'], text: hard, source: 'i18n/fr/docs/scs/during.md'}),
      ],
      context({}, (entry) => (entry.source.startsWith('i18n/fr/') ? 'fr' : 'en')),
    );
    const hardToRead = report.findings.filter((finding) => finding.ruleId === 'hard-to-read');
    expect(hardToRead).toHaveLength(1);
    expect(hardToRead[0]!.reason).toMatch(
      /^Hard to read for its audience: the duty "Reads the images" \(radiologist\) reads at grade \d+\.\d \(Flesch–Kincaid\), above the target of grade 8; its hardest sentence, "Radiologists systematically .*", reads at grade \d+\.\d$/,
    );
    expect(report.pages.map((page) => [page.file, page.formula, page.duties, page.plainLanguage, page.hard])).toEqual([
      ['docs/scs/during.md', 'flesch-kincaid', 2, 1, 1],
      ['i18n/fr/docs/scs/during.md', null, 1, 1, 0],
    ]);
  });

  it('finds the near-duplicates of one role, with both places, and not across roles or versions', () => {
    // Word weights come from the duties checked together: a site's worth of other duties.
    const others = [
      'Captures the spine images', 'Reads the MRI for stenosis', 'Screens for metal before MRI', 'Explains the exam to you',
      'Checks image quality before you leave', 'Calls critical results directly', 'Positions you on the table',
      'Supervises contrast use', 'Sends the final report to your doctor', 'Verifies identity and the exam order',
      'Moves the C-arm between views', 'Compares the images with earlier ones',
    ].map((title, index) => duty({id: `other-${index}`, roles: ['technologist'], title, text: '', line: 100 + index}));
    const entries = [
      duty({id: 'a', roles: ['technologist'], title: 'Keeps radiation as low as reasonably achievable', text: 'Follows ALARA.', line: 50}),
      duty({id: 'b', roles: ['radiologist', 'technologist'], title: 'Keeps dose as low as reasonably achievable', text: 'Reviews dose reports.', line: 53, source: 'docs/together.md'}),
      duty({id: 'c', roles: ['radiologist'], title: 'Keeps radiation as low as reasonably achievable', text: 'Justifies the exam.', line: 7}),
      duty({id: 'd', roles: ['technologist'], title: 'Keeps radiation as low as reasonably achievable', text: 'Follows ALARA.', version: '1.0'}),
      ...others,
    ];
    const findings = checkAccountability(entries, context({readability: {severity: 'ignore'}})).findings.filter(
      (finding) => finding.ruleId === 'near-duplicate',
    );
    expect(findings.map((finding) => [finding.file, finding.line])).toEqual([
      ['docs/together.md', 53],
      ['docs/scs/during.md', 7],
    ]);
    expect(findings[0]!.reason).toMatch(
      /^The duty "Keeps dose as low as reasonably achievable" reads almost the same as "Keeps radiation as low as reasonably achievable" \(docs\/scs\/during\.md:50:1\), both for technologist \(similarity of titles 0\.\d\d, of texts 0\.\d\d\)/,
    );
  });

  it('leaves out what a check ignores', () => {
    const {findings} = checkAccountability(
      [duty({citation: null, owner: null, reviewed: null, reviewDue: null, audience: ['patient'], text: 'Interprets cross-sectional examinations systematically.'})],
      context({
        reviews: {onMissingSource: 'ignore', onMissingOwner: 'ignore', onMissingReview: 'ignore'},
        readability: {severity: 'ignore'},
      }),
    );
    expect(findings).toEqual([]);
  });
});
