/**
 * What the options mean, without any validation library: the defaults, the
 * rules that span several fields, and the one conversion to the
 * `RolesConfig` every layer reads.
 *
 * The Docusaurus plugin validates its options with Joi (`../options.ts`,
 * as Docusaurus plugins do); the remark plugin used alone validates its few
 * options without it (`../remark/options.ts`). Both call the rules here, so
 * they accept the same configurations and say the same things about them.
 */
import {localDate} from './dates.js';
import type {AreaInfo, AudienceInfo, PluginOptions, RoleInfo, RolesConfig, RoleOptions} from '../types.js';

/** Options used when the site sets none (see README, "Options"). */
export const DEFAULT_OPTIONS: PluginOptions = {
  id: 'default',
  roles: {
    radiologist: {
      label: 'Radiologist',
      description:
        'A physician who interprets medical images and guides procedures.',
    },
    technologist: {
      label: 'Radiologic technologist',
      aliases: ['radiographer', 'rad-tech'],
      description:
        'Operates the imaging equipment, positions and protects the patient and captures the images.',
    },
  },
  areas: {
    imaging: {label: 'Imaging'},
    interpretation: {label: 'Interpretation'},
    'patient-care': {label: 'Patient care'},
    'radiation-safety': {label: 'Radiation safety'},
    'procedure-guidance': {label: 'Procedure guidance'},
    reporting: {label: 'Reporting'},
    general: {label: 'General'},
  },
  defaultArea: 'general',
  tablePath: '/roles',
  tableTitle: 'Who does what',
  tableDescription: 'Every duty described on this site, compared role by role and area by area.',
  tableVersion: 'each',
  handoutNote: '',
  jsonFilename: 'roles.json',
  csvFilename: 'roles.csv',
  onInvalidAnnotation: 'throw',
  onBrokenHandoffs: 'throw',
  pageSummary: false,
  cache: true,
  workers: 'auto',
  audiences: {
    patient: {label: 'Patients and families', plainLanguage: true},
    staff: {label: 'Staff', plainLanguage: false},
  },
  defaults: {},
  reviews: {
    cycleMonths: 36,
    dueSoonDays: 30,
    onMissingSource: 'warn',
    onMissingOwner: 'ignore',
    onMissingReview: 'warn',
    onOverdue: 'warn',
    onDueSoon: 'log',
  },
  readability: {
    severity: 'warn',
    grade: 8,
    inflesz: 55,
    minWords: 3,
    words: [],
  },
  nearDuplicates: {
    severity: 'warn',
    titles: 0.75,
    texts: 0.35,
  },
};

/** Severities of the accountability checks, as Docusaurus's `onBrokenLinks`. */
export const CHECK_SEVERITIES = ['ignore', 'log', 'warn', 'throw'] as const;

/** Keys are what authors type in `of=` and `area=`: keep them simple. */
export const KEY_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** What a role key, area key or alias must look like, for messages. */
export const KEY_RULE = 'must start with a letter or digit and hold only letters, digits, `-` and `_`';

/** Severities of `onInvalidAnnotation`, in the order messages list them. */
export const SEVERITIES = ['throw', 'warn', 'ignore'] as const;

/**
 * The entries of an options map that are set: a config may write
 * `imaging: undefined` (a condition), which Joi keeps as a key.
 */
export function definedEntries<T>(record: Record<string, T | undefined>): Array<[string, T]> {
  return Object.entries(record).filter((entry): entry is [string, T] => entry[1] !== undefined);
}

/**
 * What is wrong across the roles, areas and default area, if anything
 * (rules no single field can check): at least one role and one area set,
 * keys authors can type, each name pointing to one role, a default area
 * that exists.
 */
export function rolesOptionsProblem(
  value: Pick<PluginOptions, 'roles' | 'areas' | 'defaultArea'> & Partial<Pick<PluginOptions, 'audiences' | 'defaults'>>,
): string | undefined {
  const roles = definedEntries(value.roles);
  const areas = definedEntries(value.areas);
  for (const [name, entries] of [
    ['roles', roles],
    ['areas', areas],
  ] as const) {
    if (entries.length === 0) return `"${name}" must have at least 1 key`;
  }
  const audiences = definedEntries(value.audiences ?? DEFAULT_OPTIONS.audiences);
  if (audiences.length === 0) return '"audiences" must have at least 1 key';
  for (const [what, keys] of [
    ['Role', roles.map(([key]) => key)],
    ['Area', areas.map(([key]) => key)],
    ['Audience', audiences.map(([key]) => key)],
  ] as const) {
    const bad = keys.find((key) => !KEY_PATTERN.test(key));
    if (bad !== undefined) {
      return `${what} key "${bad}" must start with a letter or digit and hold only letters, digits, "-" and "_" (authors type it in \`of=\` and \`area=\`).`;
    }
  }
  const owner = new Map<string, string>();
  for (const [key, role] of roles) {
    for (const name of [key, ...(role.aliases ?? [])]) {
      const other = owner.get(name);
      if (other !== undefined) {
        return `Role key or alias "${name}" is used by both "${other}" and "${key}"; each name must point to one role.`;
      }
      owner.set(name, key);
    }
  }
  if (!areas.some(([key]) => key === value.defaultArea)) {
    return `"defaultArea" is "${value.defaultArea}", which is not one of the configured areas: ${areas.map(([key]) => key).join(', ')}.`;
  }
  const unknownAudience = value.defaults?.audience?.find((key) => !audiences.some(([known]) => known === key));
  if (unknownAudience !== undefined) {
    return `"defaults.audience" holds "${unknownAudience}", which is not one of the configured audiences: ${audiences.map(([key]) => key).join(', ')}.`;
  }
  return undefined;
}

/**
 * The parts of the options the parser needs, as ordered lists; audiences,
 * duty defaults and the review cycle take their defaults when absent, and
 * today is the machine's date unless `reviews.today` fixes it.
 */
export function toRolesConfig(
  options: Pick<PluginOptions, 'roles' | 'areas' | 'defaultArea'> &
    Partial<Pick<PluginOptions, 'audiences' | 'defaults'>> & {
      reviews?: Partial<Pick<PluginOptions['reviews'], 'cycleMonths' | 'today'>>;
    },
): RolesConfig {
  const roles: RoleInfo[] = definedEntries(options.roles).map(([key, role]: [string, RoleOptions]) => ({
    key,
    label: role.label,
    aliases: role.aliases ?? [],
    ...(role.description !== undefined && {description: role.description}),
    ...(role.color !== undefined && {color: role.color}),
  }));
  const areas: AreaInfo[] = definedEntries(options.areas).map(([key, area]) => ({
    key,
    label: area.label,
    ...(area.description !== undefined && {description: area.description}),
  }));
  const audiences: AudienceInfo[] = definedEntries(options.audiences ?? DEFAULT_OPTIONS.audiences).map(([key, audience]) => ({
    key,
    label: audience.label,
    ...(audience.description !== undefined && {description: audience.description}),
    plainLanguage: audience.plainLanguage ?? false,
  }));
  return {
    roles,
    areas,
    defaultArea: options.defaultArea,
    audiences,
    duties: {
      defaults: options.defaults ?? DEFAULT_OPTIONS.defaults,
      cycleMonths: options.reviews?.cycleMonths ?? DEFAULT_OPTIONS.reviews.cycleMonths,
      today: options.reviews?.today ?? localDate(new Date()),
    },
  };
}
