/**
 * A site with versioned docs, made as a new user makes one: a site with two
 * annotated docs, `docusaurus docs:version 1.0`, then the current docs
 * edited, then `docusaurus build`. The table page shows one version (the
 * last, as the docs do) and names it, each other version has its own table
 * page, the callouts link to the table of their own version, an embedded
 * table shows its page's version, and `roles.json` keeps every version.
 */
import {execFile} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {launch, repo, tmp, visibleDuties, waitForHydration, type ExportedEntry} from './browser.js';
import {serveStatic, type StaticServer} from './server.js';

const siteDir = path.join(tmp, 'versioned-site');
const outDir = path.join(siteDir, 'build');
const docusaurus = path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

const imaging = (extra: string) => `---
sidebar_position: 1
---

# Imaging

:::role[Protocols the exam]{of=radiologist area=imaging}
Picks the sequences for the question asked.
:::

:::role[Positions the patient]{of=technologist area=imaging}
Places the patient so that the images are sharp.
:::
${extra}`;

const overview = `---
sidebar_position: 2
---

# Overview

The duties of this version:

<RoleComparisonTable filters={false} />
`;

let browser: Browser;
let server: StaticServer;

/** A `docusaurus` command, run in `cwd` (`docs:version` takes no site folder: it works where it runs). */
async function run(args: string[], cwd = repo): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [docusaurus, ...args], {
      cwd,
      env: {...process.env, NO_COLOR: '1', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'},
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as {stdout?: string; stderr?: string};
    throw new Error(`docusaurus ${args[0]} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`, {cause: error});
  }
}

beforeAll(async () => {
  rmSync(siteDir, {recursive: true, force: true});
  mkdirSync(path.join(siteDir, 'docs'), {recursive: true});
  writeFileSync(
    path.join(siteDir, 'docusaurus.config.mjs'),
    `import {remarkRoles} from 'docusaurus-plugin-roles';
export default {
  title: 'Versioned',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
`,
  );
  // A home page, which the navbar's title links to.
  mkdirSync(path.join(siteDir, 'src', 'pages'), {recursive: true});
  writeFileSync(path.join(siteDir, 'src', 'pages', 'index.md'), '# Versioned\n\nA site with versioned docs.\n');
  writeFileSync(path.join(siteDir, 'docs', 'imaging.md'), imaging(''));
  writeFileSync(path.join(siteDir, 'docs', 'overview.mdx'), overview);
  await run(['docs:version', '1.0'], siteDir);
  // The next version goes on: one more duty.
  writeFileSync(
    path.join(siteDir, 'docs', 'imaging.md'),
    imaging(`
:::role[Checks the new scanner]{of=technologist area=imaging}
Runs the daily quality check.
:::
`),
  );
  await run(['build', siteDir, '--out-dir', outDir]);
  server = await serveStatic(outDir);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(pathname: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1280, height: 800}});
  await page.goto(`${server.url}${pathname}`);
  await waitForHydration(page);
  return page;
}

describe('versioned docs', () => {
  it('shows the last version on the table page, named, once per duty, with a link to the next version', async () => {
    const page = await open('/roles');
    const titles = (await visibleDuties(page)).map((duty) => duty.title).sort();
    expect(titles).toEqual(['Positions the patient', 'Protocols the exam']);
    expect(await page.locator('.theme-role-table tbody th').first().textContent()).toContain('2 duties');
    expect(await page.locator('.theme-role-table-caption-details').textContent()).toBe('Version: 1.0');
    const menu = page.locator('nav.theme-roles-versions');
    expect(await menu.locator('[aria-current="page"]').textContent()).toBe('1.0');
    expect(await menu.locator('a').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([
      ['Next', '/roles/next'],
    ]);
    await page.close();
  });

  it('gives the next version its own table page', async () => {
    const page = await open('/roles/next');
    const duties = await visibleDuties(page);
    expect(duties.map((duty) => duty.title).sort()).toEqual(['Checks the new scanner', 'Positions the patient', 'Protocols the exam']);
    expect(duties.every((duty) => duty.href.startsWith('/docs/next/'))).toBe(true);
    expect(await page.locator('.theme-role-table-caption-details').textContent()).toBe('Version: Next');
    await page.close();
  });

  it("links each callout to its own version's table, and an embedded table shows its page's version", async () => {
    for (const [doc, table] of [
      ['/docs/imaging', '/roles#role-docs-imaging--protocols-the-exam'],
      ['/docs/next/imaging', '/roles/next#role-docs-next-imaging--protocols-the-exam'],
    ] as const) {
      const page = await open(doc);
      expect(await page.locator('#protocols-the-exam a.theme-role-callout-compare').getAttribute('href')).toBe(table);
      // The row is there, on that table page.
      await page.locator('#protocols-the-exam a.theme-role-callout-compare').click();
      await page.waitForSelector(`[id="${table.split('#')[1]}"].theme-role-table-duty--target`);
      await page.close();
    }
    for (const [doc, count] of [
      ['/docs/overview', 2],
      ['/docs/next/overview', 3],
    ] as const) {
      const page = await open(doc);
      expect((await visibleDuties(page)).length, doc).toBe(count);
      await page.close();
    }
  });

  it('keeps every version in roles.json', () => {
    const exported = JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as {entries: ExportedEntry[]};
    expect(exported.entries.map((entry) => `${entry.version} ${entry.title}`).sort()).toEqual([
      '1.0 Positions the patient',
      '1.0 Protocols the exam',
      'current Checks the new scanner',
      'current Positions the patient',
      'current Protocols the exam',
    ]);
  });
});
