/**
 * Performance FIGURE (not a pass/fail timing) on the large site's table page
 * (5,000 entries): first load, and each filter keystroke from keydown until
 * the DOM settles and the next frame is produced. Medians are written to
 * `test/.tmp/e2e-perf.json` and printed; the test only asserts that
 * filtering works.
 */
import {mkdirSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {inject} from 'vitest';
import {CONTROLS, launch, largeUrl, tmp, waitForControls, waitForHydration} from './browser.js';

const LOADS = 3;
/** Typed one key at a time: each digit narrows the table. */
const NARROW = ['4', '3', '2', '1'];
const WORD = ['d', 'o', 's', 'e'];

let browser: Browser;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  const chromium = browser?.version();
  await browser?.close();
  if (Object.keys(figures).length === 0) return;
  mkdirSync(tmp, {recursive: true});
  const file = path.join(tmp, 'e2e-perf.json');
  const report = {
    entries: inject('largeEntries'),
    chromium,
    // The figure depends on the machine: record how busy it was.
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    measuredAt: new Date().toISOString(),
    ...figures,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`performance figure (${path.relative(process.cwd(), file)}):\n${JSON.stringify(report, null, 2)}`);
});

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

/** Distinct duties currently visible in the table. */
function visibleCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const hrefs = new Set<string>();
    for (const duty of document.querySelectorAll<HTMLElement>('.theme-role-table li.theme-role-table-duty')) {
      if (duty.checkVisibility({visibilityProperty: true})) hrefs.add(duty.querySelector('a')?.getAttribute('href') ?? '');
    }
    return hrefs.size;
  });
}

interface Probe {
  keydown: number;
  /** Frame after the last mutation of the table's content (rows, duties, counts, status). */
  content: number;
  contentMutations: number;
  /** Frame after the last mutation of any kind (also the controls' own attributes). */
  any: number;
  anyMutations: number;
}

/**
 * Installs the probe: the keydown time, and the time of the frame after the
 * last DOM mutation (rAF, then a task: the frame has been produced). React
 * re-sets the controls' own attributes (`name`, `type`, `value`) on every
 * render, including the debounced URL update: those are not content.
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = {keydown: 0, content: 0, contentMutations: 0, any: 0, anyMutations: 0};
    (window as unknown as {__probe: Probe}).__probe = probe;
    const frame = (record: (now: number) => void): void => {
      requestAnimationFrame(() => setTimeout(() => record(performance.now())));
    };
    document.addEventListener(
      'keydown',
      (event) => {
        Object.assign(probe, {keydown: event.timeStamp, content: 0, contentMutations: 0, any: 0, anyMutations: 0});
      },
      {capture: true},
    );
    new MutationObserver((records) => {
      probe.anyMutations += records.length;
      frame((now) => (probe.any = now));
      const content = records.filter((record) => {
        const element = record.target instanceof Element ? record.target : record.target.parentElement;
        return record.type !== 'attributes' || !element?.closest('input, select, textarea, button, option');
      });
      if (content.length > 0) {
        probe.contentMutations += content.length;
        frame((now) => (probe.content = now));
      }
    }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  });
}

interface Settled {
  /** keydown → frame after the last content mutation; null when the table did not change. */
  contentMs: number | null;
  /** keydown → frame after the last mutation of any kind (includes the debounced URL update). */
  settledMs: number | null;
}

/**
 * Waits until the page has settled: no DOM mutation for `quietMs` (longer than
 * the filter's debounced URL update), and an idle callback has run (React's
 * deferred rendering keeps the main thread busy in small tasks, so no idle
 * period happens while it still has work).
 */
function awaitSettled(page: Page, quietMs = 700): Promise<Settled> {
  return page.evaluate(async (quiet) => {
    const probe = (window as unknown as {__probe: Probe}).__probe;
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const idle = (): Promise<void> => new Promise((resolve) => requestIdleCallback(() => resolve()));
    const deadline = performance.now() + 30_000;
    let last = -1;
    let since = performance.now();
    while (performance.now() < deadline) {
      await sleep(25);
      if (probe.anyMutations !== last) {
        last = probe.anyMutations;
        since = performance.now();
        continue;
      }
      if (performance.now() - since < quiet) continue;
      await idle();
      await sleep(50);
      if (probe.anyMutations === last) break;
    }
    const round = (ms: number): number => Math.round(ms * 10) / 10;
    return {
      contentMs: probe.contentMutations > 0 ? round(probe.content - probe.keydown) : null,
      settledMs: probe.anyMutations > 0 ? round(probe.any - probe.keydown) : null,
    };
  }, quietMs);
}

describe('performance figure on the large site', () => {
  it('records the first load of the table page', async () => {
    const html = path.join(inject('largeOutDir'), 'roles', 'index.html');
    const loads: {domContentLoaded: number; load: number; hydrated: number; controls: number | null}[] = [];
    for (let i = 0; i < LOADS; i += 1) {
      // A fresh context each time: an empty cache, as a first visit.
      const context = await browser.newContext({viewport: {width: 1280, height: 800}});
      const page = await context.newPage();
      try {
        await page.goto(largeUrl('/roles'), {waitUntil: 'load'});
        await waitForHydration(page);
        const hydrated = await page.evaluate(() => performance.now());
        const controls = await waitForControls(page)
          .then(() => page.evaluate(() => performance.now()))
          .catch(() => null);
        const navigation = await page.evaluate(() => {
          const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return {domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd};
        });
        loads.push({...navigation, hydrated, controls});
      } finally {
        await context.close();
      }
    }
    const pick = (key: keyof (typeof loads)[number]): number | null =>
      median(loads.map((load) => load[key]).filter((value): value is number => value !== null));
    figures.firstLoad = {
      htmlBytes: statSync(html).size,
      medianMs: {
        domContentLoaded: pick('domContentLoaded'),
        load: pick('load'),
        hydrated: pick('hydrated'),
        controlsReady: pick('controls'),
      },
      samples: loads.map((load) => Object.fromEntries(Object.entries(load).map(([k, v]) => [k, v === null ? null : Math.round(v)]))),
    };
    expect(loads).toHaveLength(LOADS);
  });

  it('records filter keystrokes at 5,000 entries (and checks that filtering works)', async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    try {
      await page.goto(largeUrl('/roles'));
      await waitForHydration(page);
      await waitForControls(page);
      const total = await visibleCount(page);
      expect(total).toBe(inject('largeEntries'));
      await installProbe(page);
      await page.locator(CONTROLS.filter).focus();

      // Narrowing digit by digit, widening back to all 5,000 (the worst case:
      // every row renders again), then a word whose later letters change nothing.
      const keys = [...NARROW, ...[...NARROW].map(() => 'Backspace'), ...WORD];
      const keystrokes: ({key: string; shown: number} & Settled)[] = [];
      for (const key of keys) {
        await page.keyboard.press(key);
        const settled = await awaitSettled(page);
        keystrokes.push({key, ...settled, shown: await visibleCount(page)});
      }
      const changed = keystrokes.filter((k) => k.contentMs !== null).map((k) => k.contentMs!);
      const settled = keystrokes.filter((k) => k.settledMs !== null).map((k) => k.settledMs!);
      const toAll = keystrokes[NARROW.length * 2 - 1]!;
      figures.keystroke = {
        keys: keys.join(' '),
        medianMs: median(changed),
        maxMs: changed.length ? Math.max(...changed) : null,
        keystrokesThatChangedTheTable: changed.length,
        backToAll5000Ms: toAll.contentMs,
        medianSettledMs: median(settled),
        samples: keystrokes,
        note:
          'medianMs: keydown → the frame after the last change of the table (rows, duties, status), over the ' +
          'keystrokes that changed it. medianSettledMs: until the last DOM mutation of any kind, including the ' +
          "filter's debounced URL update.",
      };

      // The only assertions: filtering works (the count changes), and clearing restores all.
      const narrowest = keystrokes[NARROW.length - 1]!.shown;
      expect(narrowest).toBeGreaterThan(0);
      expect(narrowest).toBeLessThan(total);
      expect(toAll.shown).toBe(total);
      expect(keystrokes.at(-1)!.shown).toBeLessThan(total);
    } finally {
      await context.close();
    }
  });
});
