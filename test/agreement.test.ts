/**
 * Regression cases for page/table agreement: each folder of
 * `test/agreement/` is one document that once made the table and the page
 * disagree (or the aggregator crash), minimized by hand.
 *
 * - `input.mdx`: the document (byte-exact);
 * - `settings.json` (optional): the site's `markdown` settings (see
 *   `support/reference.ts`), Docusaurus's defaults otherwise;
 * - `expected.json`: what the page's compile decided, read and checked by a
 *   person: valid annotations as `line|id|roles|area|title|text`, problems
 *   as `line:column: reason`, or the compile's own error.
 *
 * The aggregator must find exactly the same. `UPDATE_FIXTURES=1` writes a
 * missing or changed `expected.json`: read the diff before committing.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkAgreement} from './support/agreement.js';
import {compilePage, type SiteSettings} from './support/reference.js';

const root = path.join(import.meta.dirname, 'agreement');
const update = process.env.UPDATE_FIXTURES === '1';

describe('page and table agree on past failures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const folder = path.join(root, name);
      const content = readFileSync(path.join(folder, 'input.mdx'), 'utf8');
      const settingsFile = path.join(folder, 'settings.json');
      const settings = existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as SiteSettings) : {};

      const page = await compilePage(`/site/docs/${name}.mdx`, content, settings);
      const expectedFile = path.join(folder, 'expected.json');
      const actual = `${JSON.stringify(page, null, 2)}\n`;
      if (update && (!existsSync(expectedFile) || readFileSync(expectedFile, 'utf8') !== actual)) {
        writeFileSync(expectedFile, actual);
      }
      expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_FIXTURES=1 and read it`).toBe(true);
      expect(page).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));

      const workDir = path.join(import.meta.dirname, '.tmp', 'agreement', name);
      expect(await checkAgreement(workDir, [content], settings)).toEqual([]);
    });
  }
});
