/**
 * The generated modules (entries, handoffs) are written only when they
 * change: an unchanged module is not written again, in this process or the
 * next; a changed, deleted or hand-edited module, or a lost record, is
 * written again, so the record never keeps a stale module.
 */
import {mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {DataFiles, RECORD_FILE} from '../plugins/docusaurus-plugin-roles/src/plugin/data-files.js';

const dir = path.join(import.meta.dirname, '.tmp', 'data-files');
const modules = [
  {name: 'entries.json', content: '[{"id":"role-screens"}]'},
  {name: 'handoffs/0a1b.json', content: '{}'},
  {name: 'handoffs/2c3d.json', content: '{"role-reads":{"follows":[]}}'},
];
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

beforeEach(() => {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
});

describe('DataFiles', () => {
  it('writes every module the first time, in its folder', async () => {
    expect(await new DataFiles(dir).write(modules)).toEqual(['entries.json', 'handoffs/0a1b.json', 'handoffs/2c3d.json']);
    for (const {name, content} of modules) expect(read(name)).toBe(content);
  });

  it('writes nothing again when nothing changed, in the same process or a new one', async () => {
    const files = new DataFiles(dir);
    await files.write(modules);
    const before = statSync(path.join(dir, 'entries.json')).mtimeMs;
    expect(await files.write(modules)).toEqual([]);
    expect(await new DataFiles(dir).write(modules)).toEqual([]);
    expect(statSync(path.join(dir, 'entries.json')).mtimeMs).toBe(before);
  });

  it('writes a module whose content changed, and only it', async () => {
    await new DataFiles(dir).write(modules);
    const changed = modules.map((module) => (module.name === 'handoffs/0a1b.json' ? {...module, content: '{"x":{}}'} : module));
    expect(await new DataFiles(dir).write(changed)).toEqual(['handoffs/0a1b.json']);
    expect(read('handoffs/0a1b.json')).toBe('{"x":{}}');
    // And back: the record follows the last write.
    expect(await new DataFiles(dir).write(modules)).toEqual(['handoffs/0a1b.json']);
    expect(read('handoffs/0a1b.json')).toBe('{}');
  });

  it('writes again a module deleted or edited by someone else, even with the same size', async () => {
    await new DataFiles(dir).write(modules);
    rmSync(path.join(dir, 'handoffs/2c3d.json'));
    writeFileSync(path.join(dir, 'handoffs/0a1b.json'), '[]');
    // A later time, as any real edit has.
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dir, 'handoffs/0a1b.json'), later, later);
    expect(await new DataFiles(dir).write(modules)).toEqual(['handoffs/0a1b.json', 'handoffs/2c3d.json']);
    for (const {name, content} of modules) expect(read(name)).toBe(content);
  });

  it('writes everything again when the record is lost or damaged', async () => {
    await new DataFiles(dir).write(modules);
    rmSync(path.join(dir, RECORD_FILE));
    expect(await new DataFiles(dir).write(modules)).toHaveLength(modules.length);
    writeFileSync(path.join(dir, RECORD_FILE), '{"format":"something else"');
    expect(await new DataFiles(dir).write(modules)).toHaveLength(modules.length);
    expect(await new DataFiles(dir).write(modules)).toEqual([]);
  });
});
