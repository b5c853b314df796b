/**
 * The exports a hospital's staff open: `roles.csv` must be safe in a
 * spreadsheet program (no formula runs, non-ASCII text readable) and still
 * plain RFC 4180; `roles.json` keeps the raw values.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'csv-parse/sync';
import fc from 'fast-check';
import {CSV_COLUMNS, neutralizeFormula, toCsvExport, toJsonExport, writeExport} from '../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';
import {roleEntry} from './support/entry.js';

function entry(overrides: Partial<RoleEntry>): RoleEntry {
  return roleEntry({
    id: 'reads-the-images',
    roles: ['radiologist'],
    area: 'interpretation',
    title: 'Reads the images',
    text: 'Looks at every series.',
    permalink: '/spinal-cord-stimulator/during-placement',
    source: 'docs/spinal-cord-stimulator/during-placement.md',
    line: 12,
    pageTitle: 'During placement',
    pagePosition: 3,
    categories: ['Spinal cord stimulator'],
    ...overrides,
  });
}

/** Read a CSV export the way a strict RFC 4180 reader does. */
function readCsv(csv: string): Array<Record<string, string>> {
  return parse(csv, {columns: true, bom: true}) as Array<Record<string, string>>;
}

describe('roles.csv', () => {
  it('starts with a UTF-8 byte-order mark, then the header row, CRLF line ends', () => {
    const csv = toCsvExport([entry({title: 'Lit la séquence 漢字'})]);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(readCsv(csv)[0]!.title).toBe('Lit la séquence 漢字');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
    ['\rReturn', "'\rReturn"],
    ['Reads = the images', 'Reads = the images'],
    ['', ''],
  ])('neutralizes a cell that starts like a formula: %j', (value, written) => {
    expect(neutralizeFormula(value)).toBe(written);
    const [row] = readCsv(toCsvExport([entry({title: value, text: value, id: value})]));
    expect(row!.title).toBe(written);
    expect(row!.text).toBe(written);
    expect(row!.id).toBe(written);
  });

  it('never starts a cell with a formula character, for any text', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), fc.string(), (title, id) => {
        const [row] = readCsv(toCsvExport([entry({title, id, text: title})]));
        for (const column of CSV_COLUMNS) expect(row![column]).not.toMatch(/^[=+\-@\t\r]/);
        // Nothing else changes: strip the one added quote and the value is back.
        expect(row!.title!.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(title);
      }),
      {numRuns: 300, seed: 7},
    );
  });

  it('joins several roles with a space', () => {
    const [row] = readCsv(toCsvExport([entry({roles: ['radiologist', 'technologist']})]));
    expect(row!.roles).toBe('radiologist technologist');
  });

  it('has a column for each direction of the handoffs, keys joined with a space', () => {
    const [row] = readCsv(
      toCsvExport([entry({follows: ['/a#x'], handsTo: ['/b#y', '/spinal-cord-stimulator/after-placement#reads-the-follow-up']})]),
    );
    expect(CSV_COLUMNS.slice(-2)).toEqual(['follows', 'handsTo']);
    expect(row!.follows).toBe('/a#x');
    expect(row!.handsTo).toBe('/b#y /spinal-cord-stimulator/after-placement#reads-the-follow-up');
    const [none] = readCsv(toCsvExport([entry({})]));
    expect([none!.follows, none!.handsTo]).toEqual(['', '']);
  });
});

describe('roles.json', () => {
  it('keeps the raw values, for programs (not spreadsheets) to read', () => {
    const document = toJsonExport(toRolesConfig(DEFAULT_OPTIONS), [entry({title: '=1+1', id: '@x'})], 'en');
    expect(document.entries[0]).toMatchObject({title: '=1+1', id: '@x'});
  });
});

describe('writing the exports', () => {
  it('replaces an export of an earlier build, never another file', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'roles-exports-'));
    writeFileSync(path.join(outDir, 'roles.json'), '{"schemaVersion": 1, "entries": []}');
    await writeExport(outDir, 'roles.json', '{"schemaVersion": 1, "entries": [1]}\n', 'jsonFilename');
    expect(readFileSync(path.join(outDir, 'roles.json'), 'utf8')).toContain('[1]');

    writeFileSync(path.join(outDir, 'search.json'), '{"pages": []}');
    await expect(writeExport(outDir, 'search.json', '{}', 'jsonFilename')).rejects.toThrow(
      /already has a file .*search\.json.*jsonFilename. option/s,
    );
    expect(readFileSync(path.join(outDir, 'search.json'), 'utf8')).toBe('{"pages": []}');

    writeFileSync(path.join(outDir, 'data.csv'), 'name,value\r\n');
    await expect(writeExport(outDir, 'data.csv', 'x', 'csvFilename')).rejects.toThrow(/csvFilename. option/);
    // A CSV export of an earlier version of the plugin (other columns) is ours.
    writeFileSync(path.join(outDir, 'roles.csv'), '\uFEFFid,roles,area,title\r\n');
    await writeExport(outDir, 'roles.csv', toCsvExport([]), 'csvFilename');
  });
});
