/**
 * The options of `remarkRoles` used alone (in any unified pipeline), checked
 * without a validation library: the remark plugin must load where no
 * Docusaurus package (and so no Joi) is installed.
 *
 * It accepts exactly what the Docusaurus plugin's Joi schema accepts for the
 * fields it reads (a property-based test holds both to it), with the same
 * cross-field rules (`core/options.ts`), and messages worded like Joi's.
 */
import {CHECK_SEVERITIES, DEFAULT_OPTIONS, KEY_PATTERN, KEY_RULE, SEVERITIES, rolesOptionsProblem, toRolesConfig} from '../core/options.js';
import {isIsoDate} from '../core/dates.js';
import {COLOR_RULE, isCssColor} from '../core/safe-values.js';
import type {AreaOptions, AudienceOptions, DutyDefaults, Options, PluginOptions, RoleOptions, RolesConfig, Severity} from '../types.js';

/** Options of `remarkRoles` (all optional). */
export interface RemarkRolesOptions extends Options {
  /**
   * Module (path) whose default export is the site's `RoleEntry[]`, passed
   * to embedded `<RoleComparisonTable>`s (default: the Docusaurus plugin's).
   */
  entriesModule?: string;
  /**
   * In a Docusaurus site, the `id` of the docusaurus-plugin-roles instance
   * whose roles, areas and table this content plugin's pages belong to
   * (default: the site's only instance; required when it has several).
   */
  instance?: string;
}

/** What the transform reads of its options, validated and completed. */
export interface RemarkSettings {
  config: RolesConfig;
  severity: Severity;
  pageSummary: boolean;
  entriesModule: string | undefined;
}

/** The options, validated: the settings, the instance named, and which configuration options were written. */
export interface NormalizedRemarkOptions {
  settings: RemarkSettings;
  instance: string | undefined;
  /** The options given that configure roles and annotations (`roles`, `areas`, …), in the order written. */
  configured: string[];
}

/** Options the remark plugin reads. */
const CONFIGURING = ['roles', 'areas', 'defaultArea', 'onInvalidAnnotation', 'pageSummary', 'audiences', 'defaults', 'reviews'];
const READ = new Set([...CONFIGURING, 'entriesModule', 'instance']);

/**
 * Options only the Docusaurus plugin reads: accepted and ignored, so the
 * same object can configure both.
 */
const IGNORED = new Set([
  'id',
  'tablePath',
  'tableTitle',
  'tableDescription',
  'tableVersion',
  'handoutNote',
  'jsonFilename',
  'csvFilename',
  'cache',
  'workers',
  'readability',
  'nearDuplicates',
]);

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

function audience(value: unknown, at: string): AudienceOptions {
  if (!isObject(value)) fail(`"${at}" must be of type object`);
  fields(value, at, ['label', 'description', 'plainLanguage']);
  const result: AudienceOptions = {label: label(value.label, `${at}.label`), plainLanguage: false};
  if (value.description !== undefined) result.description = string(value.description, `${at}.description`);
  if (value.plainLanguage !== undefined) result.plainLanguage = boolean(value.plainLanguage, `${at}.plainLanguage`);
  return result;
}

function boolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') fail(`"${at}" must be a boolean`);
  return value;
}

/** A date written `YYYY-MM-DD` that exists. */
function isoDate(value: unknown, at: string): string {
  const date = string(value, at);
  if (!isIsoDate(date)) fail(`"${at}" must be a date written YYYY-MM-DD (for example 2025-03-14), not "${date}"`);
  return date;
}

/** An integer within bounds (Joi's `number().integer().min().max()` without conversion). */
function integer(value: unknown, at: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`"${at}" must be a number`);
  if (!Number.isInteger(value)) fail(`"${at}" must be an integer`);
  if (value < min) fail(`"${at}" must be greater than or equal to ${min}`);
  if (value > max) fail(`"${at}" must be less than or equal to ${max}`);
  return value;
}

function defaults(value: unknown): DutyDefaults {
  if (!isObject(value)) fail('"defaults" must be of type object');
  fields(value, 'defaults', ['source', 'owner', 'reviewed', 'audience']);
  const result: DutyDefaults = {};
  if (value.source !== undefined) result.source = label(value.source, 'defaults.source');
  if (value.owner !== undefined) result.owner = label(value.owner, 'defaults.owner');
  if (value.reviewed !== undefined) result.reviewed = isoDate(value.reviewed, 'defaults.reviewed');
  if (value.audience !== undefined) {
    if (!Array.isArray(value.audience)) fail('"defaults.audience" must be an array');
    if (value.audience.length === 0) fail('"defaults.audience" must contain at least 1 items');
    const keys: string[] = [];
    for (let index = 0; index < value.audience.length; index += 1) {
      const item: unknown = value.audience[index];
      if (item === undefined) fail(`"defaults.audience[${index}]" must not be a sparse array item`);
      const name = string(item, `defaults.audience[${index}]`);
      if (keys.includes(name)) fail(`"defaults.audience[${index}]" contains a duplicate value`);
      keys.push(name);
    }
    result.audience = keys;
  }
  return result;
}

/** The review options the transform reads (the cycle, today); the checks' severities are checked, then left to the plugin. */
function reviews(value: unknown): Partial<PluginOptions['reviews']> {
  if (!isObject(value)) fail('"reviews" must be of type object');
  const severities = ['onMissingSource', 'onMissingOwner', 'onMissingReview', 'onOverdue', 'onDueSoon'];
  fields(value, 'reviews', ['cycleMonths', 'dueSoonDays', 'today', ...severities]);
  const result: Partial<PluginOptions['reviews']> = {};
  if (value.cycleMonths !== undefined) result.cycleMonths = integer(value.cycleMonths, 'reviews.cycleMonths', 1, 1200);
  if (value.dueSoonDays !== undefined) integer(value.dueSoonDays, 'reviews.dueSoonDays', 0, 3650);
  for (const name of severities) {
    if (value[name] !== undefined && !(CHECK_SEVERITIES as readonly unknown[]).includes(value[name])) {
      fail(`"reviews.${name}" must be one of [${CHECK_SEVERITIES.join(', ')}]`);
    }
  }
  if (value.today !== undefined) result.today = isoDate(value.today, 'reviews.today');
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
export function normalizeRemarkOptions(options: RemarkRolesOptions | undefined): NormalizedRemarkOptions {
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
    const audiences = value.audiences === undefined ? DEFAULT_OPTIONS.audiences : map(value.audiences, 'audiences', audience);
    const duties = value.defaults === undefined ? DEFAULT_OPTIONS.defaults : defaults(value.defaults);
    const cycle = value.reviews === undefined ? {} : reviews(value.reviews);
    const instance = value.instance === undefined ? undefined : string(value.instance, 'instance');
    const problem = rolesOptionsProblem({roles, areas, defaultArea, audiences, defaults: duties});
    if (problem !== undefined) fail(problem);
    const config = toRolesConfig({roles, areas, defaultArea, audiences, defaults: duties, reviews: cycle});
    return {
      settings: {config, severity, pageSummary, entriesModule},
      instance,
      configured: Object.keys(value).filter((key) => CONFIGURING.includes(key) && value[key] !== undefined),
    };
  } catch (error) {
    if (error instanceof Invalid) throw new Error(`Invalid remarkRoles options: ${error.message}`, {cause: error});
    throw error;
  }
}
