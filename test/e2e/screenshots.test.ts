/**
 * Screenshots for the README and for review: a callout, the table on a
 * desktop and on a phone, dark mode, the Spanish table, the patient's
 * journey on screen and as its printed handout, a callout with its source
 * and review, the staff's review view, and the journey's flow of handoffs
 * on a desktop and a phone. Written to `test/.tmp/screenshots/` by
 * `npm run test:e2e`, and to the README's `screenshots/` by
 * `npm run screenshots` (see `browser.ts`).
 */
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DOC_PAGE, JOURNEY_PAGE, demoUrl, ensureScreenshotsDir, launch, navbarHeight, openPage} from './browser.js';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  dir = ensureScreenshotsDir();
});

afterAll(async () => {
  await browser?.close();
});

/** Scrolls so that `selector` starts just below the sticky navbar. */
async function scrollBelowNavbar(page: Page, selector: string, margin = 12): Promise<void> {
  const offset = (await navbarHeight(page)) + margin;
  await page.locator(selector).first().evaluate((element, top) => {
    window.scrollTo({top: element.getBoundingClientRect().top + window.scrollY - top, behavior: 'instant'});
  }, offset);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Controls (when the theme renders them) or the table itself. */
const TABLE_TOP = '.theme-role-table-controls, form:has(input[name="q"]), .theme-role-table';

describe('screenshots', () => {
  it('callout.png: one callout on a doc page, light mode', async () => {
    const {context, page} = await openPage(browser, demoUrl(DOC_PAGE), {colorScheme: 'light', viewport: {width: 1000, height: 800}});
    try {
      const callout = page.locator('aside.theme-role-callout').first();
      const file = path.join(dir, 'callout.png');
      await callout.screenshot({path: file, animations: 'disabled'});
      expect(await callout.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('table-desktop.png: the top of the table at 1280 px', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'), {colorScheme: 'light', viewport: {width: 1280, height: 800}});
    try {
      await page.waitForSelector('input[name="q"]', {timeout: 5_000}).catch(() => undefined);
      await scrollBelowNavbar(page, TABLE_TOP);
      await page.screenshot({path: path.join(dir, 'table-desktop.png'), animations: 'disabled'});
    } finally {
      await context.close();
    }
  });

  it('table-phone.png: the table at 375 px', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'), {
      colorScheme: 'light',
      viewport: {width: 375, height: 800},
      isMobile: true,
      hasTouch: true,
    });
    try {
      await page.waitForSelector('input[name="q"]', {timeout: 5_000}).catch(() => undefined);
      // The table itself (its stacked cells), below the controls.
      await scrollBelowNavbar(page, '.theme-role-table table');
      await page.screenshot({path: path.join(dir, 'table-phone.png'), animations: 'disabled'});
    } finally {
      await context.close();
    }
  });

  it('table-es.png: the Spanish table at 1280 px', async () => {
    const {context, page} = await openPage(browser, demoUrl('/es/roles'), {colorScheme: 'light', viewport: {width: 1280, height: 800}});
    try {
      await page.waitForSelector('input[name="q"]', {timeout: 5_000}).catch(() => undefined);
      await scrollBelowNavbar(page, TABLE_TOP);
      await page.screenshot({path: path.join(dir, 'table-es.png'), animations: 'disabled'});
      expect(await page.getAttribute('html', 'lang')).toBe('es');
    } finally {
      await context.close();
    }
  });

  it('dark-mode.png: a doc page with callouts, dark mode', async () => {
    const {context, page} = await openPage(browser, demoUrl(DOC_PAGE), {colorScheme: 'dark', viewport: {width: 1280, height: 800}});
    try {
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      await scrollBelowNavbar(page, 'aside.theme-role-callout', 120);
      await page.screenshot({path: path.join(dir, 'dark-mode.png'), animations: 'disabled'});
    } finally {
      await context.close();
    }
  });

  it('journey.png: the journey on the spinal cord stimulator overview, one duty opened', async () => {
    const {context, page} = await openPage(browser, demoUrl(JOURNEY_PAGE), {colorScheme: 'light', viewport: {width: 1280, height: 900}});
    try {
      const table = '.theme-role-table--by-page';
      await page.locator(`${table} details > summary`).first().click();
      // The table, below the journey's flow.
      await scrollBelowNavbar(page, `${table} table`);
      await page.screenshot({path: path.join(dir, 'journey.png'), animations: 'disabled'});
      expect(await page.locator(`${table} tbody tr`).count()).toBe(3);
    } finally {
      await context.close();
    }
  });

  it('table-scrolled.png: staff scrolling the table at 1280 px, the headers and the area in view', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'), {colorScheme: 'light', viewport: {width: 1280, height: 800}});
    try {
      await page.waitForSelector('input[name="q"]', {timeout: 5_000});
      await page.locator('.theme-role-table tr.theme-role-table-area--patient-care').evaluate((row) => {
        window.scrollTo({top: window.scrollY + row.getBoundingClientRect().top + 120, behavior: 'instant'});
      });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({path: path.join(dir, 'table-scrolled.png'), animations: 'disabled'});
      expect(await page.locator('.theme-role-table thead th').first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('table-print.png: the top of the full table printed', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'), {colorScheme: 'light', viewport: {width: 816, height: 1056}});
    try {
      await page.emulateMedia({media: 'print'});
      // As the print dialog does: the table prints each row as a table of its own.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.screenshot({path: path.join(dir, 'table-print.png'), animations: 'disabled'});
      expect(await page.locator('nav.navbar').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('journey-handout.png: the journey printed, as a patient takes it home', async () => {
    // About the width of a printed US Letter page (8.5 in at 96 px per inch).
    const {context, page} = await openPage(browser, demoUrl(JOURNEY_PAGE), {colorScheme: 'light', viewport: {width: 816, height: 1056}});
    try {
      await page.emulateMedia({media: 'print'});
      await page.screenshot({path: path.join(dir, 'journey-handout.png'), fullPage: true, animations: 'disabled'});
      expect(await page.locator('nav.navbar').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('callout-source.png: a callout with its source and last review', async () => {
    const {context, page} = await openPage(browser, demoUrl(DOC_PAGE), {colorScheme: 'light', viewport: {width: 1000, height: 800}});
    try {
      const callout = page.locator('aside.theme-role-callout:has(.theme-role-provenance)').first();
      await callout.screenshot({path: path.join(dir, 'callout-source.png'), animations: 'disabled'});
      expect(await callout.locator('.theme-role-provenance time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await context.close();
    }
  });

  it('review-view.png: the staff\'s "Due for review" view of the table page', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles?view=review'), {colorScheme: 'light', viewport: {width: 1280, height: 800}});
    try {
      await page.waitForSelector('.theme-role-review', {timeout: 10_000});
      await scrollBelowNavbar(page, TABLE_TOP);
      await page.screenshot({path: path.join(dir, 'review-view.png'), animations: 'disabled'});
      expect(await page.locator('input[name="view"][value="review"]').isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('flow.png: the journey as a flow, handoffs drawn between the roles, 1280 px', async () => {
    const {context, page} = await openPage(browser, demoUrl(JOURNEY_PAGE), {colorScheme: 'light', viewport: {width: 1280, height: 1100}});
    try {
      await scrollBelowNavbar(page, 'figure.theme-role-flow');
      await page.screenshot({path: path.join(dir, 'flow.png'), animations: 'disabled'});
      expect(await page.locator('figure.theme-role-flow .theme-role-flow-arrow').count()).toBeGreaterThan(5);
    } finally {
      await context.close();
    }
  });

  it('flow-phone.png: the same flow folded into one column at 390 px, dark mode', async () => {
    const {context, page} = await openPage(browser, demoUrl(JOURNEY_PAGE), {
      colorScheme: 'dark',
      viewport: {width: 390, height: 844},
      isMobile: true,
      hasTouch: true,
    });
    try {
      await scrollBelowNavbar(page, 'figure.theme-role-flow');
      await page.screenshot({path: path.join(dir, 'flow-phone.png'), animations: 'disabled'});
      expect(await page.locator('figure.theme-role-flow .theme-role-flow-lanes').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
