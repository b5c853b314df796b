/**
 * The machine-readable exports written at the root of the build output:
 * `roles.json` (schema documented in the README) and `roles.csv`.
 */
import {stringify} from 'csv-stringify/sync';
import type {RoleEntry, RolesConfig} from '../types.js';

/** Version of the `roles.json` layout; bumped on any breaking change. */
export const SCHEMA_VERSION = 1;

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

/**
 * CSV columns, in order; `roles` joins several keys with a space,
 * `categories` several labels with ` > `; a `null` is an empty cell.
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
  'pluginId',
  'version',
  'pageTitle',
  'pagePosition',
  'categories',
  'sectionId',
  'sectionTitle',
] as const;

/** Joins the category labels of an entry in a CSV cell. */
export const CATEGORY_SEPARATOR = ' > ';

/** Build `roles.csv` (RFC 4180, header row, CRLF line ends). */
export function toCsvExport(entries: RoleEntry[]): string {
  return stringify(
    entries.map((entry) => ({...entry, roles: entry.roles.join(' '), categories: entry.categories.join(CATEGORY_SEPARATOR)})),
    {header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows'},
  );
}
