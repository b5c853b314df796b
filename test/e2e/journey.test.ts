/**
 * The patient's journey in Chromium: grouping the table by page and by
 * section (kept in the URL, through back, forward and reload), the journey
 * embedded in the spinal cord stimulator overview, a duty's text opened with
 * the keyboard, and the journey printed as a one-page handout.
 */
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {
  CONTROLS,
  JOURNEY_PAGE,
  demoEntries,
  demoUrl,
  distinct,
  launch,
  openPage,
  param,
  statusNumbers,
  visibleDuties,
  waitForControls,
  type ExportedEntry,
} from './browser.js';

let browser: Browser;
let context: BrowserContext | undefined;
let entries: ExportedEntry[];

beforeAll(async () => {
  browser = await launch();
  entries = demoEntries();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

async function open(pathname: string, options: Parameters<typeof openPage>[2] = {}): Promise<Page> {
  const opened = await openPage(browser, demoUrl(pathname), options);
  context = opened.context;
  return opened.page;
}

/**
 * The body rows: each header's label, its link, and the line above the
 * label (the page of a section), without the count.
 */
function rowHeaders(page: Page, table = '.theme-role-table'): Promise<{label: string; href: string | null; context: string}[]> {
  return page.locator(`${table} tbody th[scope="row"]`).evaluateAll((cells) =>
    cells.map((cell) => {
      const link = cell.querySelector('a.theme-role-table-row-link');
      const label = link?.parentElement ?? cell.querySelector('span')!;
      return {
        label: label.textContent?.trim() ?? '',
        href: link?.getAttribute('href') ?? null,
        context: label.previousElementSibling?.textContent?.trim() ?? '',
      };
    }),
  );
}

/** Pages with duties, as the reader meets them in the sidebar. */
function pagesInReadingOrder(): {title: string; permalink: string}[] {
  const pages = new Map<string, ExportedEntry>();
  for (const entry of entries) if (!pages.has(entry.permalink)) pages.set(entry.permalink, entry);
  // Docs, then each blog, then the pages (as roles.json lists them), each in its own order.
  const scopes: string[] = [];
  const scope = (entry: ExportedEntry): number => {
    const key = `${entry.kind}\0${entry.pluginId}\0${entry.version}`;
    if (!scopes.includes(key)) scopes.push(key);
    return scopes.indexOf(key);
  };
  for (const entry of entries) scope(entry);
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
    expect(distinct(await visibleDuties(page))).toHaveLength(entries.length);
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
    const rows = await rowHeaders(page);
    const sections = [...new Map(entries.map((entry) => [`${entry.permalink}#${entry.sectionId ?? ''}`, entry])).values()];
    expect(rows).toHaveLength(sections.length);
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
    const matching = entries.filter((entry) => /mri/i.test(`${entry.title} ${entry.text}`));
    await expect.poll(async () => distinct(await visibleDuties(page)).length).toBe(matching.length);
    const counts = await page
      .locator('.theme-role-table tbody tr:not([hidden]) th[scope="row"]')
      .evaluateAll((cells) => cells.map((cell) => Number(/(\d+) duties|One duty/.exec(cell.textContent ?? '')?.[1] ?? 1)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(matching.length);
    expect(counts).toHaveLength(new Set(matching.map((entry) => `${entry.permalink}#${entry.sectionId}`)).size);
    const {numbers} = await statusNumbers(page);
    expect(numbers).toEqual([matching.length, entries.length]);
    expect(param(page, 'group')).toBe('section');
  });
});

describe('the journey on the spinal cord stimulator overview', () => {
  const journey = () => entries.filter((entry) => entry.permalink.startsWith('/spinal-cord-stimulator/'));

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

  it("opens a duty's text with the keyboard, as a disclosure screen readers announce", async () => {
    const page = await open(JOURNEY_PAGE);
    const first = journey().find((entry) => entry.roles.includes('radiologist'))!;
    const duty = page.locator('.theme-role-table li.theme-role-table-duty').first();
    const details = duty.locator('details.theme-role-table-duty-text');
    // `innerText` is the text as rendered: a closed disclosure shows its summary only.
    const text = () => details.evaluate((element, body) => (element as HTMLElement).innerText.includes(body), first.text);
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await text()).toBe(false);

    // From the duty's link, Tab reaches its disclosure.
    await duty.locator('a').first().focus();
    await page.keyboard.press('Tab');
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
        name: node.name?.value,
        expanded: node.properties?.find((property) => property.name === 'expanded')?.value.value,
      };
    };
    expect(await ax()).toEqual({role: 'DisclosureTriangle', name: `Read more: ${first.title}`, expanded: false});

    await page.keyboard.press('Enter');
    await expect.poll(text).toBe(true);
    expect(await details.textContent()).toContain(first.text);
    expect((await ax()).expanded).toBe(true);
    // The focus stays on the control; Space closes it again.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Space');
    await expect.poll(text).toBe(false);
  });

  it('prints as a one-page handout: the title and the table, each duty with its first sentence, nothing else', async () => {
    const page = await open(JOURNEY_PAGE);
    await page.emulateMedia({media: 'print'});
    const shown = (selector: string) =>
      page.locator(selector).evaluateAll((elements) => elements.map((element) => element.checkVisibility()));
    for (const selector of [
      'nav.navbar',
      '.theme-doc-sidebar-container',
      '.theme-doc-toc-desktop',
      '.theme-doc-breadcrumbs',
      'footer.footer',
      '.pagination-nav',
      // The page's other content: its prose, lists and admonition.
      '.theme-doc-markdown > p',
      '.theme-doc-markdown > ul',
      '.theme-doc-markdown > h2',
      '.theme-doc-markdown > .theme-admonition',
      // The table's controls and counts.
      '.theme-role-table details > summary',
      '.theme-role-table tfoot',
    ]) {
      expect(await shown(selector), `${selector} is printed`).not.toContain(true);
    }
    expect(await page.locator('.theme-doc-markdown h1').isVisible()).toBe(true);
    expect(await page.locator('.theme-role-table table').isVisible()).toBe(true);
    // Every duty of the journey, with its text open: its first sentence only.
    const printed = await page.locator('.theme-role-table li.theme-role-table-duty').evaluateAll((items) =>
      items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    expect(printed).toHaveLength(journey().reduce((sum, entry) => sum + entry.roles.length, 0));
    for (const entry of journey()) {
      const line = printed.find((each) => each.startsWith(entry.title))!;
      expect(line, entry.title).toBeDefined();
      const firstSentence = /^.+?[.!?](?=\s+[A-Z]|$)/.exec(entry.text)![0];
      expect(line).toContain(firstSentence);
      if (firstSentence.length < entry.text.length) expect(line).not.toContain(entry.text);
    }
    // One sheet, on US Letter and on A4.
    for (const format of ['Letter', 'A4'] as const) {
      const pdf = await page.pdf({format});
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages, `${format} pages`).toHaveLength(1);
    }
  });
});
