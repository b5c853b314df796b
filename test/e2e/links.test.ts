/**
 * Links both ways between the callouts and the table: each lands on its
 * target, highlights it, and leaves it in view below the sticky navbar.
 */
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DOC_PAGE, demoUrl, launch, navbarHeight, openPage, settledBox, waitForHydration} from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The target is highlighted, below the navbar and inside the viewport. */
async function expectInView(page: Page, selector: string): Promise<void> {
  const box = await settledBox(page, selector);
  const navbar = await navbarHeight(page);
  const viewport = page.viewportSize()!;
  expect(box.top, `${selector} is under the navbar (${navbar}px)`).toBeGreaterThanOrEqual(navbar - 1);
  expect(box.top, `${selector} is below the viewport`).toBeLessThan(viewport.height);
  expect(box.bottom).toBeGreaterThan(navbar);
}

describe('links between callouts and the table', () => {
  it('goes from a callout to its highlighted row in the table', async () => {
    const {context, page} = await openPage(browser, demoUrl(DOC_PAGE));
    try {
      // A callout further down the page, so the link is not trivially at the top.
      const link = page.locator('a.theme-role-callout-compare').nth(3);
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\/roles#role-/);
      const rowId = href.split('#')[1]!;
      await link.click();
      await page.waitForURL((url) => url.pathname === '/roles' && url.hash === `#${rowId}`);
      const target = `li[id="${rowId}"]`;
      await page.waitForSelector(`${target}.theme-role-table-duty--target`, {timeout: 10_000});
      expect(await page.locator('.theme-role-table-duty--target').count()).toBe(1);
      await expectInView(page, target);
      // Its text is open, with the way back to the callout.
      expect(await page.locator(`${target} > details`).evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator(`${target} a.theme-role-table-duty-link`).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('goes from a duty in the table to its highlighted callout', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'));
    try {
      const link = page.locator(`.theme-role-table li.theme-role-table-duty a[href^="${DOC_PAGE}#"]`).last();
      // The title opens the duty; its link to the callout is inside.
      await link.locator('xpath=ancestor::details[1]/summary').click();
      await link.waitFor({state: 'visible'});
      const href = (await link.getAttribute('href'))!;
      const calloutId = href.split('#')[1]!;
      await link.click();
      await page.waitForURL((url) => url.pathname === DOC_PAGE && url.hash === `#${calloutId}`);
      await waitForHydration(page);
      const target = `aside.theme-role-callout[id="${calloutId}"]`;
      await page.waitForSelector(`${target}.theme-role-callout--target`, {timeout: 10_000});
      expect(await page.locator('.theme-role-callout--target').count()).toBe(1);
      await expectInView(page, target);
    } finally {
      await context.close();
    }
  });

  it('highlights the row when the table is opened with a hash (full page load)', async () => {
    const {context, page} = await openPage(browser, demoUrl(DOC_PAGE));
    try {
      const href = (await page.locator('a.theme-role-callout-compare').last().getAttribute('href'))!;
      const rowId = href.split('#')[1]!;
      await page.goto(demoUrl(href));
      await waitForHydration(page);
      await page.waitForSelector(`li[id="${rowId}"].theme-role-table-duty--target`, {timeout: 10_000});
      await expectInView(page, `li[id="${rowId}"]`);
    } finally {
      await context.close();
    }
  });
});
