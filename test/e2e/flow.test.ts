/**
 * The journey as a flow, in Chromium: the spinal cord stimulator overview
 * (the embedded journey) and the table page grouped by page.
 *
 * - on a desktop, each card sits in its role's lane and each arrow runs from
 *   the centre of the giver's lane to the centre of the receiver's;
 * - on a 390 px phone, the lanes fold into one column: nothing scrolls
 *   sideways, every card and arrow label is readable;
 * - without JavaScript, the same flow is in the page;
 * - printed, it keeps its cards, arrows and words, in black;
 * - a screen reader reads it in order, in words (the arrows are hidden from
 *   it), the keyboard reaches every link in that order with a visible focus;
 * - axe finds nothing in it, in light and dark mode.
 *
 * What the flow should show is read from the build's `roles.json`.
 */
import AxeBuilder from '@axe-core/playwright';
import {describe, expect, it} from 'vitest';
import {JOURNEY_PAGE, useDemoBrowser, waitForControls, type ExportedEntry} from './browser.js';

const FLOW = 'figure.theme-role-flow';
const PHONE = {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true};

const demo = useDemoBrowser();
const {open} = demo;

/** The journey's duties that hand work over or receive it, in reading order. */
function journeyCards(): ExportedEntry[] {
  return demo.entries.filter(
    (entry) => entry.permalink.startsWith('/spinal-cord-stimulator') && entry.follows.length + entry.handsTo.length > 0,
  );
}

/** Every handoff inside the journey. */
function journeyLinks(): number {
  const inside = new Set(journeyCards().map((entry) => `${entry.permalink}#${entry.id}`));
  return journeyCards().reduce((sum, entry) => sum + entry.follows.filter((key) => inside.has(key)).length, 0);
}

describe('the embedded journey', () => {
  it('has the handoffs of the demo to draw', () => {
    // Screening, the MRI, its reading and report, the plan, the placement, the follow-up, the report.
    expect(journeyCards().length).toBeGreaterThanOrEqual(12);
    expect(journeyLinks()).toBeGreaterThanOrEqual(12);
  });

  it('puts each card in its role lane, and runs each arrow from lane centre to lane centre', async () => {
    const page = await open(JOURNEY_PAGE);
    const layout = await page.locator(FLOW).evaluate((flow) => {
      const lanes = [...flow.querySelectorAll('.theme-role-flow-lanes > *')].map((lane) => {
        const box = lane.getBoundingClientRect();
        return {role: lane.textContent?.trim() ?? '', left: box.left, right: box.right};
      });
      const cards = [...flow.querySelectorAll('li.theme-role-flow-duty')].map((duty) => {
        const card = duty.querySelector(':scope > div:not(.theme-role-flow-arrow)')!;
        const box = card.getBoundingClientRect();
        return {
          roles: [...card.querySelectorAll('.theme-role-badge')].map((badge) => badge.textContent?.trim() ?? ''),
          left: box.left,
          right: box.right,
          arrows: [...duty.querySelectorAll('.theme-role-flow-arrow')].map((arrow) => {
            const track = arrow.querySelector('span')!.getBoundingClientRect();
            return {left: track.left, right: track.right, width: track.width, down: track.width > 0 && arrow.className.includes('down')};
          }),
        };
      });
      return {lanes, cards};
    });
    expect(layout.lanes.map((lane) => lane.role)).toEqual(['Radiologist', 'Radiologic technologist', 'Implanting physician']);
    const centre = (lane: {left: number; right: number}) => (lane.left + lane.right) / 2;
    const centres = layout.lanes.map(centre);
    for (const card of layout.cards) {
      // A card covers exactly its roles' lanes.
      const covered = layout.lanes.filter((lane) => centre(lane) > card.left && centre(lane) < card.right).map((lane) => lane.role);
      expect(covered.length).toBeGreaterThanOrEqual(1);
      for (const role of card.roles) expect(covered).toContain(role);
      for (const arrow of card.arrows) {
        if (arrow.down) continue;
        // Both ends of a sideways arrow are lane centres.
        expect(Math.min(...centres.map((x) => Math.abs(x - arrow.left)))).toBeLessThan(3);
        expect(Math.min(...centres.map((x) => Math.abs(x - arrow.right)))).toBeLessThan(3);
      }
    }
    expect(layout.cards).toHaveLength(journeyCards().length);
    expect(layout.cards.reduce((sum, card) => sum + card.arrows.length, 0)).toBe(journeyLinks());
  });

  it('folds into one readable column on a 390 px phone, without scrolling sideways', async () => {
    const page = await open(JOURNEY_PAGE, PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const layout = await page.locator(FLOW).evaluate((flow) => ({
      lanes: (flow.querySelector('.theme-role-flow-lanes') as HTMLElement).checkVisibility(),
      boxes: [...flow.querySelectorAll('li.theme-role-flow-duty > div, .theme-role-flow-arrow > span:last-child')].map((element) => {
        const box = element.getBoundingClientRect();
        return {text: element.textContent?.trim() ?? '', left: box.left, right: box.right, width: box.width};
      }),
      overflow: flow.scrollWidth - flow.clientWidth,
    }));
    expect(layout.lanes).toBe(false);
    expect(layout.overflow).toBeLessThanOrEqual(0);
    for (const box of layout.boxes) {
      expect(box.left, box.text).toBeGreaterThanOrEqual(0);
      expect(box.right, box.text).toBeLessThanOrEqual(390);
    }
    // Cards take the column's width: titles wrap, they are not squeezed into a lane.
    const cards = layout.boxes.filter((box) => box.width > 0 && !box.text.startsWith('from '));
    for (const card of cards) expect(card.width).toBeGreaterThan(250);
  });

  it('is the same flow without JavaScript', async () => {
    const withScript = await open(JOURNEY_PAGE);
    const hydrated = await withScript.locator(FLOW).innerHTML();
    await withScript.context().close();
    const page = await open(JOURNEY_PAGE, {javaScriptEnabled: false});
    expect(await page.locator(FLOW).isVisible()).toBe(true);
    expect(await page.locator(FLOW).innerHTML()).toBe(hydrated);
    const links = await page.locator(`${FLOW} a`).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    for (const entry of journeyCards()) expect(links).toContain(`${entry.permalink}#${entry.id}`);
  });

  it('reads in order to a screen reader: each step, then each duty with what it comes after and hands over to', async () => {
    const page = await open(JOURNEY_PAGE);
    const tree = await page.locator(FLOW).ariaSnapshot();
    expect(tree).toMatch(/^- figure "How the work is handed over, step by step"/);
    // No arrow label reaches the reader: the cards say it in words.
    expect(tree).not.toMatch(/- text: from /);
    // The cards as the eye meets them: top to bottom.
    const shown = await page.locator(`${FLOW} li.theme-role-flow-duty`).evaluateAll((duties) =>
      duties
        .map((duty) => ({title: duty.querySelector(':scope > div:not(.theme-role-flow-arrow) a')!.textContent!, top: duty.getBoundingClientRect().top}))
        .sort((a, b) => a.top - b.top)
        .map((duty) => duty.title),
    );
    expect([...shown].sort()).toEqual(journeyCards().map((entry) => entry.title).sort());
    const byTitle = new Map(journeyCards().map((entry) => [entry.title, entry]));
    const byKey = new Map(demo.entries.map((other) => [`${other.permalink}#${other.id}`, other]));
    let at = 0;
    for (const title of shown) {
      const found = tree.indexOf(`link "${title}"`, at);
      expect(found, `${title} read in the order shown`).toBeGreaterThan(at);
      at = found;
      // Right after its title, what it comes after and hands over to, in words.
      const entry = byTitle.get(title)!;
      const next = tree.indexOf('link "', at + 1);
      const words = tree.slice(at, next === -1 ? undefined : next);
      if (entry.follows.length > 0) expect(words).toContain(`Comes after: ${byKey.get(entry.follows[0]!)!.title}`);
      if (entry.handsTo.length > 0) expect(words).toContain(`Hands over to: ${byKey.get(entry.handsTo[0]!)!.title}`);
    }
  });

  it('takes the keyboard through every link in reading order, with a visible focus', async () => {
    const page = await open(JOURNEY_PAGE);
    const expected = await page.locator(`${FLOW} a`).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    // Focus the element just before the flow, then tab through it.
    await page.locator(FLOW).evaluate((flow) => {
      const before = document.createElement('button');
      before.textContent = 'start';
      flow.before(before);
      before.focus();
    });
    const reached: string[] = [];
    for (const _ of expected) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(async () => {
        // Wait for the (smooth) scroll that brings the focused link into view.
        const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
        for (let last = -1, stable = 0; stable < 5; await frame()) {
          stable = window.scrollY === last ? stable + 1 : 0;
          last = window.scrollY;
        }
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          href: element.getAttribute('href'),
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
          // Within a pixel: the browser scrolls by whole pixels.
          onScreen: box.top >= -1 && box.bottom <= window.innerHeight + 1 && box.height >= 16,
        };
      });
      expect(focused.ring, `focus ring on ${focused.href}`).toBe(true);
      expect(focused.onScreen, `${focused.href} scrolled into view`).toBe(true);
      reached.push(focused.href ?? '');
    }
    expect(reached).toEqual(expected);
  });

  it.each(['light', 'dark'] as const)('has no axe violation in %s mode', async (mode) => {
    const page = await open(JOURNEY_PAGE, {colorScheme: mode});
    expect(await page.getAttribute('html', 'data-theme')).toBe(mode);
    const results = await new AxeBuilder({page}).include(FLOW).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
  });

  it('stays on screen when the journey prints as a one-page handout', async () => {
    const page = await open(JOURNEY_PAGE);
    await page.emulateMedia({media: 'print'});
    expect(await page.locator(FLOW).isVisible()).toBe(false);
    expect(await page.locator('.theme-role-table-handoffs').evaluateAll((items) => items.some((item) => (item as HTMLElement).checkVisibility()))).toBe(false);
  });
});

describe('the table page grouped by page', () => {
  it('draws the flow of the whole site above the table, and prints it in black', async () => {
    const page = await open('/roles?group=page');
    await waitForControls(page);
    await page.waitForSelector(FLOW);
    const cards = await page.locator(`${FLOW} li.theme-role-flow-duty`).count();
    expect(cards).toBe(demo.entries.filter((entry) => entry.follows.length + entry.handsTo.length > 0).length);

    await page.emulateMedia({media: 'print'});
    const printed = await page.locator(FLOW).evaluate((flow) => {
      const line = flow.querySelector('.theme-role-flow-arrow span')!;
      return {
        shown: (flow as HTMLElement).checkVisibility(),
        line: getComputedStyle(line, '::before').borderLeftColor,
        cards: [...flow.querySelectorAll('li.theme-role-flow-duty')].every((duty) => (duty as HTMLElement).checkVisibility()),
        steps: [...flow.querySelectorAll('.theme-role-flow-step')].map((step) => getComputedStyle(step).breakInside),
      };
    });
    expect(printed).toMatchObject({shown: true, line: 'rgb(0, 0, 0)', cards: true});
    expect(new Set(printed.steps)).toEqual(new Set(['avoid']));
    const pdf = await page.pdf({format: 'Letter'});
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it('has no flow when grouped by area, and every duty lists its handoffs in the table', async () => {
    const page = await open('/roles');
    await waitForControls(page);
    expect(await page.locator(FLOW).count()).toBe(0);
    // Every duty is rendered once the table has painted its first ones.
    const expected = demo.entries.reduce((sum, entry) => sum + (entry.follows.length + entry.handsTo.length > 0 ? entry.roles.length : 0), 0);
    await expect.poll(() => page.locator('.theme-role-table-handoffs').count(), {timeout: 30_000}).toBe(expected);
  });
});
