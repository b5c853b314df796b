/**
 * A duty's source, owner, review date and audience: what a hospital answers
 * for. Each is written on the annotation, in the page's front matter, or in
 * the site's `defaults`, the nearest winning:
 *
 * ```md
 * ---
 * roles:
 *   source: ACR–AAPM Technical Standard for Fluoroscopy (2023)
 *   owner: Imaging education committee
 *   reviewed: 2025-03-14
 * ---
 *
 * :::role[Keeps the dose low]{of=technologist audience=patient source=https://www.acr.org/…}
 * :::
 * ```
 *
 * The extractor calls `resolveDutyFields` for every annotation, in the page
 * compile and in the aggregator alike, so a callout and its table row always
 * show the same values. A review date is only ever what an author wrote:
 * never a file's commit or modification date.
 */
import type {Position} from 'unist';
import {didYouMean} from './config.js';
import {addMonths, daysBetween, formatIsoDate, frontMatterDate, parseIsoDate} from './dates.js';
import type {RolesConfig} from '../types.js';

/** The attributes (and front matter keys) this module reads. */
export const DUTY_FIELD_NAMES = ['source', 'owner', 'reviewed', 'audience'] as const;

/** One of `DUTY_FIELD_NAMES`. */
export type DutyFieldName = (typeof DUTY_FIELD_NAMES)[number];

/** A duty's resolved fields, as `RoleEntry` carries them. */
export interface DutyFields {
  citation: string | null;
  owner: string | null;
  reviewed: string | null;
  reviewDue: string | null;
  audience: string[];
}

/** The rule ids of this module's problems. */
export type DutyFieldRuleId = 'invalid-source' | 'invalid-owner' | 'invalid-review-date' | 'unknown-audience' | 'invalid-front-matter';

/** Reports a problem at a place. */
export type ReportFieldProblem = (reason: string, place: Position | undefined, ruleId: DutyFieldRuleId) => void;

/**
 * Days a review date may lie after the build's today: authors in a time zone
 * ahead of the build machine's write tomorrow's date for it.
 */
const FUTURE_GRACE_DAYS = 1;

/** Why a source is invalid, or `undefined`. A source is any text; a URL must be a whole `http(s)` URL. */
export function sourceProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Unexpected empty `source`, expected a citation (a standard, a guideline, a policy) or a URL';
  if (/^https?:/i.test(value.trim()) && !URL.canParse(value.trim())) {
    return `Unexpected source \`${value}\`, expected a whole URL (\`https://…\`) or a citation`;
  }
  return undefined;
}

/** Why an owner is invalid, or `undefined`. */
export function ownerProblem(value: string): string | undefined {
  return value.trim() === '' ? 'Unexpected empty `owner`, expected who answers for the duty (a person, a team, a committee)' : undefined;
}

/** Why a review date is invalid (not a date, or in the future), or `undefined`. */
export function reviewedProblem(value: string, today: string): string | undefined {
  if (!parseIsoDate(value)) {
    return `Unexpected review date \`${value}\`, expected a date written YYYY-MM-DD (for example \`${today}\`)`;
  }
  if (daysBetween(today, value) > FUTURE_GRACE_DAYS) {
    return `Unexpected review date \`${value}\`, later than today (${today}), expected the date of the last review`;
  }
  return undefined;
}

/** Why an audience list is invalid (empty, unknown keys), or `undefined`. */
export function audienceProblem(keys: readonly string[], config: RolesConfig): string | undefined {
  const known = config.audiences.map((audience) => audience.key);
  if (keys.length === 0) return `Unexpected empty \`audience\`, expected one or more of: ${known.join(', ')}`;
  const unknown = keys.find((key) => !known.includes(key));
  if (unknown === undefined) return undefined;
  const close = didYouMean(unknown, known);
  return `Unknown audience \`${unknown}\`, expected one of: ${known.join(', ')}${close ? `; did you mean \`${close}\`?` : ''}`;
}

/** Keys in configured order, each once. */
function orderAudience(keys: readonly string[], config: RolesConfig): string[] {
  return config.audiences.map((audience) => audience.key).filter((key) => keys.includes(key));
}

/** `reviewed` plus the review cycle. */
export function reviewDueDate(reviewed: string, cycleMonths: number): string {
  const date = parseIsoDate(reviewed);
  if (!date) throw new Error(`Expected a date written YYYY-MM-DD, got "${reviewed}"`);
  return formatIsoDate(addMonths(date, cycleMonths));
}

/** Where the front matter's `roles` key and its keys are written, for messages. */
export interface FrontMatterPlaces {
  roles: Position | undefined;
  keys: Partial<Record<string, Position>>;
}

const FENCE = /^---[ \t]*$/;

/** A place on one line, from a column to the end of a key. */
function pointAt(line: number, column: number, length: number): Position {
  return {start: {line, column}, end: {line, column: column + length}};
}

/**
 * Where `roles:` and its keys sit in a document's YAML front matter (block
 * style, or flow style `roles: {source: …}` on one line). Read from the text
 * both the page compile and the aggregator see, so both point at the same
 * place; `undefined` without front matter.
 */
export function frontMatterPlaces(text: string): FrontMatterPlaces | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const places: FrontMatterPlaces = {roles: undefined, keys: {}};
  let inRoles = false;
  for (let index = 1; index < lines.length && !FENCE.test(lines[index]!); index += 1) {
    const line = lines[index]!;
    const number = index + 1;
    const top = /^roles[ \t]*:/.exec(line);
    if (top) {
      places.roles = pointAt(number, 1, 'roles'.length);
      inRoles = true;
      for (const match of line.matchAll(/([\w-]+)[ \t]*:/g)) {
        if (match.index > 0) places.keys[match[1]!] ??= pointAt(number, match.index + 1, match[1]!.length);
      }
      continue;
    }
    if (inRoles && /^\S/.test(line)) inRoles = false;
    const nested = inRoles ? /^([ \t]+)([\w-]+)[ \t]*:/.exec(line) : null;
    if (nested) places.keys[nested[2]!] ??= pointAt(number, nested[1]!.length + 1, nested[2]!.length);
  }
  return places;
}

/** The fields a page gives its duties, and which of them were invalid. */
export interface PageFields {
  values: Partial<Record<DutyFieldName, string>>;
  /** Fields whose front matter value was reported: duties that inherit them are invalid. */
  invalid: Set<DutyFieldName>;
}

/** No front matter fields. */
export const NO_PAGE_FIELDS: PageFields = {values: {}, invalid: new Set()};

/**
 * The front matter's `roles` value (`roles: {source, owner, reviewed,
 * audience}`) as fields; every problem is reported once, at its key.
 * `audience` may be a list or a space-separated string.
 */
export function readPageFields(
  value: unknown,
  config: RolesConfig,
  places: FrontMatterPlaces | undefined,
  report: ReportFieldProblem,
): PageFields {
  if (value === undefined || value === null) return NO_PAGE_FIELDS;
  const at = (key: string) => places?.keys[key] ?? places?.roles ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}};
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(
      `Unexpected front matter \`roles\`, expected an object with any of: ${DUTY_FIELD_NAMES.join(', ')}`,
      places?.roles,
      'invalid-front-matter',
    );
    return NO_PAGE_FIELDS;
  }
  const fields: PageFields = {values: {}, invalid: new Set()};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!(DUTY_FIELD_NAMES as readonly string[]).includes(key)) {
      const close = didYouMean(key, DUTY_FIELD_NAMES);
      report(
        `Unknown front matter key \`roles.${key}\`, expected one of: ${DUTY_FIELD_NAMES.join(', ')}${close ? `; did you mean \`${close}\`?` : ''}`,
        at(key),
        'invalid-front-matter',
      );
      continue;
    }
    const name = key as DutyFieldName;
    const text =
      name === 'reviewed'
        ? frontMatterDate(raw)
        : name === 'audience' && Array.isArray(raw)
          ? raw.map(String).join(' ')
          : typeof raw === 'string' || typeof raw === 'number'
            ? String(raw)
            : undefined;
    if (text === undefined) {
      report(`Unexpected front matter \`roles.${name}\`, expected ${name === 'audience' ? 'a list of audience keys' : 'text'}`, at(name), 'invalid-front-matter');
      fields.invalid.add(name);
      continue;
    }
    const problem = fieldProblem(name, text, config);
    if (problem) {
      report(`Front matter \`roles.${name}\`: ${problem}`, at(name), RULES[name]);
      fields.invalid.add(name);
    } else {
      fields.values[name] = text;
    }
  }
  return fields;
}

/** The rule of each field's problems. */
const RULES: Record<DutyFieldName, DutyFieldRuleId> = {
  source: 'invalid-source',
  owner: 'invalid-owner',
  reviewed: 'invalid-review-date',
  audience: 'unknown-audience',
};

/** Why a written value is invalid, or `undefined`. */
function fieldProblem(name: DutyFieldName, value: string, config: RolesConfig): string | undefined {
  switch (name) {
    case 'source':
      return sourceProblem(value);
    case 'owner':
      return ownerProblem(value);
    case 'reviewed':
      return reviewedProblem(value, config.duties.today);
    case 'audience':
      return audienceProblem(value.split(/\s+/).filter(Boolean), config);
  }
}

/**
 * A duty's fields: each attribute as written, else the page's, else the
 * site's default (audience: every configured audience). An invalid value is
 * reported at the annotation and leaves the field empty; the duty is then
 * invalid, as is a duty that inherits a reported front matter value.
 */
export function resolveDutyFields(
  attributes: Readonly<Record<string, string | null>>,
  page: PageFields,
  config: RolesConfig,
  place: Position | undefined,
  report: ReportFieldProblem,
): {fields: DutyFields; valid: boolean} {
  const {defaults, cycleMonths} = config.duties;
  let valid = true;
  const pick = (name: DutyFieldName, fallback: string | undefined): string | undefined => {
    const written = attributes[name];
    if (written === undefined) {
      if (page.invalid.has(name)) valid = false;
      return page.values[name] ?? fallback;
    }
    const problem = fieldProblem(name, written ?? '', config);
    if (problem) {
      report(problem, place, RULES[name]);
      valid = false;
      return undefined;
    }
    return written ?? undefined;
  };
  const citation = pick('source', defaults.source)?.trim() ?? null;
  const owner = pick('owner', defaults.owner)?.trim() ?? null;
  const reviewed = pick('reviewed', defaults.reviewed) ?? null;
  const written = pick('audience', defaults.audience?.join(' '));
  // No audience anywhere (or an invalid one): every audience.
  const audience =
    written === undefined
      ? config.audiences.map((each) => each.key)
      : orderAudience(written.split(/\s+/).filter(Boolean), config);
  return {
    fields: {
      citation,
      owner,
      reviewed,
      reviewDue: reviewed === null ? null : reviewDueDate(reviewed, cycleMonths),
      audience,
    },
    valid,
  };
}
