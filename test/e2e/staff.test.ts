/**
 * The table for staff on a desktop: headers that stay in view while
 * scrolling, a caption that says what is shown, a search that forgives
 * punctuation, hyphens, case and accents (English and Spanish), sections
 * named with their page, a way to jump between areas, and one Tab stop per
 * duty.
 */
import type {BrowserContextOptions, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {CONTROLS, distinct, navbarHeight, useDemoBrowser, visibleDuties, waitForControls, type ExportedEntry} from './browser.js';

const demo = useDemoBrowser({viewport: {width: 1280, height: 800}});

/** A page of the demo on a desktop, its table's controls rendered. */
async function open(pathname: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await demo.open(pathname, options);
  await waitForControls(page);
  return page;
}

/** The caption as read: its text, details included. */
function caption(page: Page): Promise<string> {
  return page.locator('.theme-role-table table caption').evaluate((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('scrolling a long table', () => {
  it.each(['light', 'dark'] as const)('keeps the role headers below the navbar, and the area name beside its duties (%s)', async (mode) => {
    const page = await open('/roles', {colorScheme: mode});
    const navbar = await navbarHeight(page);
    // Scroll to the middle of the "Patient care" row.
    const row = page.locator('.theme-role-table tbody tr.theme-role-table-area--patient-care');
    await row.evaluate((element) => {
      const box = element.getBoundingClientRect();
      window.scrollTo({top: window.scrollY + box.top + box.height / 2 - 300, behavior: 'instant'});
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const layout = await page.evaluate(() => {
      const headers = [...document.querySelectorAll('.theme-role-table thead th')].map((th) => {
        const box = th.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 10);
        return {top: box.top, bottom: box.bottom, text: th.textContent?.trim() ?? '', onTop: th.contains(hit)};
      });
      const label = document.querySelector('.theme-role-table tr.theme-role-table-area--patient-care th > div')!.getBoundingClientRect();
      return {headers, label: {top: label.top, bottom: label.bottom}};
    });
    for (const header of layout.headers) {
      expect(header.top, header.text).toBeCloseTo(navbar, 0);
      expect(header.onTop, `${header.text} is covered`).toBe(true);
    }
    const labels = await page.locator(`${CONTROLS.roles} label`).allTextContents();
    expect(layout.headers.map((header) => header.text)).toEqual(['Area', ...labels.map((label) => expect.stringContaining(label))]);
    // The area's name is in view, just below the headers.
    expect(layout.label.top).toBeGreaterThanOrEqual(layout.headers[0]!.bottom - 1);
    expect(layout.label.bottom).toBeLessThan(800);
  });
});

describe('the caption', () => {
  it('says which roles, area, view and version are shown', async () => {
    const page = await open('/roles');
    const labels = await page.locator(`${CONTROLS.roles} label`).allTextContents();
    const list = (items: string[]) => new Intl.ListFormat('en', {type: 'conjunction'}).format(items);
    expect(await caption(page)).toBe(`Duties by area: ${list(labels)}`);
    // Only technologists shown: the caption says so.
    for (const key of await page.locator(`${CONTROLS.roles} input`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))) {
      if (key !== 'technologist') await page.locator(CONTROLS.role(key)).uncheck();
    }
    await expect.poll(() => caption(page)).toBe('Duties by area: Radiologic technologist');
    await page.locator(CONTROLS.area).selectOption('radiation-safety');
    await page.locator(CONTROLS.view('shared')).check();
    await expect.poll(() => caption(page)).toBe('Duties by area: Radiologic technologist Area: Radiation safety · Shared duties only');
  });
});

describe('searching', () => {
  const count = async (page: Page, query: string): Promise<number> => {
    await page.locator(CONTROLS.filter).fill(query);
    let shown = -1;
    await expect
      .poll(async () => {
        const now = distinct(await visibleDuties(page)).length;
        const settled = now === shown;
        shown = now;
        return settled;
      })
      .toBe(true);
    return shown;
  };

  it('finds the same duties whatever the punctuation, hyphens, spaces, case and accents', async () => {
    const page = await open('/roles');
    const xray = demo.entries.filter((entry) => /x-ray/i.test(`${entry.title} ${entry.text}`)).length;
    expect(xray).toBeGreaterThan(3);
    for (const query of ['X-ray', 'xray', 'x ray', 'X\u2011RAY', 'x\u2010ray']) {
      expect(await count(page, query), query).toBe(xray);
    }
    const technologist = demo.entries.filter((entry) => /technologist/i.test(`${entry.title} ${entry.text}`)).length;
    expect(await count(page, 'TECHNOLOGÍST')).toBe(technologist);
  });

  it('forgives accents in Spanish, both ways', async () => {
    const page = await open('/es/roles');
    const spanish = await page.evaluate(async () => (await (await fetch('/es/roles.json')).json()) as {entries: ExportedEntry[]});
    const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const expected = spanish.entries.filter((entry) => fold(`${entry.title} ${entry.text}`).includes('radiografia')).length;
    expect(expected).toBeGreaterThan(0);
    expect(await count(page, 'radiografia')).toBe(expected);
    expect(await count(page, 'RADIOGRAFÍA')).toBe(expected);
  });
});

describe('grouped by section', () => {
  it('names every section with its page, in the row and in the jump links', async () => {
    const page = await open('/roles?group=section');
    const glossary = demo.entries.filter((entry) => entry.pageTitle === 'Glossary' && entry.sectionTitle !== null);
    expect(glossary.length).toBeGreaterThan(1);
    // The page and the section on one line, the separator shown, a pause for screen readers.
    const names = await page.locator('.theme-role-table tbody th[scope="row"]').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const page = cell.querySelector('.theme-role-table-row-page');
        const link = cell.querySelector('a.theme-role-table-row-link');
        return page && link ? [`${page.textContent} ${page.nextElementSibling?.textContent?.trim()} ${link.textContent}`] : [];
      }),
    );
    for (const entry of glossary) expect(names).toContain(`Glossary › ${entry.sectionTitle}`);
    const jumps = await page.locator('.theme-role-table-jump a').allTextContents();
    expect(jumps).toContain(`Glossary › ${glossary[0]!.sectionTitle}`);
  });
});

describe('with the keyboard', () => {
  it('takes one Tab stop per duty across the table', async () => {
    const page = await open('/roles');
    const occurrences = demo.entries.reduce((sum, entry) => sum + entry.roles.length, 0);
    await page.locator('.theme-role-table tbody summary').first().focus();
    let stops = 1;
    for (;;) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.activeElement?.closest('.theme-role-table table') !== null && document.activeElement?.closest('.theme-role-table table') !== undefined);
      if (!inside) break;
      stops += 1;
      if (stops > occurrences * 2) break;
    }
    console.log(`Tab stops across the table: ${stops} for ${occurrences} listed duties`);
    expect(stops).toBe(occurrences);
  });

  it('jumps to an area and goes on from there with Tab', async () => {
    const page = await open('/roles');
    await page.locator('.theme-role-table-jump a', {hasText: 'Radiation safety'}).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.className ?? ''))
      .toContain('theme-role-table-area--radiation-safety');
    const box = await page.locator('tr.theme-role-table-area--radiation-safety th[scope="row"]').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual((await navbarHeight(page)) - 1);
    expect(box!.y).toBeLessThan(400);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({
      row: document.activeElement?.closest('tr')?.className ?? '',
      tag: document.activeElement?.tagName,
    }));
    expect(next).toMatchObject({tag: 'SUMMARY'});
    expect(next.row).toContain('theme-role-table-area--radiation-safety');
  });
});
