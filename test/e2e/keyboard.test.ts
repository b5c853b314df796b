/**
 * Keyboard only: Tab from the top of the table page reaches the controls in
 * order, each with a visible focus indicator, and they work from the keyboard.
 */
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CONTROLS, columnHeaders, demoUrl, distinct, launch, openPage, param, visibleDuties, waitForControls} from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

interface Focused {
  /** Which control has the focus ("q", "role:technologist", "area"…), or a short description. */
  control: string;
  /** A focus indicator is painted: an outline or a box shadow. */
  indicator: boolean;
  style: string;
}

/** Which control has the focus ("q", "role:technologist", "area"…), or a short description of the element. */
function activeControl(page: Page): Promise<string> {
  return describeFocus(page).then((focused) => focused.control);
}

function describeFocus(page: Page): Promise<Focused> {
  return page.evaluate((): Focused => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const name = element.getAttribute('name');
    let control = `${element.tagName.toLowerCase()}${element.classList[0] ? `.${element.classList[0]}` : ''}`;
    if (name === 'q' || name === 'area' || name === 'group' || name === 'sort') control = name;
    else if (name === 'role' || name === 'view') control = `${name}:${(element as HTMLInputElement).value}`;
    else if (element.classList.contains('theme-role-table-reset')) control = 'reset';
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      control,
      indicator: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
    };
  });
}

describe('keyboard only', () => {
  it('tabs through the controls in order, with a visible focus indicator, and types in the filter', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'));
    try {
      await waitForControls(page);
      // Nothing has the focus after a fresh load: Tab starts at the top.
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

      const order: Focused[] = [];
      let typed = false;
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await describeFocus(page);
        order.push(focused);
        if (focused.control === 'q' && !typed) {
          // Typed with the keyboard; the focus stays in the field.
          await page.keyboard.type('dose', {delay: 30});
          await page.waitForURL((url) => url.searchParams.get('q') === 'dose');
          await expect.poll(async () => distinct(await visibleDuties(page)).length).toBeGreaterThan(0);
          expect(await activeControl(page)).toBe('q');
          typed = true;
        }
        if (focused.control === 'reset') break;
      }
      console.log(`focus order: ${order.map((focused) => focused.control).join(' → ')}`);

      // DOM order, which is also the visual order: filter, area, grouping and
      // sort on the first row, roles and views on the second, then reset.
      const expected = ['q', 'area', 'group', 'sort', 'role:radiologist', 'role:technologist', 'role:physician', 'view:all', 'reset'];
      const reached = order.map((focused) => focused.control).filter((control) => expected.includes(control));
      expect.soft(reached, `Tab order of the controls (all stops: ${order.map((f) => f.control).join(' → ')})`).toEqual(
        expected,
      );
      const noIndicator = order
        .filter((focused) => expected.includes(focused.control) && !focused.indicator)
        .map((focused) => `${focused.control} (${focused.style})`);
      expect.soft(noIndicator, 'controls without a visible focus indicator').toEqual([]);
      // A radio group is one Tab stop: the other views are reached with the arrow keys.
      expect(order.some((focused) => focused.control === 'view:shared')).toBe(false);
      expect(typed).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('operates the role checkboxes, the area select and the view radios without losing the focus', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'));
    try {
      await waitForControls(page);
      const lost: string[] = [];
      /** Records (instead of stopping at) a control that loses the focus, then puts the focus back. */
      const expectFocus = async (control: string, selector: string, after: string): Promise<void> => {
        const now = await activeControl(page);
        if (now !== control) {
          lost.push(`${after}: the focus went from ${control} to ${now}`);
          await page.locator(selector).focus();
        }
      };

      // Role checkbox: Space toggles it, twice.
      await page.locator(CONTROLS.role('technologist')).focus();
      await page.keyboard.press('Space');
      // Three roles, one hidden: two columns.
      await expect.poll(() => columnHeaders(page)).toHaveLength(2);
      expect(param(page, 'roles')).toBe('radiologist,physician');
      await expectFocus('role:technologist', CONTROLS.role('technologist'), 'Space on the technologist checkbox');
      await page.keyboard.press('Space');
      await expect.poll(() => columnHeaders(page)).toHaveLength(3);
      await expectFocus('role:technologist', CONTROLS.role('technologist'), 'Space again on the technologist checkbox');

      // Area select: arrow keys change a closed select's value.
      await page.locator(CONTROLS.area).focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForURL((url) => url.searchParams.get('area') === 'imaging');
      await expectFocus('area', CONTROLS.area, 'ArrowDown on the area select');
      await page.keyboard.press('ArrowUp');
      await page.waitForURL((url) => !url.searchParams.has('area'));

      // View radios: arrow keys move within the group and select.
      await page.locator(CONTROLS.view('all')).focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL((url) => url.searchParams.get('view') === 'shared');
      await expect.poll(async () => (await visibleDuties(page)).every((duty) => duty.shared)).toBe(true);
      await expectFocus('view:shared', CONTROLS.view('shared'), 'ArrowRight on the view radios');
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL((url) => !url.searchParams.has('view'));

      expect(lost, lost.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
