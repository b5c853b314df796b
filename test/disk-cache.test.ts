/**
 * The cache file's size bound: rows are counted in UTF-8 bytes, the body
 * never exceeds the bound, and what was written reads back whole.
 */
import {mkdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCache, saveCache, type CachedFile} from '../plugins/docusaurus-plugin-roles/src/parse/disk-cache.js';

const dir = path.join(import.meta.dirname, '.tmp', 'disk-cache');

/** A cached file whose one annotation's text is `text`. */
function entry(text: string): CachedFile {
  return {
    stat: 'docs/x.md:1:2:3',
    content: 'hash',
    facts: {
      kind: 'facts',
      fast: true,
      facts: {
        candidates: [
          {
            id: 'a',
            attributes: {of: 'radiologist'},
            title: 'A',
            text,
            place: {start: {line: 1, column: 1}, end: {line: 3, column: 4}},
            expressionInTitle: undefined,
            badId: false,
            section: null,
          },
        ],
        messages: [],
      },
    },
  };
}

describe('saveCache size bound', () => {
  it('counts UTF-8 bytes: non-ASCII rows stop earlier, the body stays within the bound', async () => {
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    const file = path.join(dir, 'facts.json');
    // 2 bytes per character in UTF-8: 100 rows of ~1 KB characters, ~2 KB bytes each.
    const files = new Map<string, CachedFile>();
    for (let index = 0; index < 100; index += 1) files.set(`/site/docs/${index}.md`, entry('ñ'.repeat(1000)));
    const bound = 50_000;
    await saveCache(file, 'settings', files, bound);
    const written = readFileSync(file);
    const body = written.subarray(written.indexOf(10) + 1);
    expect(body.length).toBeLessThanOrEqual(bound);
    const loaded = await loadCache(file, 'settings');
    // Counting characters would have kept ~48 rows (over 90 KB on disk).
    expect(loaded.size).toBeGreaterThan(15);
    expect(loaded.size).toBeLessThan(25);
    expect([...loaded.keys()]).toEqual([...files.keys()].slice(0, loaded.size));
    expect(loaded.get('/site/docs/0.md')?.facts).toEqual(JSON.parse(JSON.stringify(entry('ñ'.repeat(1000)).facts)));
  });
});
