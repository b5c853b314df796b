/**
 * What a built site must show once the plugin is installed and configured
 * as the README says, whatever the Docusaurus version and swizzles: the
 * callouts of the demo doc, the embedded table and summary, the table page,
 * and `roles.json`/`roles.csv` at the output root; and the roles commands.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {expect} from 'vitest';
import {DEMO_DOC, builtPage, npmRun, wrapperClass, type Site} from './site.js';

/** Id of a duty's row in the table, as `tableRowId` makes it for the demo doc. */
const rowId = (id: string): string => `role-docs-roles-demo--${id}`;

export function expectRolesBuilt(site: Site): void {
  const ids = [...DEMO_DOC.ids];
  const doc = builtPage(site, DEMO_DOC.permalink);

  const callouts = doc('aside.theme-role-callout');
  expect(callouts.map((_, element) => doc(element).attr('id')).get()).toEqual(ids);
  // `of=radiographer` is an alias of the technologist.
  expect(doc('#captures-the-spine-images').hasClass('theme-role-callout--technologist')).toBe(true);
  expect(doc('#captures-the-spine-images .theme-role-callout-title').text()).toBe('Captures the spine images');
  expect(doc('#identity-check').hasClass('theme-role-callout--shared')).toBe(true);
  for (const id of ids) {
    expect(doc(`#${id} a.theme-role-callout-compare`).attr('href')).toBe(`/roles#${rowId(id)}`);
  }

  // The embedded table, narrowed to the imaging area, and the summary.
  const embedded = doc('.theme-role-table');
  expect(embedded.length).toBe(1);
  expect(embedded.find('.theme-role-table-duty a.theme-role-table-duty-link').map((_, link) => doc(link).attr('href')).get()).toEqual([
    `${DEMO_DOC.permalink}#captures-the-spine-images`,
  ]);
  expect(doc('.theme-roles-summary a[href="#identity-check"]').length).toBeGreaterThan(0);

  // The table page: every duty once, linking back to its callout.
  const table = builtPage(site, '/roles');
  expect(table('html').hasClass('roles-page')).toBe(true);
  for (const id of ids) {
    expect(table(`li#${rowId(id)} a.theme-role-table-duty-link`).attr('href')).toBe(`${DEMO_DOC.permalink}#${id}`);
  }

  const exported = JSON.parse(readFileSync(path.join(site.dir, 'build', 'roles.json'), 'utf8')) as {
    entries: {id: string; roles: string[]; permalink: string; source: string}[];
  };
  expect(exported.entries.map((entry) => entry.id)).toEqual(ids);
  expect(exported.entries[0]).toMatchObject({
    roles: ['technologist'],
    permalink: DEMO_DOC.permalink,
    source: DEMO_DOC.file,
  });
  expect(exported.entries[2]?.roles).toEqual(['radiologist', 'technologist']);

  // roles.csv starts with a UTF-8 byte-order mark (for spreadsheets).
  const rows = parse(readFileSync(path.join(site.dir, 'build', 'roles.csv'), 'utf8'), {columns: true, bom: true}) as {
    id: string;
    roles: string;
  }[];
  expect(rows.map((row) => [row.id, row.roles])).toEqual([
    ['captures-the-spine-images', 'technologist'],
    ['reads-the-images', 'radiologist'],
    ['identity-check', 'radiologist technologist'],
  ]);
}

/**
 * After a build: `docusaurus roles:check` passes without building, and
 * `docusaurus roles:export` writes the build's very exports.
 */
export async function expectRolesCommands(site: Site): Promise<void> {
  const checked = await npmRun(site, 'docusaurus', 'roles:check');
  expect(checked).toMatch(/roles:check: 0 errors, 0 warnings in \d+ files; duties: 3 \(en\)/);
  await npmRun(site, 'docusaurus', 'roles:export', '--out-dir', 'roles-export');
  for (const file of ['roles.json', 'roles.csv']) {
    expect(readFileSync(path.join(site.dir, 'roles-export', file), 'utf8'), file).toBe(
      readFileSync(path.join(site.dir, 'build', file), 'utf8'),
    );
  }
}

/**
 * The components a reader's choice renders in the browser only (the table
 * page's "Due for review" view, `?view=review`): their wrappers are checked
 * in the built JavaScript instead of the HTML.
 */
const CLIENT_ONLY = new Set(['RoleReviewList']);

/** Each wrapped component's wrapper is rendered, on the demo doc or the table page (or bundled, see CLIENT_ONLY). */
export function expectWrappersRendered(site: Site, components: readonly string[]): void {
  const pages = [builtPage(site, DEMO_DOC.permalink), builtPage(site, '/roles')];
  const scripts = readdirSync(path.join(site.dir, 'build', 'assets', 'js'))
    .map((file) => readFileSync(path.join(site.dir, 'build', 'assets', 'js', file), 'utf8'))
    .join('\n');
  for (const name of components) {
    if (CLIENT_ONLY.has(name)) {
      expect(scripts.includes(wrapperClass(name)), `wrapper of ${name} in the built scripts`).toBe(true);
      continue;
    }
    const found = pages.reduce((count, page) => count + page(`.${wrapperClass(name)}`).length, 0);
    expect(found, `wrapper of ${name}`).toBeGreaterThan(0);
  }
}
