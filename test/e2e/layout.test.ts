/**
 * The table page without a desktop: on a 375 px phone, without JavaScript,
 * and printed.
 */
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CONTROLS, DOC_PAGE, JOURNEY_PAGE, demoEntries, demoUrl, distinct, launch, openPage, visibleDuties, waitForControls} from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = {viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true};

/** Whether an element is laid out and painted (not `display: none`, not hidden). */
function shown(page: Page, selector: string): Promise<boolean[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => element.checkVisibility({visibilityProperty: true, opacityProperty: true})),
    );
}

describe('on a 375 px phone', () => {
  it.each(['/roles', '/roles?group=section', DOC_PAGE, JOURNEY_PAGE])('does not scroll sideways on %s', async (pathname) => {
    const {context, page} = await openPage(browser, demoUrl(pathname), PHONE);
    try {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
    } finally {
      await context.close();
    }
  });

  it("fits the home page's Markdown table, its last column's header whole, at 375 and 390 px", async () => {
    for (const width of [375, 390]) {
      const {context, page} = await openPage(browser, demoUrl('/'), {...PHONE, viewport: {width, height: 800}});
      try {
        const table = await page.locator('.theme-doc-markdown table').first().evaluate((element) => {
          const last = element.querySelector('thead th:last-child')!;
          return {
            overflow: element.scrollWidth - element.clientWidth,
            lastHeader: last.textContent?.trim(),
            lastRight: last.getBoundingClientRect().right,
            tableRight: element.getBoundingClientRect().right,
          };
        });
        expect(table.lastHeader).toBe('Radiologic technologist');
        expect(table.overflow, `${width} px`).toBeLessThanOrEqual(0);
        expect(table.lastRight).toBeLessThanOrEqual(table.tableRight + 0.5);
      } finally {
        await context.close();
      }
    }
  });

  it('stacks the table cells so every duty is readable without scrolling sideways', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'), PHONE);
    try {
      const duties = await visibleDuties(page);
      expect(distinct(duties)).toHaveLength(demoEntries().length);
      const layout = await page.evaluate(() => ({
        duties: [...document.querySelectorAll('.theme-role-table li.theme-role-table-duty')].map((duty) => {
          const box = duty.getBoundingClientRect();
          return {id: duty.id, left: box.left, right: box.right, width: box.width};
        }),
        cells: [...document.querySelectorAll('.theme-role-table tbody td')].map((cell) => cell.getBoundingClientRect().width),
        // The table's own scroll box must not be wider than the screen either.
        overflow: [...document.querySelectorAll('.theme-role-table, .theme-role-table table')].map(
          (element) => element.scrollWidth - element.clientWidth,
        ),
      }));
      for (const duty of layout.duties) {
        expect(duty.left, `duty ${duty.id} starts off screen`).toBeGreaterThanOrEqual(0);
        expect(duty.right, `duty ${duty.id} ends off screen`).toBeLessThanOrEqual(375);
        expect(duty.width).toBeGreaterThan(100);
      }
      // Stacked: each cell takes (nearly) the whole width of the screen.
      for (const width of layout.cells) expect(width).toBeGreaterThanOrEqual(375 * 0.75);
      for (const overflow of layout.overflow) expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('shows the whole table and no filter controls', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'), {javaScriptEnabled: false});
    try {
      expect(await page.getAttribute('html', 'data-has-hydrated')).not.toBe('true');
      expect(await page.locator('.theme-role-table table caption').isVisible()).toBe(true);
      const duties = await visibleDuties(page);
      expect(distinct(duties).length).toBeGreaterThanOrEqual(47);
      expect(distinct(duties)).toHaveLength(demoEntries().length);
      for (const selector of [CONTROLS.filter, CONTROLS.roles, CONTROLS.area, CONTROLS.views, CONTROLS.sort, CONTROLS.reset]) {
        expect(await page.locator(selector).count(), selector).toBe(0);
      }
      // A status rendered by the server must tell the truth: everything is shown.
      for (const text of await page.locator(CONTROLS.status).allTextContents()) {
        const numbers = (text.match(/\d+/g) ?? []).map(Number);
        expect(numbers.every((n) => n === demoEntries().length), text).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('printed', () => {
  it('hides the navbar, footer and filter controls of the table page, and keeps the table', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'));
    try {
      await waitForControls(page);
      await page.emulateMedia({media: 'print'});
      for (const selector of ['nav.navbar', 'footer.footer', CONTROLS.filter, CONTROLS.roles, CONTROLS.area, CONTROLS.views, CONTROLS.sort, CONTROLS.reset]) {
        expect(await shown(page, selector), `${selector} is printed`).not.toContain(true);
      }
      expect(await page.locator('.theme-role-table table').isVisible()).toBe(true);
      expect(distinct(await visibleDuties(page))).toHaveLength(demoEntries().length);
    } finally {
      await context.close();
    }
  });

  it('hides the navbar, sidebar and footer of a doc page, and keeps the callouts', async () => {
    const {context, page} = await openPage(browser, demoUrl(DOC_PAGE));
    try {
      expect(await shown(page, '.theme-doc-sidebar-menu')).toContain(true);
      await page.emulateMedia({media: 'print'});
      for (const selector of ['nav.navbar', '.theme-doc-sidebar-menu', 'footer.footer']) {
        expect(await shown(page, selector), `${selector} is printed`).not.toContain(true);
      }
      expect(await shown(page, 'aside.theme-role-callout')).not.toContain(false);
    } finally {
      await context.close();
    }
  });
});
