/**
 * The Spanish table (`/es/roles`) in the browser: once hydrated, its controls,
 * live status and labels are Spanish; the text filter finds Spanish duties
 * with or without accents; a Spanish callout links to its row; the locale
 * dropdown switches between the English and Spanish tables.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {
  CONTROLS,
  DOC_PAGE,
  columnHeaders,
  demoUrl,
  distinct,
  launch,
  openPage,
  visibleDuties,
  waitForControls,
  waitForHydration,
  type ExportedEntry,
} from './browser.js';

let browser: Browser;
let entries: ExportedEntry[];

beforeAll(async () => {
  browser = await launch();
  const file = path.join(inject('demoOutDir'), 'es', 'roles.json');
  entries = (JSON.parse(readFileSync(file, 'utf8')) as {entries: ExportedEntry[]}).entries;
});

afterAll(async () => {
  await browser?.close();
});

describe('the Spanish table', () => {
  it('speaks Spanish once hydrated: controls, status, columns and rows', async () => {
    const {context, page, errors} = await openPage(browser, demoUrl('/es/roles'));
    try {
      await waitForControls(page);
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(await page.locator('h1').textContent()).toBe('Quién hace qué');
      expect(await page.getByLabel('Filtrar tareas').count()).toBe(1);
      expect(await page.locator(`${CONTROLS.roles} legend`).textContent()).toBe('Profesionales');
      expect(await page.locator(CONTROLS.reset).textContent()).toBe('Borrar filtros');
      expect(await page.locator(CONTROLS.status).textContent()).toBe(
        `Mostrando ${entries.length} de ${entries.length} tareas`,
      );
      expect(await columnHeaders(page)).toEqual([
        expect.stringContaining('Radiólogo'),
        expect.stringContaining('Tecnólogo radiológico'),
        expect.stringContaining('Médico implantador'),
      ]);
      expect(await page.locator('.theme-role-table tbody th[scope="row"]').first().textContent()).toContain(
        'Toma de imágenes',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('filters Spanish duties, ignoring accents and case', async () => {
    const {context, page} = await openPage(browser, demoUrl('/es/roles'));
    try {
      await waitForControls(page);
      // Typed in capitals and without accents, it still finds "radiografías".
      await page.locator(CONTROLS.filter).fill('RADIOGRAFIAS');
      const expected = entries.filter((entry) =>
        `${entry.title}\n${entry.text}`
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .includes('radiografias'),
      );
      expect(expected.length).toBeGreaterThan(0);
      await expect
        .poll(async () => distinct(await visibleDuties(page)).length)
        .toBe(expected.length);
      expect(await page.locator(CONTROLS.status).textContent()).toBe(
        `Mostrando ${expected.length} de ${entries.length} tareas`,
      );
    } finally {
      await context.close();
    }
  });

  it('links a Spanish callout to its highlighted row in the Spanish table', async () => {
    const {context, page} = await openPage(browser, demoUrl(`/es${DOC_PAGE}`));
    try {
      const link = page.locator('#captures-the-spine-images a.theme-role-callout-compare');
      expect(await link.textContent()).toContain('Comparar en la tabla');
      const href = (await link.getAttribute('href'))!;
      expect(href).toBe('/es/roles#role-es-spinal-cord-stimulator-during-placement--captures-the-spine-images');
      await link.click();
      await page.waitForURL((url) => url.pathname === '/es/roles');
      await page.waitForSelector(`li[id="${href.split('#')[1]}"].theme-role-table-duty--target`, {timeout: 10_000});
      expect(await page.locator('.theme-role-table-duty--target .theme-role-table-duty-title').textContent()).toBe(
        'Toma las imágenes de la columna',
      );
    } finally {
      await context.close();
    }
  });

  it('switches between the English and Spanish tables with the locale dropdown', async () => {
    const {context, page} = await openPage(browser, demoUrl('/roles'));
    try {
      await page.locator('.navbar .dropdown').filter({hasText: 'English'}).hover();
      await page.locator('.navbar .dropdown__menu a', {hasText: 'Español'}).click();
      await page.waitForURL((url) => url.pathname === '/es/roles');
      await waitForHydration(page);
      expect(await page.locator('h1').textContent()).toBe('Quién hace qué');
    } finally {
      await context.close();
    }
  });
});
