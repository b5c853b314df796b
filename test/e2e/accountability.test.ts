/**
 * Audiences and reviews in the demo, in Chromium, compared with the demo's
 * own `roles.json`:
 *
 * - the table page's audience filter keeps exactly the duties for that
 *   audience, and lives in the URL like the other filters;
 * - the staff's "Due for review" view lists exactly the duties whose review
 *   is overdue, due soon or missing on the browser's date, most urgent first;
 * - the journey (an embedded table with `groupBy="page"` and `handout`)
 *   shows the patients' duties only.
 */
import {describe, expect, it} from 'vitest';
import {reviewStatus, todayIso} from '../../plugins/docusaurus-plugin-roles/src/client/reviews.js';
import {JOURNEY_PAGE, distinct, useDemoBrowser, visibleDuties, waitForControls, type ExportedEntry} from './browser.js';

const demo = useDemoBrowser();
const {open} = demo;

const key = (entry: ExportedEntry) => `${entry.permalink}#${entry.id}`;

describe('the audience filter on the table page', () => {
  it.each(['patient', 'staff'])('keeps the duties for %s, and says so in the URL', async (audience) => {
    const page = await open('/roles');
    await waitForControls(page);
    const select = page.locator('select[name="audience"]');
    expect(await select.locator('option').allTextContents()).toEqual(['Everyone', 'Patients and families', 'Hospital staff']);
    await select.selectOption(audience);
    await page.waitForURL((url) => url.searchParams.get('audience') === audience);
    const expected = demo.entries.filter((entry) => entry.audience.includes(audience)).map(key);
    await expect.poll(async () => distinct(await visibleDuties(page)).sort()).toEqual([...expected].sort());
    // Back restores every duty.
    await page.goBack();
    await expect.poll(async () => distinct(await visibleDuties(page)).length).toBe(demo.entries.length);
  });

  it('reads the audience from the URL', async () => {
    const page = await open('/roles?audience=staff');
    await waitForControls(page);
    expect(await page.locator('select[name="audience"]').inputValue()).toBe('staff');
  });
});

describe('the "Due for review" view', () => {
  it('lists the duties whose review is overdue, due soon or missing, most urgent first', async () => {
    const page = await open('/roles?view=review');
    await waitForControls(page);
    const today = todayIso();
    const order = {overdue: 0, 'due-soon': 1, missing: 2, current: 3};
    const due = demo.entries
      .map((entry) => ({entry, status: reviewStatus(entry.reviewDue, today, 30)}))
      .filter(({status}) => status !== 'current')
      .sort((a, b) => order[a.status] - order[b.status] || (a.entry.reviewDue ?? '').localeCompare(b.entry.reviewDue ?? ''));
    await page.waitForSelector('.theme-role-review');
    const rows = await page
      .locator('table.theme-role-review tbody tr')
      .evaluateAll((cells) => cells.map((row) => row.querySelector('th a')?.getAttribute('href') ?? ''));
    expect(rows).toEqual(due.map(({entry}) => key(entry)));
    // The view is a choice among the others, with its own radio button.
    expect(await page.locator('input[name="view"][value="review"]').isChecked()).toBe(true);
  });
});

describe('the journey', () => {
  it('shows the patients\' duties only, by default', async () => {
    const page = await open(JOURNEY_PAGE);
    const shown = distinct(await visibleDuties(page));
    const expected = demo.entries
      .filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator') && entry.audience.includes('patient'))
      .map(key);
    expect([...shown].sort()).toEqual([...expected].sort());
  });
});
