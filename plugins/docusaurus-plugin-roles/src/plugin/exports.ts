/**
 * The machine-readable exports written at the root of the build output:
 * `roles.json` (schema documented in the README) and `roles.csv`.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {stringify} from 'csv-stringify/sync';
import type {PluginOptions, RoleEntry, RolesConfig} from '../types.js';

/**
 * Version of the `roles.json` layout; bumped on any breaking change.
 * 2: entries also come from blog posts and pages (`kind`), and `version` is
 * `null` for them, so a reader of version 1 that took every entry for a doc
 * would be wrong without noticing.
 */
export const SCHEMA_VERSION = 2;

/** The `roles.json` document. */
export interface RolesExport {
  schemaVersion: typeof SCHEMA_VERSION;
  locale: string;
  roles: Array<{key: string; label: string; aliases: string[]}>;
  areas: Array<{key: string; label: string}>;
  entries: RoleEntry[];
}

/** Build the `roles.json` document. */
export function toJsonExport(config: RolesConfig, entries: RoleEntry[], locale: string): RolesExport {
  return {
    schemaVersion: SCHEMA_VERSION,
    locale,
    roles: config.roles.map(({key, label, aliases}) => ({key, label, aliases})),
    areas: config.areas.map(({key, label}) => ({key, label})),
    entries,
  };
}

/** CSV columns, in order; `roles` joins several keys with a space. */
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
] as const;

/** Build `roles.csv` (RFC 4180, header row, CRLF line ends). */
export function toCsvExport(entries: RoleEntry[]): string {
  return stringify(
    entries.map((entry) => ({...entry, roles: entry.roles.join(' ')})),
    {header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows'},
  );
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
    const file = path.join(outDir, options.jsonFilename);
    await writeFile(file, `${JSON.stringify(toJsonExport(config, entries, locale), null, 2)}\n`);
    written.push(file);
  }
  if (options.csvFilename) {
    const file = path.join(outDir, options.csvFilename);
    await writeFile(file, toCsvExport(entries));
    written.push(file);
  }
  return written;
}
