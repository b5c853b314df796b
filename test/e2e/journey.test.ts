/**
 * The patient's journey in Chromium: grouping the table by page and by
 * section (kept in the URL, through back, forward and reload), the journey
 * embedded in the spinal cord stimulator overview, a duty's text opened with
 * the keyboard, and the journey printed as a one-page handout.
 */
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {
  CONTROLS,
  JOURNEY_PAGE,
  distinct,
  param,
  statusNumbers,
  useDemoBrowser,
  visibleDuties,
  waitForControls,
  type ExportedEntry,
} from './browser.js';

const demo = useDemoBrowser();
const {open} = demo;

/**
 * The body rows: each header's label, its link, and the line above the
 * label (the page of a section), without the count.
 */
function rowHeaders(page: Page, table = '.theme-role-table'): Promise<{label: string; href: string | null; context: string}[]> {
  return page.locator(`${table} tbody th[scope="row"]`).evaluateAll((cells) =>
    cells.map((cell) => {
      const link = cell.querySelector('a.theme-role-table-row-link');
      // A section's page is on its line ("Glossary › A"); a page's categories above it.
      const page = cell.querySelector('.theme-role-table-row-page');
      const label = link ?? cell.querySelector('span')!;
      const above = link?.closest('th > div > span')?.previousElementSibling;
      return {
        label: label.textContent?.trim() ?? '',
        href: link?.getAttribute('href') ?? null,
        context: (page ?? above)?.textContent?.trim() ?? '',
      };
    }),
  );
}

/** Pages with duties, as the reader meets them in the sidebar. */
function pagesInReadingOrder(): {title: string; permalink: string}[] {
  const pages = new Map<string, ExportedEntry>();
  for (const entry of demo.entries) if (!pages.has(entry.permalink)) pages.set(entry.permalink, entry);
  // Docs, then each blog, then the pages (as roles.json lists them), each in its own order.
  const scopes: string[] = [];
  const scope = (entry: ExportedEntry): number => {
    const key = `${entry.kind}\0${entry.pluginId}\0${entry.version}`;
    if (!scopes.includes(key)) scopes.push(key);
    return scopes.indexOf(key);
  };
  for (const entry of demo.entries) scope(entry);
  return [...pages.values()]
    .sort((a, b) => scope(a) - scope(b) || a.pagePosition - b.pagePosition)
    .map((entry) => ({title: entry.pageTitle, permalink: entry.permalink}));
}

describe('grouping the comparison table', () => {
  it('switches to pages in sidebar order, keeps the choice in the URL through back, forward and reload', async () => {
    const page = await open('/roles');
    await waitForControls(page);
    const group = page.locator(CONTROLS.group);
    expect(await group.inputValue()).toBe('area');
    expect(await page.getByLabel('Group by').getAttribute('name')).toBe('group');

    await group.selectOption('page');
    await page.waitForURL((url) => url.searchParams.get('group') === 'page');
    const expected = pagesInReadingOrder().map(({title, permalink}) => ({label: title, href: permalink}));
    await expect.poll(async () => (await rowHeaders(page)).map(({label, href}) => ({label, href}))).toEqual(expected);
    expect(await page.locator('.theme-role-table thead th').first().textContent()).toBe('Page');
    // Still every duty, each once per role, and no page line under them.
    expect(distinct(await visibleDuties(page))).toHaveLength(demo.entries.length);
    expect(await page.locator('.theme-role-table-duty-page').count()).toBe(0);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('group'));
    await expect.poll(async () => (await rowHeaders(page))[0]?.label).toMatch(/^Imaging/);
    expect(await group.inputValue()).toBe('area');

    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('group') === 'page');
    await expect.poll(async () => (await rowHeaders(page)).length).toBe(expected.length);

    await page.reload();
    await waitForControls(page);
    expect(await page.locator(CONTROLS.group).inputValue()).toBe('page');
    await expect.poll(async () => (await rowHeaders(page)).map(({href}) => href)).toEqual(expected.map(({href}) => href));
  });

  it('groups by section: each row links to its heading, under its page, and counts follow the filters', async () => {
    const page = await open('/roles?group=section');
    await waitForControls(page);
    const sections = [...new Map(demo.entries.map((entry) => [`${entry.permalink}#${entry.sectionId ?? ''}`, entry])).values()];
    // The grouping from the URL applies once hydrated, in a background render.
    await expect.poll(async () => (await rowHeaders(page)).length).toBe(sections.length);
    const rows = await rowHeaders(page);
    for (const [index, entry] of sections.entries()) {
      expect(rows[index]).toEqual({
        label: entry.sectionTitle ?? entry.pageTitle,
        href: entry.sectionId === null ? entry.permalink : `${entry.permalink}#${entry.sectionId}`,
        context: entry.sectionId === null ? '' : entry.pageTitle,
      });
    }

    // A row header lands on its heading.
    const first = sections.find((entry) => entry.sectionId !== null)!;
    await page.locator(`.theme-role-table tbody th a[href="${first.permalink}#${first.sectionId}"]`).click();
    await page.waitForURL((url) => url.pathname === first.permalink && url.hash === `#${first.sectionId}`);
    await expect.poll(() => page.locator(`h2#${first.sectionId}, h3#${first.sectionId}`).isVisible()).toBe(true);
    await page.goBack();
    await waitForControls(page);

    // Filtered: only the sections with a matching duty, and their counts add up.
    await page.locator(CONTROLS.filter).fill('MRI');
    await page.waitForURL((url) => url.searchParams.get('q') === 'MRI');
    const matching = demo.entries.filter((entry) => /mri/i.test(`${entry.title} ${entry.text}`));
    await expect.poll(async () => distinct(await visibleDuties(page)).length).toBe(matching.length);
    const counts = await page
      .locator('.theme-role-table tbody tr:not([hidden]) th[scope="row"]')
      .evaluateAll((cells) => cells.map((cell) => Number(/(\d+) duties|One duty/.exec(cell.textContent ?? '')?.[1] ?? 1)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(matching.length);
    expect(counts).toHaveLength(new Set(matching.map((entry) => `${entry.permalink}#${entry.sectionId}`)).size);
    const {numbers} = await statusNumbers(page);
    expect(numbers).toEqual([matching.length, demo.entries.length]);
    expect(param(page, 'group')).toBe('section');
  });
});

describe('the journey on the spinal cord stimulator overview', () => {
  const journey = () => demo.entries.filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator/'));

  it('shows the steps as rows in reading order, the two imaging roles side by side and the physician last, shared duties as shared', async () => {
    const page = await open(JOURNEY_PAGE);
    const table = '.theme-role-table--by-page';
    expect(await page.locator(`${table} thead th`).allTextContents()).toEqual([
      'Step',
      expect.stringContaining('Radiologist'),
      expect.stringContaining('Radiologic technologist'),
      expect.stringContaining('Implanting physician'),
    ]);
    expect((await rowHeaders(page, table)).map(({label, href}) => [label, href])).toEqual([
      ['Before the procedure', '/spinal-cord-stimulator/before-the-procedure'],
      ['During placement', '/spinal-cord-stimulator/during-placement'],
      ['After placement', '/spinal-cord-stimulator/after-placement'],
    ]);
    const duties = await visibleDuties(page);
    expect(distinct(duties).sort()).toEqual(journey().map((entry) => `${entry.permalink}#${entry.id}`).sort());
    const shared = journey().filter((entry) => entry.roles.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const entry of shared) {
      const listed = duties.filter((duty) => duty.href === `${entry.permalink}#${entry.id}`);
      expect(listed.map((duty) => duty.shared)).toEqual([true, true]);
    }
    // A patient's view: no filter form, and no page line (the row says it).
    expect(await page.locator(`${table} form`).count()).toBe(0);
    expect(await page.locator(`${table} .theme-role-table-duty-page`).count()).toBe(0);
  });

  it("opens a duty's text from its title with the keyboard, as a disclosure screen readers announce, its link inside", async () => {
    const page = await open(JOURNEY_PAGE);
    const first = journey().find((entry) => entry.roles.includes('radiologist'))!;
    const duty = page.locator('.theme-role-table li.theme-role-table-duty').first();
    const details = duty.locator('details.theme-role-table-duty-text');
    // `innerText` is the text as rendered: a closed disclosure shows its summary (the title) only.
    const text = () => details.evaluate((element, body) => (element as HTMLElement).innerText.includes(body), first.text.slice(-40));
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await text()).toBe(false);
    expect(await duty.locator('summary .theme-role-table-duty-title').textContent()).toBe(first.title);

    // The title is the duty's one Tab stop.
    await duty.locator('summary').focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    const ax = async () => {
      const cdp = await page.context().newCDPSession(page);
      const {root} = await cdp.send('DOM.getDocument', {depth: 0});
      const {nodeId} = await cdp.send('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: '.theme-role-table li.theme-role-table-duty details > summary',
      });
      const {nodes} = await cdp.send('Accessibility.getPartialAXTree', {nodeId, fetchRelatives: false});
      const node = nodes[0]!;
      return {
        role: node.role?.value,
        name: String(node.name?.value ?? ''),
        expanded: node.properties?.find((property) => property.name === 'expanded')?.value.value,
      };
    };
    expect(await ax()).toMatchObject({role: 'DisclosureTriangle', expanded: false});
    expect((await ax()).name).toContain(first.title);

    await page.keyboard.press('Enter');
    await expect.poll(text).toBe(true);
    expect((await ax()).expanded).toBe(true);
    // Then Tab reaches the link to the callout, which names its page.
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => ({
      className: document.activeElement?.className,
      href: document.activeElement?.getAttribute('href'),
      text: document.activeElement?.textContent,
    }));
    expect(link.className).toContain('theme-role-table-duty-link');
    expect(link.href).toBe(`${first.permalink}#${first.id}`);
    expect(link.text).toContain(first.pageTitle);
    // Back on the title, Space closes it again.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect.poll(text).toBe(false);
  });
});
