/**
 * Every control and link of the callouts, the journey, the table and the
 * "roles on this page" summary, measured in Chromium on a 390 px phone and a
 * desktop, light and dark: WCAG 2.2 2.5.8 (AA) asks each target to be at
 * least 24 × 24 CSS px, or spaced so that a 24 px circle on it touches no
 * other target; the main controls get a finger's width (44 px) on a phone.
 */
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DOC_PAGE, JOURNEY_PAGE, demoUrl, launch, openPage, waitForControls} from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true};
const DESKTOP = {viewport: {width: 1280, height: 800}};

/** The plugin's parts of a page, and what counts as a target in them. */
const SCOPES = '.theme-role-callout-footer, .theme-role-table, .theme-roles-summary, .theme-roles-versions';
const TARGETS = 'a[href], button, select, input:not([type="checkbox"]):not([type="radio"]), summary, label:has(> input)';

/** The main controls, which a phone reader taps most. */
const MAIN = [
  'a.theme-role-callout-compare',
  '.theme-role-table-duty-text > summary',
  'a.theme-role-table-duty-link',
  'input.theme-role-table-filter',
  'select',
  'label:has(> input[type="checkbox"])',
  'label:has(> input[type="radio"])',
  'button.theme-role-table-reset',
  '.theme-role-table-jump a',
];

interface Target {
  name: string;
  main: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every visible target of the plugin's parts, every duty opened so that its link shows. */
function targets(page: Page): Promise<Target[]> {
  return page.evaluate(
    ({scopes, selector, main}) => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>('.theme-role-table details')) details.open = true;
      const found: Target[] = [];
      for (const scope of document.querySelectorAll(scopes)) {
        for (const element of scope.querySelectorAll<HTMLElement>(selector)) {
          if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          const name = `${element.tagName.toLowerCase()}.${element.className || '-'} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
          found.push({
            name,
            main: main.some((each) => element.matches(each)),
            x: box.left + window.scrollX,
            y: box.top + window.scrollY,
            width: box.width,
            height: box.height,
          });
        }
      }
      return found;
    },
    {scopes: SCOPES, selector: TARGETS, main: MAIN},
  );
}

/** Distance from a point to a box (0 inside). */
function distance(x: number, y: number, box: Target): number {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

/** 2.5.8: 24 × 24, or a 24 px circle on its centre that meets no other target (nor its circle). */
function meetsTargetSize(target: Target, all: readonly Target[]): boolean {
  if (target.width >= 24 - 0.5 && target.height >= 24 - 0.5) return true;
  const cx = target.x + target.width / 2;
  const cy = target.y + target.height / 2;
  return all.every((other) => {
    if (other === target) return true;
    if (distance(cx, cy, other) < 12) return false;
    const small = other.width < 24 || other.height < 24;
    const ox = other.x + other.width / 2;
    const oy = other.y + other.height / 2;
    return !small || Math.hypot(cx - ox, cy - oy) >= 24;
  });
}

const PAGES = ['/roles', '/roles?group=section', JOURNEY_PAGE, DOC_PAGE, '/es/roles'];

describe.each([
  ['a 390 px phone', PHONE, 44],
  ['a desktop', DESKTOP, 24],
] as const)('on %s', (_, device, mainHeight) => {
  it.each(PAGES.flatMap((pathname) => (['light', 'dark'] as const).map((mode) => [pathname, mode] as const)))(
    `every target on %s (%s) meets WCAG 2.5.8, and the main controls are ${mainHeight} px tall`,
    async (pathname, mode) => {
      const {context, page} = await openPage(browser, demoUrl(pathname), {...device, colorScheme: mode});
      try {
        if (pathname.includes('roles')) await waitForControls(page);
        const found = await targets(page);
        expect(found.length).toBeGreaterThan(10);
        const failing = found.filter((target) => !meetsTargetSize(target, found));
        expect(failing.map((target) => `${target.name} ${target.width.toFixed(0)}×${target.height.toFixed(0)}`)).toEqual([]);
        const small = found.filter((target) => target.main && target.height < mainHeight - 0.5);
        expect(small.map((target) => `${target.name} ${target.width.toFixed(0)}×${target.height.toFixed(0)}`)).toEqual([]);
        // The controls that used to be small, by name.
        if (pathname === '/roles') {
          const sizes = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('label:has(> input[type="checkbox"]) > input, button.theme-role-table-reset')].map((element) => ({
              width: element.getBoundingClientRect().width,
              height: element.getBoundingClientRect().height,
              font: parseFloat(getComputedStyle(element).fontSize),
            })),
          );
          for (const size of sizes) expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24);
          // "Clear filters" in body-size text.
          expect(sizes.at(-1)!.font).toBeGreaterThanOrEqual(16);
        }
      } finally {
        await context.close();
      }
    },
  );
});
