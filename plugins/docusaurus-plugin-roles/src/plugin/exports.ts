/**
 * The machine-readable exports written at the root of the build output:
 * `roles.json` (schema documented in the README) and `roles.csv`.
 */
import path from 'node:path';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {logger} from '@docusaurus/logger';
import {stringify} from 'csv-stringify/sync';
import type {PluginOptions, RoleEntry, RolesConfig} from '../types.js';

/**
 * Version of the `roles.json` layout; bumped on any breaking change.
 * 2: entries also come from blog posts and pages (`kind`), and `version` is
 * `null` for them, so a reader of version 1 that took every entry for a doc
 * would be wrong without noticing.
 * 3: entries carry `citation`, `owner`, `reviewed`, `reviewDue` and
 * `audience`, and the document lists the `audiences`; a duty may now be for
 * staff only, which a reader of version 2 would show to patients.
 * Version 3 also links entries to each other (`follows`, `handsTo`: issue
 * 18); see the README's schema section.
 */
export const SCHEMA_VERSION = 3;

/** The `roles.json` document. */
export interface RolesExport {
  schemaVersion: typeof SCHEMA_VERSION;
  locale: string;
  roles: Array<{key: string; label: string; aliases: string[]}>;
  areas: Array<{key: string; label: string}>;
  audiences: Array<{key: string; label: string; plainLanguage: boolean}>;
  entries: RoleEntry[];
}

/** Build the `roles.json` document. */
export function toJsonExport(config: RolesConfig, entries: RoleEntry[], locale: string): RolesExport {
  return {
    schemaVersion: SCHEMA_VERSION,
    locale,
    roles: config.roles.map(({key, label, aliases}) => ({key, label, aliases})),
    areas: config.areas.map(({key, label}) => ({key, label})),
    audiences: config.audiences.map(({key, label, plainLanguage}) => ({key, label, plainLanguage})),
    entries,
  };
}

/**
 * CSV columns, in order; `roles`, `audience`, `follows` and `handsTo` join
 * several keys with a space, `categories` several labels with ` > `; a
 * `null` is an empty cell.
 */
export const CSV_COLUMNS = [
  'id',
  'roles',
  'area',
  'title',
  'text',
  'permalink',
  'source',
  'line',
  'kind',
  'pluginId',
  'version',
  'pageTitle',
  'pagePosition',
  'categories',
  'sectionId',
  'sectionTitle',
  'column',
  'citation',
  'owner',
  'reviewed',
  'reviewDue',
  'audience',
  'follows',
  'handsTo',
] as const;

/** Joins the category labels of an entry in a CSV cell. */
export const CATEGORY_SEPARATOR = ' > ';

/** Characters that make a spreadsheet read a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as a spreadsheet program may safely open it: a value that starts
 * like a formula (`=HYPERLINK(…)`, `+1`, `-1`, `@SUM(…)`, a tab or a
 * carriage return) gets a leading `'`, which spreadsheets show as text.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** UTF-8 byte-order mark: tells spreadsheet programs the file is UTF-8. */
const BOM = '\uFEFF';

/** An entry's value in a CSV column: lists joined, `null` as an empty cell. */
function csvValue(entry: RoleEntry, column: (typeof CSV_COLUMNS)[number]): string | number {
  if (column === 'roles' || column === 'audience' || column === 'follows' || column === 'handsTo') {
    return entry[column].join(' ');
  }
  if (column === 'categories') return entry.categories.join(CATEGORY_SEPARATOR);
  return entry[column] ?? '';
}

/**
 * Build `roles.csv`: a UTF-8 byte-order mark, then RFC 4180 (header row,
 * CRLF line ends, quotes where needed), every text cell neutralized against
 * formula injection. `roles.json` keeps the raw values.
 */
export function toCsvExport(entries: readonly RoleEntry[]): string {
  const rows = entries.map((entry) => {
    const row: Record<string, string | number | null> = {};
    for (const column of CSV_COLUMNS) {
      const value = csvValue(entry, column);
      row[column] = typeof value === 'string' ? neutralizeFormula(value) : value;
    }
    return row;
  });
  return BOM + stringify(rows, {header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows'});
}

/**
 * Write an export, never over a file that is not an earlier roles export
 * (a static file, another plugin's output): that would silently replace it.
 * Docusaurus does not empty the output folder between builds, so an export
 * of an earlier build is expected there and replaced.
 */
export async function writeExport(outDir: string, fileName: string, content: string, option: string): Promise<void> {
  const target = path.join(outDir, fileName);
  const existing = await readFile(target, 'utf8').catch(() => undefined);
  if (existing !== undefined && !isRolesExport(existing)) {
    throw new Error(
      logger.interpolate`The build output already has a file path=${target} (a static file or another plugin's output), which the roles export would replace. Set the code=${option} option of docusaurus-plugin-roles to another name (or to code=${'false'} for no such export).`,
    );
  }
  await writeFile(target, content);
}

/** Whether a file is a `roles.json` or `roles.csv` this plugin wrote (this version or an earlier one). */
export function isRolesExport(content: string): boolean {
  if (/^\uFEFF?id,roles,area,/.test(content)) return true;
  try {
    const parsed = JSON.parse(content) as {schemaVersion?: unknown; entries?: unknown};
    return typeof parsed.schemaVersion === 'number' && Array.isArray(parsed.entries);
  } catch {
    return false;
  }
}

/**
 * Write `roles.json` and `roles.csv` (as the options name them; `false`
 * skips one) into `outDir`; returns the paths written.
 */
export async function writeExports({
  outDir,
  options,
  config,
  entries,
  locale,
}: {
  outDir: string;
  options: Pick<PluginOptions, 'jsonFilename' | 'csvFilename'>;
  config: RolesConfig;
  entries: RoleEntry[];
  locale: string;
}): Promise<string[]> {
  await mkdir(outDir, {recursive: true});
  const written: string[] = [];
  if (options.jsonFilename) {
    const document = toJsonExport(config, entries, locale);
    await writeExport(outDir, options.jsonFilename, `${JSON.stringify(document, null, 2)}\n`, 'jsonFilename');
    written.push(path.join(outDir, options.jsonFilename));
  }
  if (options.csvFilename) {
    await writeExport(outDir, options.csvFilename, toCsvExport(entries), 'csvFilename');
    written.push(path.join(outDir, options.csvFilename));
  }
  return written;
}
