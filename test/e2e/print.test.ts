/**
 * On paper, as Chromium prints (`page.pdf()`, which fires `beforeprint` like
 * the print dialog), read back with PDF.js: the patient's handout (one sheet,
 * readable type, each duty once, the introduction, the checklist and the
 * footer, light in dark mode too) and the full table (headers and row names
 * on every sheet, no sheet of headers alone, pages named with their address).
 */
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {JOURNEY_PAGE, demoEntries, demoUrl, launch, openPage, type ExportedEntry} from './browser.js';
import {flatText, occurrences, readPdf, type PrintedSheet} from './pdf.js';

let browser: Browser;
let entries: ExportedEntry[];

beforeAll(async () => {
  browser = await launch();
  entries = demoEntries();
});

afterAll(async () => {
  await browser?.close();
});

/** The site's address and name, as the demo's config sets them. */
const SITE_URL = 'https://imaging-roles.example.org';
const SITE_TITLE = 'Who does what in imaging';

/** Text without any white space: a title wrapped over two lines (or at a hyphen) still reads as one. */
const squash = (text: string): string => text.replace(/\s+/g, '');

/** Prints a page of the demo site (US Letter unless said) and reads the sheets back. */
async function print(pathname: string, options: {colorScheme?: 'light' | 'dark'; format?: 'Letter' | 'A4'} = {}): Promise<{sheets: PrintedSheet[]; page: Page; close: () => Promise<void>}> {
  const {context, page} = await openPage(browser, demoUrl(pathname), {colorScheme: options.colorScheme ?? 'light'});
  const sheets = await readPdf(await page.pdf({format: options.format ?? 'Letter'}));
  return {sheets, page, close: () => context.close()};
}

describe('the patient handout of the journey', () => {
  const journey = () => entries.filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator/'));

  it.each(['Letter', 'A4'] as const)('prints on one %s sheet, in readable type, each duty once, with the introduction, the checklist and the footer', async (format) => {
    const {sheets, close} = await print(JOURNEY_PAGE, {format});
    try {
      expect(sheets, `${format} sheets`).toHaveLength(1);
      const text = flatText(sheets);
      expect(text).toContain('Your spinal cord stimulator, step by step');
      // The introduction and the checklist (`<RoleHandout>` parts), not the rest of the page.
      expect(text).toContain('Your doctor has suggested a spinal cord stimulator');
      expect(text).toContain('Before you go');
      expect(text).toContain('Bring your implant cards');
      expect(text).not.toContain('The three steps in detail');
      expect(text).not.toContain('Maria is 58');
      // Each duty once: its title, as many times as it has roles, and no text twice.
      for (const entry of journey()) {
        expect(occurrences(squash(text), squash(entry.title)), entry.title).toBe(entry.roles.length);
      }
      // The footer: the site, the page's address, the note.
      expect(text).toContain(SITE_TITLE);
      expect(text).toContain(`${SITE_URL}${JOURNEY_PAGE}`);
      expect(text).toContain('not medical advice');
      // Readable type: nothing under 9.5 pt (the footer), the body at 11 pt or more.
      const sizes = sheets.flatMap((sheet) => sheet.runs.map((run) => run.size));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9.5);
      const characters = sheets.flatMap((sheet) => sheet.runs).reduce((sum, run) => sum + run.text.length, 0);
      const readable = sheets.flatMap((sheet) => sheet.runs).filter((run) => run.size >= 11).reduce((sum, run) => sum + run.text.length, 0);
      expect(readable / characters).toBeGreaterThan(0.85);
    } finally {
      await close();
    }
  });

  it('prints the same light sheet when the site is in dark mode', async () => {
    const light = await print(JOURNEY_PAGE, {colorScheme: 'light'});
    const dark = await print(JOURNEY_PAGE, {colorScheme: 'dark'});
    try {
      expect(await dark.page.getAttribute('html', 'data-theme')).toBe('dark');
      expect(flatText(dark.sheets)).toBe(flatText(light.sheets));
      // Dark text on white paper: the printed colours of the title, the table and the checklist.
      await dark.page.emulateMedia({media: 'print'});
      const colours = await dark.page.evaluate(() =>
        ['.theme-doc-markdown h1', '.theme-role-table th', '.theme-role-table-duty-title', '.theme-role-handout li'].map((selector) => {
          const element = document.querySelector(selector)!;
          const rgb = getComputedStyle(element).color.match(/\d+(\.\d+)?/g)!.map(Number);
          return {selector, luminance: (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255};
        }),
      );
      for (const {selector, luminance} of colours) expect(luminance, selector).toBeLessThan(0.35);
    } finally {
      await light.close();
      await dark.close();
    }
  });
});

describe('the full table printed', () => {
  it('repeats the headers and the area on every sheet, starts filling the first sheet, and names each page with its address', async () => {
    const {sheets, close} = await print('/roles');
    try {
      const areas = ['Imaging', 'Interpretation', 'Patient care', 'Radiation safety', 'Procedure guidance', 'Reporting', 'General'];
      const text = flatText(sheets);
      // Every duty, with its title printed once per role.
      for (const entry of entries) expect(occurrences(squash(text), squash(entry.title)), entry.title).toBeGreaterThanOrEqual(1);
      // The first sheet holds duties, not only the headers.
      const firstDuty = entries.find((entry) => entry.area === 'imaging')!;
      expect(squash(flatText([sheets[0]!]))).toContain(squash(firstDuty.title));
      // Each sheet that holds duties starts them under an area's name and the roles' headers.
      for (const [index, sheet] of sheets.entries()) {
        const sheetText = flatText([sheet]);
        const holdsDuties = entries.some((entry) => squash(sheetText).includes(squash(entry.title)));
        if (!holdsDuties) continue;
        const area = areas.find((name) => sheetText.includes(name));
        expect(area, `sheet ${index + 1} names no area`).toBeDefined();
        expect(sheetText, `sheet ${index + 1}`).toContain('Radiologic technologist');
      }
      // Links mean something on paper: numbered pages, each with its title and full address; no bare paths.
      expect(text).toContain('Where each duty is explained');
      for (const permalink of new Set(entries.map((entry) => entry.permalink))) {
        expect(text.replace(/\s+/g, ''), permalink).toContain(`${SITE_URL}${permalink}`.replace(/\s+/g, ''));
      }
      expect(text).not.toMatch(/\(\/[a-z-]+(\/[a-z-]+)*\)/);
      console.log(`the full table prints on ${sheets.length} US Letter sheets`);
    } finally {
      await close();
    }
  });
});
