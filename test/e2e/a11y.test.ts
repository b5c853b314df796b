/**
 * axe-core on the table page (in English and Spanish) and on an annotated doc
 * page, in light and dark mode: no `serious` or `critical` violation. Every violation (of any impact)
 * is summarised in `test/.tmp/e2e-axe.json` and printed.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CONTROLS, DOC_PAGE, JOURNEY_PAGE, demoUrl, launch, openPage, tmp} from './browser.js';

interface ViolationSummary {
  id: string;
  impact: string | null;
  count: number;
  help: string;
  targets: string[];
}

interface PageSummary {
  page: string;
  mode: 'light' | 'dark';
  axe: string;
  /** Rules that passed, and that needed a human (`incomplete`): for context. */
  passes: number;
  incomplete: string[];
  violations: ViolationSummary[];
}

const summary: PageSummary[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  const byImpact: Record<string, Record<string, number>> = {light: {}, dark: {}};
  for (const {mode, violations} of summary) {
    for (const violation of violations) {
      const impacts = (byImpact[mode] ??= {});
      const impact = violation.impact ?? 'unknown';
      impacts[impact] = (impacts[impact] ?? 0) + violation.count;
    }
  }
  mkdirSync(tmp, {recursive: true});
  const file = path.join(tmp, 'e2e-axe.json');
  writeFileSync(file, `${JSON.stringify({byImpact, pages: summary}, null, 2)}\n`);
  console.log(`axe summary (${path.relative(process.cwd(), file)}):\n${JSON.stringify({byImpact, pages: summary}, null, 2)}`);
});

describe.each(['light', 'dark'] as const)('axe-core in %s mode', (mode) => {
  it.each(['/roles', '/roles?group=section', '/es/roles', DOC_PAGE, JOURNEY_PAGE])('has no serious or critical violations on %s', async (pathname) => {
    // The site follows prefers-color-scheme (`respectPrefersColorScheme`).
    const {context, page} = await openPage(browser, demoUrl(pathname), {colorScheme: mode});
    try {
      expect(await page.getAttribute('html', 'data-theme')).toBe(mode);
      if (/^(\/es)?\/roles/.test(pathname)) {
        // Audit the hydrated page, controls included, when the theme has them.
        await page.waitForSelector(CONTROLS.filter, {timeout: 5_000}).catch(() => undefined);
      }
      // And a duty's text opened, as a reader would.
      const disclosure = page.locator('.theme-role-table details > summary');
      if ((await disclosure.count()) > 0) await disclosure.first().click();
      const results = await new AxeBuilder({page}).analyze();
      const violations = results.violations.map(
        (violation): ViolationSummary => ({
          id: violation.id,
          impact: violation.impact ?? null,
          count: violation.nodes.length,
          help: violation.help,
          targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
        }),
      );
      summary.push({
        page: pathname,
        mode,
        axe: results.testEngine.version,
        passes: results.passes.length,
        incomplete: results.incomplete.map((rule) => rule.id),
        violations,
      });
      const severe = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(severe, JSON.stringify(severe, null, 2)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
