/**
 * The comparison table's controls, driven as a reader would in Chromium:
 * filter as you type, role toggles, area and view filters, sort and reset,
 * each mirrored in the URL.
 */
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {
  CONTROLS,
  columnHeaders,
  demoEntries,
  demoUrl,
  distinct,
  launch,
  openPage,
  param,
  statusNumbers,
  visibleDuties,
  waitForControls,
  type ExportedEntry,
} from './browser.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let entries: ExportedEntry[];

beforeAll(async () => {
  browser = await launch();
  entries = demoEntries();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  ({context, page} = await openPage(browser, demoUrl('/roles')));
  await waitForControls(page);
});

afterEach(async () => {
  await context?.close();
});

/** The exported entry a duty link points at. */
function entryOf(href: string): ExportedEntry {
  const entry = entries.find((candidate) => `${candidate.permalink}#${candidate.id}` === href);
  if (!entry) throw new Error(`no entry for ${href}`);
  return entry;
}

/** Waits until the number of distinct visible duties satisfies `accept`. */
async function waitForDutyCount(accept: (count: number) => boolean): Promise<number> {
  let count = -1;
  await expect
    .poll(async () => {
      count = distinct(await visibleDuties(page)).length;
      return accept(count);
    })
    .toBe(true);
  return count;
}

/** The live region agrees with the table: "Showing N of TOTAL duties". */
async function expectStatus(shown: number): Promise<void> {
  await expect
    .poll(async () => {
      const {text, numbers} = await statusNumbers(page);
      return {text, consistent: numbers.includes(shown) && numbers.includes(entries.length)};
    })
    .toMatchObject({consistent: true});
}

describe('the comparison table, interactively', () => {
  it('shows every duty before any filter', async () => {
    const duties = await visibleDuties(page);
    expect(distinct(duties)).toHaveLength(entries.length);
    // A shared duty is listed once in each of its roles' columns.
    expect(duties).toHaveLength(entries.reduce((sum, entry) => sum + entry.roles.length, 0));
    await expectStatus(entries.length);
  });

  it('filters as you type, mirrors the filter in the URL and keeps it on reload', async () => {
    const query = 'contrast';
    const filter = page.locator(CONTROLS.filter);
    // Named by its label, as a screen reader announces it.
    expect(await page.getByLabel(/filter duties/i).getAttribute('name')).toBe('q');
    await filter.click();
    await page.keyboard.type(query, {delay: 40});
    await page.waitForURL((url) => url.searchParams.get('q') === query);

    const shown = await waitForDutyCount((count) => count > 0 && count < entries.length);
    const duties = await visibleDuties(page);
    for (const href of distinct(duties)) {
      const entry = entryOf(href);
      expect(`${entry.title} ${entry.text}`, href).toMatch(/contrast/i);
    }
    // Every duty with the word in its title is found.
    const titled = entries.filter((entry) => /contrast/i.test(entry.title)).map((e) => `${e.permalink}#${e.id}`);
    expect(distinct(duties)).toEqual(expect.arrayContaining(titled));
    await expectStatus(shown);

    await page.reload();
    await waitForControls(page);
    expect(await page.locator(CONTROLS.filter).inputValue()).toBe(query);
    await waitForDutyCount((count) => count === shown);
    await expectStatus(shown);

    await page.locator(CONTROLS.filter).fill('');
    await waitForDutyCount((count) => count === entries.length);
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await expectStatus(entries.length);
  });

  it('hides a role column when its checkbox is unchecked, and the back button restores it', async () => {
    expect(await columnHeaders(page)).toEqual([
      expect.stringContaining('Radiologist'),
      expect.stringContaining('Radiologic technologist'),
      expect.stringContaining('Implanting physician'),
    ]);
    await page.locator(CONTROLS.role('technologist')).uncheck();
    await page.waitForURL((url) => url.searchParams.get('roles') === 'radiologist,physician');
    await expect
      .poll(() => columnHeaders(page))
      .toEqual([expect.stringContaining('Radiologist'), expect.stringContaining('Implanting physician')]);
    const duties = await visibleDuties(page);
    expect(duties.some((duty) => duty.column.includes('Radiologic technologist'))).toBe(false);
    const others = entries.filter((entry) => entry.roles.some((role) => role !== 'technologist'));
    expect(distinct(duties)).toHaveLength(others.length);
    await expectStatus(others.length);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('roles') !== 'radiologist,physician');
    await expect.poll(() => columnHeaders(page)).toHaveLength(3);
    expect(await page.locator(CONTROLS.role('technologist')).isChecked()).toBe(true);
    await waitForDutyCount((count) => count === entries.length);
  });

  it('narrows to one area with the area select', async () => {
    const area = page.locator(CONTROLS.area);
    expect(await area.locator('option').first().getAttribute('value')).toBe('');
    await area.selectOption('imaging');
    await page.waitForURL((url) => url.searchParams.get('area') === 'imaging');
    await expect
      .poll(() => page.locator('.theme-role-table tbody th[scope="row"]').allTextContents())
      .toEqual([expect.stringMatching(/^Imaging/)]);
    const imaging = entries.filter((entry) => entry.area === 'imaging');
    await waitForDutyCount((count) => count === imaging.length);
    for (const href of distinct(await visibleDuties(page))) expect(entryOf(href).area).toBe('imaging');
    await expectStatus(imaging.length);

    await area.selectOption('');
    await waitForDutyCount((count) => count === entries.length);
    expect(param(page, 'area')).toBeNull();
  });

  it('shows only shared duties, or only the duties that differ', async () => {
    const shared = entries.filter((entry) => entry.roles.length > 1);
    expect(shared.length).toBeGreaterThan(0);

    await page.locator(CONTROLS.view('shared')).check();
    await page.waitForURL((url) => url.searchParams.get('view') === 'shared');
    await waitForDutyCount((count) => count === shared.length);
    const sharedDuties = await visibleDuties(page);
    expect(sharedDuties.every((duty) => duty.shared)).toBe(true);
    await expectStatus(shared.length);

    await page.locator(CONTROLS.view('differ')).check();
    await page.waitForURL((url) => url.searchParams.get('view') === 'differ');
    await waitForDutyCount((count) => count === entries.length - shared.length);
    const differing = await visibleDuties(page);
    expect(differing.some((duty) => duty.shared)).toBe(false);
    await expectStatus(entries.length - shared.length);

    await page.locator(CONTROLS.view('all')).check();
    await waitForDutyCount((count) => count === entries.length);
  });

  it('sorts by title and resets every control', async () => {
    const sort = page.locator(CONTROLS.sort);
    expect(await sort.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(
      expect.arrayContaining(['source', 'title']),
    );
    await sort.selectOption('title');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'title');
    await expect
      .poll(() =>
        page.locator('.theme-role-table tbody td').evaluateAll((cells) =>
          cells.every((cell) => {
            const titles = [...cell.querySelectorAll('li.theme-role-table-duty .theme-role-table-duty-title')].map((a) => a.textContent ?? '');
            return titles.every((title, i) => i === 0 || titles[i - 1]!.localeCompare(title, 'en') <= 0);
          }),
        ),
      )
      .toBe(true);

    await page.locator(CONTROLS.filter).fill('record');
    await page.locator(CONTROLS.view('differ')).check();
    await page.locator(CONTROLS.role('radiologist')).uncheck();
    await waitForDutyCount((count) => count < entries.length);

    await page.locator(CONTROLS.reset).click();
    await waitForDutyCount((count) => count === entries.length);
    expect(await page.locator(CONTROLS.filter).inputValue()).toBe('');
    expect(await page.locator(CONTROLS.role('radiologist')).isChecked()).toBe(true);
    expect(await page.locator(CONTROLS.view('all')).isChecked()).toBe(true);
    expect(await page.locator(CONTROLS.sort).inputValue()).toBe('source');
    for (const name of ['q', 'roles', 'area', 'view', 'sort']) {
      // Reset returns to the defaults; a default may be left out of the URL.
      const value = param(page, name);
      expect([null, '', 'all', 'source', 'radiologist,technologist,physician']).toContain(value);
    }
  });
});
