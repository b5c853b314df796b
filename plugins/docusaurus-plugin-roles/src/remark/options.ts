/**
 * The options of `remarkRoles` used alone (in any unified pipeline), checked
 * without a validation library: the remark plugin must load where no
 * Docusaurus package (and so no Joi) is installed.
 *
 * It accepts exactly what the Docusaurus plugin's Joi schema accepts for the
 * fields it reads (a property-based test holds both to it), with the same
 * cross-field rules (`core/options.ts`), and messages worded like Joi's.
 */
import {DEFAULT_OPTIONS, KEY_PATTERN, KEY_RULE, SEVERITIES, rolesOptionsProblem, toRolesConfig} from '../core/options.js';
import {COLOR_RULE, isCssColor} from '../core/safe-values.js';
import type {AreaOptions, Options, RoleOptions, RolesConfig, Severity} from '../types.js';

/** Options of `remarkRoles` (all optional). */
export interface RemarkRolesOptions extends Options {
  /**
   * Module (path) whose default export is the site's `RoleEntry[]`, passed
   * to embedded `<RoleComparisonTable>`s (default: the Docusaurus plugin's).
   */
  entriesModule?: string;
}

/** What the transform reads of its options, validated and completed. */
export interface RemarkSettings {
  config: RolesConfig;
  severity: Severity;
  pageSummary: boolean;
  entriesModule: string | undefined;
}

/** Options the remark plugin reads. */
const READ = new Set(['roles', 'areas', 'defaultArea', 'onInvalidAnnotation', 'pageSummary', 'entriesModule']);

/**
 * Options only the Docusaurus plugin reads: accepted and ignored, so the
 * same object can configure both.
 */
const IGNORED = new Set(['id', 'tablePath', 'tableTitle', 'tableDescription', 'jsonFilename', 'csvFilename', 'cache', 'workers']);

/** A failed check: the Joi-style message of the first problem found. */
class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string (Joi's `string()` refuses `''`). */
function string(value: unknown, label: string): string {
  if (typeof value !== 'string') fail(`"${label}" must be a string`);
  if (value === '') fail(`"${label}" is not allowed to be empty`);
  return value;
}

/** A label: a non-empty string without surrounding white space. */
function label(value: unknown, at: string): string {
  if (value === undefined) fail(`"${at}" is required`);
  const text = string(value, at);
  if (text.trim() !== text) fail(`"${at}" must not have leading or trailing whitespace`);
  return text;
}

/** Refuse any key of `value` but the `allowed` ones. */
function fields(value: Record<string, unknown>, at: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`"${at}.${key}" is not allowed`);
  }
}

function role(value: unknown, at: string): RoleOptions {
  if (!isObject(value)) fail(`"${at}" must be of type object`);
  fields(value, at, ['label', 'aliases', 'description', 'color']);
  const result: RoleOptions = {label: label(value.label, `${at}.label`), aliases: aliases(value.aliases, `${at}.aliases`)};
  if (value.description !== undefined) result.description = string(value.description, `${at}.description`);
  if (value.color !== undefined) {
    const color = string(value.color, `${at}.color`);
    if (!isCssColor(color)) fail(`"${at}.color" ${COLOR_RULE}, not "${color}"`);
    result.color = color;
  }
  return result;
}

function aliases(value: unknown, at: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`"${at}" must be an array`);
  const seen = new Set<string>();
  // A plain loop: `forEach` skips the holes of a sparse array.
  for (let index = 0; index < value.length; index += 1) {
    const alias: unknown = value[index];
    if (alias === undefined) fail(`"${at}[${index}]" must not be a sparse array item`);
    const name = string(alias, `${at}[${index}]`);
    if (!KEY_PATTERN.test(name)) fail(`"${at}[${index}]" ${KEY_RULE}`);
    if (seen.has(name)) fail(`"${at}[${index}]" contains a duplicate value`);
    seen.add(name);
  }
  return [...value] as string[];
}

function area(value: unknown, at: string): AreaOptions {
  if (!isObject(value)) fail(`"${at}" must be of type object`);
  fields(value, at, ['label', 'description']);
  const result: AreaOptions = {label: label(value.label, `${at}.label`)};
  if (value.description !== undefined) result.description = string(value.description, `${at}.description`);
  return result;
}

/** An ordered map of keys to entries checked by `entry` (at least one). */
function map<T>(value: unknown, at: string, entry: (value: unknown, at: string) => T): Record<string, T> {
  if (!isObject(value)) fail(`"${at}" must be of type object`);
  const keys = Object.keys(value);
  if (keys.length === 0) fail(`"${at}" must have at least 1 key`);
  // No prototype: a key may be called `__proto__` (refused later, by name).
  const result = Object.create(null) as Record<string, T>;
  // A key set to `undefined` is as good as absent (Joi's reading).
  for (const key of keys) if (value[key] !== undefined) result[key] = entry(value[key], `${at}.${key}`);
  return result;
}

/**
 * Validate and complete the options of `remarkRoles` used alone; throws an
 * `Error` naming the first problem, as Joi would word it.
 */
export function normalizeRemarkOptions(options: RemarkRolesOptions | undefined): RemarkSettings {
  try {
    const value: unknown = options ?? {};
    if (!isObject(value)) fail('"value" must be of type object');
    for (const key of Object.keys(value)) {
      if (!READ.has(key) && !IGNORED.has(key)) fail(`"${key}" is not allowed`);
    }
    const roles = value.roles === undefined ? DEFAULT_OPTIONS.roles : map(value.roles, 'roles', role);
    const areas = value.areas === undefined ? DEFAULT_OPTIONS.areas : map(value.areas, 'areas', area);
    const defaultArea = value.defaultArea === undefined ? DEFAULT_OPTIONS.defaultArea : string(value.defaultArea, 'defaultArea');
    let severity: Severity = DEFAULT_OPTIONS.onInvalidAnnotation;
    if (value.onInvalidAnnotation !== undefined) {
      if (!(SEVERITIES as readonly unknown[]).includes(value.onInvalidAnnotation)) {
        fail(`"onInvalidAnnotation" must be one of [${SEVERITIES.join(', ')}]`);
      }
      severity = value.onInvalidAnnotation as Severity;
    }
    let pageSummary = DEFAULT_OPTIONS.pageSummary;
    if (value.pageSummary !== undefined) {
      if (typeof value.pageSummary !== 'boolean') fail('"pageSummary" must be a boolean');
      pageSummary = value.pageSummary;
    }
    const entriesModule = value.entriesModule === undefined ? undefined : string(value.entriesModule, 'entriesModule');
    const problem = rolesOptionsProblem({roles, areas, defaultArea});
    if (problem !== undefined) fail(problem);
    return {config: toRolesConfig({roles, areas, defaultArea}), severity, pageSummary, entriesModule};
  } catch (error) {
    if (error instanceof Invalid) throw new Error(`Invalid remarkRoles options: ${error.message}`, {cause: error});
    throw error;
  }
}
