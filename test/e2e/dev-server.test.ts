/**
 * Under `docusaurus start`, editing a doc updates its callout and the table
 * without a restart: the aggregator reruns when the docs plugin reloads, and
 * the page recompiles. A handoff declared on one page shows on the other
 * page too, which did not change (its handoffs module did). An invalid
 * annotation is said once per change in the terminal, without a stack
 * trace, and the server goes on. A small site is written to
 * `test/.tmp/dev-site` so the edit never touches the repository's docs.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {launch, repo, tmp} from './browser.js';

const siteDir = path.join(tmp, 'dev-site');
const docFile = path.join(siteDir, 'docs', 'imaging.md');
const doc = (title: string, attributes = '') =>
  `# Imaging\n\n:::role[${title}]{of=technologist area=imaging${attributes}}\nPositions the patient.\n:::\n`;
const readingFile = path.join(siteDir, 'docs', 'reading.md');
/** More duties in one cell than the table paints first (`FIRST_PAINT_DUTIES`), in another area. */
const MANY = 30;
const many = `# Reporting\n\n${Array.from({length: MANY}, (_, index) => `:::role[Reports finding ${index + 1}]{of=radiologist area=reporting}\nWrites it down.\n:::\n`).join('\n')}`;

let server: ChildProcess;
let browser: Browser;
let base: string;
/** Everything the dev server printed so far. */
let output = '';

/**
 * Save `content` to the doc as an editor's safe write does: whole, by a
 * rename. Docusaurus's watcher (chokidar) drops a path's second change event
 * within 50 ms, so an in-place write seen half-done (the file truncated, not
 * yet written) reloads the docs from an empty file and is never read again:
 * on a loaded machine the table then keeps the old duty for good.
 */
function edit(content: string): void {
  const draft = path.join(siteDir, '.draft.md');
  writeFileSync(draft, content);
  renameSync(draft, docFile);
}

/** A free localhost port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as {port: number};
      probe.close(() => resolve(port));
    });
  });
}

/** Reload `url` until `selector` shows `text` (the dev server rebuilds in the background). */
async function expectEventually(page: Page, url: string, selector: string, text: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    await page.goto(url);
    const found = await page
      .waitForFunction(
        ([css, wanted]) => [...document.querySelectorAll(css!)].some((element) => element.textContent?.includes(wanted!)),
        [selector, text] as const,
        {timeout: 5_000},
      )
      .then(() => true, () => false);
    if (found) return;
    if (Date.now() > deadline) {
      // What the server said helps tell a missed reload from a failed one.
      throw new Error(`"${text}" never appeared in ${selector} at ${url}; the dev server's last output:\n${output.slice(-6000)}`);
    }
  }
}

beforeAll(async () => {
  rmSync(siteDir, {recursive: true, force: true});
  mkdirSync(path.dirname(docFile), {recursive: true});
  writeFileSync(
    path.join(siteDir, 'docusaurus.config.mjs'),
    `import {remarkRoles} from 'docusaurus-plugin-roles';
export default {
  title: 'Dev server',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
`,
  );
  writeFileSync(docFile, doc('Captures the images'));
  writeFileSync(path.join(siteDir, 'docs', 'reporting.md'), many);
  writeFileSync(readingFile, '# Reading\n\n:::role[Reads the images]{of=radiologist area=interpretation}\nWrites the report.\n:::\n');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'start', siteDir, '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {cwd: repo, env: {...process.env, NODE_ENV: 'development', BROWSER: 'none', NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe'], detached: true},
  );
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/compiled successfully/.test(output)) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`docusaurus start exited (${code}):\n${output}`)));
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  // The dev server spawns workers: end the whole process group.
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

describe('docusaurus start', () => {
  it('shows an edited duty in its callout and in the table without a restart', async () => {
    const page = await browser.newPage();
    await expectEventually(page, `${base}/roles`, '.theme-role-table-duty-title', 'Captures the images');
    await expectEventually(page, `${base}/imaging`, '.theme-role-callout', 'Captures the images');

    edit(doc('Captures the spine images'));

    await expectEventually(page, `${base}/imaging`, '.theme-role-callout', 'Captures the spine images');
    await expectEventually(page, `${base}/roles`, '.theme-role-table-duty-title', 'Captures the spine images');
    const links = await page.$$eval('.theme-role-table a.theme-role-table-duty-link[href^="/imaging"]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(['/imaging#captures-the-spine-images']);
    await page.close();
  });

  it('shows a handoff declared on one page on both pages, the other one unchanged', async () => {
    const page = await browser.newPage();
    await expectEventually(page, `${base}/reading`, '.theme-role-callout', 'Reads the images');
    expect(await page.locator('.theme-role-handoffs').count()).toBe(0);

    edit(doc('Captures the spine images', ' hands-to="./reading.md#reads-the-images"'));

    // reading.md did not change: its callout learns it comes after the images.
    await expectEventually(page, `${base}/reading`, '.theme-role-handoffs-follows', 'Captures the spine images');
    await expectEventually(page, `${base}/imaging`, '.theme-role-handoffs-hands-to', 'Reads the images');
    await expectEventually(page, `${base}/roles`, '.theme-role-table-handoffs', 'Reads the images');

    // And forgets it when the link goes.
    edit(doc('Captures the spine images'));
    await expectEventually(page, `${base}/imaging`, '.theme-role-callout', 'Captures the spine images');
    await expect
      .poll(
        async () => {
          await page.goto(`${base}/reading`);
          await page.waitForSelector('.theme-role-callout');
          return page.locator('.theme-role-handoffs').count();
        },
        {timeout: 90_000, interval: 2_000},
      )
      .toBe(0);
    await page.close();
  });

  it('paints the first duties of a long table at once, then renders every duty (no server HTML to hydrate)', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/roles`);
    await page.waitForSelector('.theme-role-table-duty-title');
    await expect
      .poll(() => page.locator('.theme-role-table tr.theme-role-table-area--reporting li.theme-role-table-duty').count(), {timeout: 30_000})
      .toBe(MANY);
    await page.close();
  });

  it('says an invalid annotation once per change, positioned, without a stack trace', async () => {
    const problem = 'docs/imaging.md:3:1: Unknown role `pharmacist`, expected one of: radiologist, technologist';
    const broken = (title: string) => `# Imaging\n\n:::role[${title}]{of=pharmacist area=imaging}\nPrepares the contrast.\n:::\n`;

    // Each change: what the server printed until its next compile ended.
    const change = async (content: string): Promise<string> => {
      const start = output.length;
      edit(content);
      const deadline = Date.now() + 90_000;
      while (!/compiled (successfully|with \d+ errors?)/.test(output.slice(start))) {
        if (Date.now() > deadline) throw new Error(`no compile after the change:\n${output.slice(start)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The plugin reload may end after the compile: let it print, if it does.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return output.slice(start);
    };

    for (const title of ['Prepares the contrast', 'Prepares the iodinated contrast']) {
      const said = await change(broken(title));
      expect(said.split(problem).length - 1, said).toBe(1);
      expect(said).toContain(`[ERROR] ${problem}`);
      expect(said).not.toMatch(/^\s*(│\s*)?at .+[:(]/m);
      expect(said).not.toContain('Site plugin reload failure');
      // The server goes on: the page shows the callout, with no row to link to.
      const page = await browser.newPage();
      await expectEventually(page, `${base}/imaging`, '.theme-role-callout', title);
      expect(await page.locator('.theme-role-callout-compare').count()).toBe(0);
      await page.close();
    }
    const fixed = await change(doc('Captures the images'));
    expect(fixed).not.toContain('pharmacist');
    const after = await browser.newPage();
    await expectEventually(after, `${base}/imaging`, '.theme-role-callout', 'Captures the images');
    await after.close();
  });
});
