/**
 * Shared helpers of the browser tests: launching Debian's Chromium through
 * playwright-core, opening pages of the served sites, and reading the table.
 */
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, inject} from 'vitest';
import type {RoleEntry} from '../../plugins/docusaurus-plugin-roles/src/types.js';

export const repo = path.dirname(path.dirname(import.meta.dirname));
export const tmp = path.join(repo, 'test', '.tmp');
/**
 * Where the screenshots go: under `test/.tmp` when the browser suite runs
 * (tests never write tracked files); `npm run screenshots` sets
 * `E2E_SCREENSHOTS_DIR=screenshots` to refresh the README's.
 */
export const screenshots = path.resolve(repo, process.env.E2E_SCREENSHOTS_DIR ?? path.join('test', '.tmp', 'screenshots'));

export const DOC_PAGE = '/spinal-cord-stimulator/during-placement';

/** The overview of the spinal cord stimulator section, which embeds the journey. */
export const JOURNEY_PAGE = '/spinal-cord-stimulator/';

/** The table's controls, as the theme's contract names them. */
export const CONTROLS = {
  filter: 'input[type="search"][name="q"].theme-role-table-filter',
  roles: 'fieldset.theme-role-table-roles',
  role: (key: string): string => `input[type="checkbox"][name="role"][value="${key}"]`,
  area: 'select[name="area"].theme-role-table-area',
  group: 'select[name="group"].theme-role-table-group',
  views: 'fieldset.theme-role-table-views',
  view: (value: string): string => `input[type="radio"][name="view"][value="${value}"]`,
  sort: 'select[name="sort"]',
  reset: 'button.theme-role-table-reset',
  status: 'p[role="status"].theme-role-table-status',
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function demoUrl(pathname = '/'): string {
  return `${inject('demoUrl')}${pathname}`;
}

export function largeUrl(pathname = '/'): string {
  return `${inject('largeUrl')}${pathname}`;
}

/** An entry of a built site's `roles.json`. */
export type ExportedEntry = RoleEntry;

/** The entries of the demo build's `roles.json`. */
export function demoEntries(): ExportedEntry[] {
  const file = path.join(inject('demoOutDir'), 'roles.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as {entries: ExportedEntry[]}).entries;
}

/**
 * A fresh context (its own storage, cache and colour scheme) and a page.
 * Page errors are collected so a test can assert the page did not throw.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<{context: BrowserContext; page: Page; errors: string[]}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}, ...options});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await waitForHydration(page);
  return {context, page, errors};
}

/** The demo site in a browser, for the tests of one file. */
export interface DemoBrowser {
  /** The demo build's `roles.json` entries (read before the first test). */
  readonly entries: ExportedEntry[];
  /** A page of the demo in a fresh context (its defaults: `defaults`, then `options`), closed after the test. */
  open(pathname: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One browser for a test file, launched before its tests and closed after
 * them; every page a test opens has a context of its own, closed after that
 * test.
 */
export function useDemoBrowser(defaults: BrowserContextOptions = {}): DemoBrowser {
  let browser: Browser | undefined;
  let entries: ExportedEntry[] = [];
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
    entries = demoEntries();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get entries() {
      return entries;
    },
    async open(pathname, options = {}) {
      if (!browser) throw new Error('useDemoBrowser: open() before the browser was launched (call it inside a test)');
      const opened = await openPage(browser, demoUrl(pathname), {...defaults, ...options});
      contexts.push(opened.context);
      return opened.page;
    },
  };
}

/** Docusaurus sets `<html data-has-hydrated="true">` once React has hydrated. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForSelector('html[data-has-hydrated="true"]', {state: 'attached', timeout: 30_000});
}

/** Waits for the filter controls (rendered after hydration only). */
export async function waitForControls(page: Page): Promise<void> {
  try {
    await page.waitForSelector(CONTROLS.filter, {timeout: 10_000});
  } catch {
    throw new Error(`the table's filter controls did not render: no ${CONTROLS.filter} on ${page.url()}`);
  }
  await waitForTable(page);
}

/**
 * Waits until every table shows the current choices: the rows follow the
 * controls in a deferred render, and the table is `aria-busy` meanwhile.
 */
export async function waitForTable(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.theme-role-table[aria-busy="true"]') === null, undefined, {
    timeout: 10_000,
  });
}

/** One duty as the reader sees it. */
export interface VisibleDuty {
  id: string | null;
  href: string;
  title: string;
  shared: boolean;
  column: string;
}

/** The duties of the table that are rendered and visible, in document order. */
export function visibleDuties(page: Page): Promise<VisibleDuty[]> {
  return page.evaluate(() => {
    const duties = [...document.querySelectorAll<HTMLElement>('.theme-role-table li.theme-role-table-duty')];
    return duties
      .filter((duty) => duty.checkVisibility({visibilityProperty: true, opacityProperty: true}))
      .map((duty) => {
        const cell = duty.closest('td');
        const row = cell?.parentElement;
        const index = cell && row ? [...row.children].indexOf(cell) : -1;
        const header = duty.closest('table')?.querySelectorAll('thead th')[index];
        // The title opens the duty's text; the link to its callout is inside.
        const link = duty.querySelector('a.theme-role-table-duty-link');
        return {
          id: duty.id || null,
          href: link?.getAttribute('href') ?? '',
          title: duty.querySelector('.theme-role-table-duty-title')?.textContent?.trim() ?? '',
          shared: duty.querySelector('.theme-role-table-shared') !== null,
          column: header?.textContent?.trim() ?? '',
        };
      });
  });
}

/** Distinct duties: a shared duty is listed once per role. */
export function distinct(duties: readonly VisibleDuty[]): string[] {
  return [...new Set(duties.map((duty) => duty.href))];
}

/** Labels of the role columns currently shown. */
export function columnHeaders(page: Page): Promise<string[]> {
  return page
    .locator('.theme-role-table thead th[scope="col"]')
    .evaluateAll((cells) => cells.slice(1).map((cell) => cell.textContent?.trim() ?? ''));
}

/** "Showing 3 of 47 duties" → [3, 47] (the first two numbers of the live region). */
export async function statusNumbers(page: Page): Promise<{text: string; numbers: number[]}> {
  const text = (await page.locator(CONTROLS.status).textContent()) ?? '';
  return {text, numbers: (text.match(/\d[\d,.\u00a0\u202f]*/g) ?? []).map((n) => Number(n.replace(/\D/g, '')))};
}

/** A URL's search parameter. */
export function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** Height of the sticky navbar. */
export function navbarHeight(page: Page): Promise<number> {
  return page.locator('nav.navbar').evaluate((navbar) => navbar.getBoundingClientRect().height);
}

/**
 * Waits until the element's position stops moving (smooth scrolling, late
 * layout), then returns its box relative to the viewport.
 */
export async function settledBox(page: Page, selector: string): Promise<DOMRect> {
  return page.evaluate(async (target) => {
    const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
    let last = '';
    for (let stable = 0, i = 0; stable < 5 && i < 300; i += 1) {
      await frame();
      const element = document.querySelector(target);
      const box = element?.getBoundingClientRect();
      const key = box ? `${box.top},${box.left},${window.scrollY}` : '';
      stable = key === last ? stable + 1 : 0;
      last = key;
    }
    const box = document.querySelector(target)!.getBoundingClientRect();
    return JSON.parse(JSON.stringify(box)) as DOMRect;
  }, selector);
}

/** Opens a duty's disclosure (its title) so that its text and link show. */
export async function openDuty(page: Page, duty: string): Promise<void> {
  await page.locator(`${duty} > details > summary`).first().click();
  await page.locator(`${duty} > details[open]`).first().waitFor();
}

/** The screenshots folder (see {@link screenshots}), created. */
export function ensureScreenshotsDir(): string {
  mkdirSync(screenshots, {recursive: true});
  return screenshots;
}
