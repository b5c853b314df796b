/**
 * The plugin's options: defaults, the Joi schema Docusaurus validates them
 * with, and the one conversion to the `RolesConfig` every layer reads.
 */
import {createRequire} from 'node:module';
import type {OptionValidationContext} from '@docusaurus/types';

// `@docusaurus/utils-validation` is CommonJS and its `Joi` export is not
// visible to ESM importers (nor consistent under jiti): require it.
const {Joi} = createRequire(import.meta.url)(
  '@docusaurus/utils-validation',
) as typeof import('@docusaurus/utils-validation');
import {fileNameProblem, isCssColor, routePathProblem} from './core/safe-values.js';
import {isIsoDate, localDate} from './core/dates.js';
import type {
  AreaInfo,
  AudienceInfo,
  Options,
  PluginOptions,
  RoleInfo,
  RolesConfig,
} from './types.js';

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
  jsonFilename: 'roles.json',
  csvFilename: 'roles.csv',
  onInvalidAnnotation: 'throw',
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

/** Keys are what authors type in `of=` and `area=`: keep them simple. */
export const KEY_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const keyMessage =
  '{{#label}} must start with a letter or digit and hold only letters, digits, `-` and `_`';

const RoleSchema = Joi.object({
  label: Joi.string().trim().min(1).required(),
  aliases: Joi.array()
    .items(Joi.string().pattern(KEY_PATTERN).messages({'string.pattern.base': keyMessage}))
    .unique()
    .default([]),
  description: Joi.string(),
  color: Joi.string().custom((value: string, helpers) =>
    isCssColor(value)
      ? value
      : helpers.message(
          {custom: '{{#label}} must be a CSS colour (`#0a6ebd`, `rebeccapurple`, `oklch(…)`) or a variable (`var(--my-color)`), not "{{#bad}}"'},
          {bad: value},
        ),
  ),
});

const AreaSchema = Joi.object({
  label: Joi.string().trim().min(1).required(),
  description: Joi.string(),
});

const AudienceSchema = Joi.object({
  label: Joi.string().trim().min(1).required(),
  description: Joi.string(),
  plainLanguage: Joi.boolean().default(false),
});

/** A date written `YYYY-MM-DD` that exists in the calendar. */
const isoDateSchema = Joi.string().custom((value: string, helpers) =>
  isIsoDate(value)
    ? value
    : helpers.message({custom: '{{#label}} must be a date written YYYY-MM-DD (for example 2025-03-14), not "{{#bad}}"'}, {bad: value}),
);

/** `'ignore' | 'log' | 'warn' | 'throw'`, as Docusaurus's `onBrokenLinks`. */
const checkSeverity = (fallback: string) => Joi.string().equal('ignore', 'log', 'warn', 'throw').default(fallback);

const ReviewsSchema = Joi.object({
  cycleMonths: Joi.number().integer().min(1).max(1200).default(DEFAULT_OPTIONS.reviews.cycleMonths),
  dueSoonDays: Joi.number().integer().min(0).max(3650).default(DEFAULT_OPTIONS.reviews.dueSoonDays),
  onMissingSource: checkSeverity(DEFAULT_OPTIONS.reviews.onMissingSource),
  onMissingOwner: checkSeverity(DEFAULT_OPTIONS.reviews.onMissingOwner),
  onMissingReview: checkSeverity(DEFAULT_OPTIONS.reviews.onMissingReview),
  onOverdue: checkSeverity(DEFAULT_OPTIONS.reviews.onOverdue),
  onDueSoon: checkSeverity(DEFAULT_OPTIONS.reviews.onDueSoon),
  today: isoDateSchema,
}).default();

const ReadabilitySchema = Joi.object({
  severity: checkSeverity(DEFAULT_OPTIONS.readability.severity),
  grade: Joi.number().min(0).max(30).default(DEFAULT_OPTIONS.readability.grade),
  inflesz: Joi.number().min(0).max(120).default(DEFAULT_OPTIONS.readability.inflesz),
  minWords: Joi.number().integer().min(1).max(100).default(DEFAULT_OPTIONS.readability.minWords),
  words: Joi.array().items(Joi.string().trim().min(1)).default(DEFAULT_OPTIONS.readability.words),
}).default();

const NearDuplicatesSchema = Joi.object({
  severity: checkSeverity(DEFAULT_OPTIONS.nearDuplicates.severity),
  titles: Joi.number().greater(0).max(1).default(DEFAULT_OPTIONS.nearDuplicates.titles),
  texts: Joi.number().greater(0).max(1).default(DEFAULT_OPTIONS.nearDuplicates.texts),
}).default();

const DefaultsSchema = Joi.object({
  source: Joi.string().trim().min(1),
  owner: Joi.string().trim().min(1),
  reviewed: isoDateSchema,
  audience: Joi.array().items(Joi.string()).min(1).unique(),
}).default(DEFAULT_OPTIONS.defaults);

/**
 * An export's file name: a plain name with the export's own extension (so
 * the two exports can never share a name, nor replace a page), or `false`.
 */
const fileNameSchema = (extension: string) =>
  Joi.alternatives().try(
    Joi.string().custom((value: string, helpers) => {
      const problem = fileNameProblem(value, extension);
      return problem ? helpers.message({custom: '{{#label}} {{#problem}}'}, {problem}) : value;
    }),
    Joi.boolean().valid(false),
  );

/** Joi schema of the options; every field has a default. */
export const OptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string().default(DEFAULT_OPTIONS.id),
  roles: Joi.object()
    .pattern(Joi.string(), RoleSchema)
    .min(1)
    .default(DEFAULT_OPTIONS.roles),
  areas: Joi.object()
    .pattern(Joi.string(), AreaSchema)
    .min(1)
    .default(DEFAULT_OPTIONS.areas),
  defaultArea: Joi.string().default(DEFAULT_OPTIONS.defaultArea),
  tablePath: Joi.alternatives()
    .try(
      Joi.string().custom((value: string, helpers) => {
        const problem = routePathProblem(value);
        return problem ? helpers.message({custom: '{{#label}} {{#problem}}'}, {problem}) : value;
      }),
      Joi.boolean().valid(false),
    )
    .default(DEFAULT_OPTIONS.tablePath),
  tableTitle: Joi.string().trim().min(1).default(DEFAULT_OPTIONS.tableTitle),
  tableDescription: Joi.string().trim().min(1).default(DEFAULT_OPTIONS.tableDescription),
  jsonFilename: fileNameSchema('.json').default(DEFAULT_OPTIONS.jsonFilename),
  csvFilename: fileNameSchema('.csv').default(DEFAULT_OPTIONS.csvFilename),
  onInvalidAnnotation: Joi.string()
    .equal('throw', 'warn', 'ignore')
    .default(DEFAULT_OPTIONS.onInvalidAnnotation),
  pageSummary: Joi.boolean().default(DEFAULT_OPTIONS.pageSummary),
  cache: Joi.boolean().default(DEFAULT_OPTIONS.cache),
  workers: Joi.alternatives()
    .try(Joi.number().integer().min(0).max(64), Joi.string().valid('auto'))
    .default(DEFAULT_OPTIONS.workers),
  audiences: Joi.object()
    .pattern(Joi.string(), AudienceSchema)
    .min(1)
    .default(DEFAULT_OPTIONS.audiences),
  defaults: DefaultsSchema,
  reviews: ReviewsSchema,
  readability: ReadabilitySchema,
  nearDuplicates: NearDuplicatesSchema,
})
  .custom((value: PluginOptions, helpers) => {
    // Cross-field rules Joi cannot express per field: a key or alias must
    // name one role only, and the default area must exist.
    for (const [what, keys] of [
      ['Role', Object.keys(value.roles)],
      ['Area', Object.keys(value.areas)],
      ['Audience', Object.keys(value.audiences)],
    ] as const) {
      const bad = keys.find((key) => !KEY_PATTERN.test(key));
      if (bad !== undefined) {
        return helpers.message({
          custom: `${what} key "${bad}" must start with a letter or digit and hold only letters, digits, "-" and "_" (authors type it in \`of=\` and \`area=\`).`,
        });
      }
    }
    const owner = new Map<string, string>();
    for (const [key, role] of Object.entries(value.roles)) {
      for (const name of [key, ...(role.aliases ?? [])]) {
        const other = owner.get(name);
        if (other !== undefined) {
          return helpers.message({
            custom: `Role key or alias "${name}" is used by both "${other}" and "${key}"; each name must point to one role.`,
          });
        }
        owner.set(name, key);
      }
    }
    if (!Object.hasOwn(value.areas, value.defaultArea)) {
      return helpers.message({
        custom: `"defaultArea" is "${value.defaultArea}", which is not one of the configured areas: ${Object.keys(value.areas).join(', ')}.`,
      });
    }
    const unknownAudience = value.defaults.audience?.find((key) => !Object.hasOwn(value.audiences, key));
    if (unknownAudience !== undefined) {
      return helpers.message({
        custom: `"defaults.audience" holds "${unknownAudience}", which is not one of the configured audiences: ${Object.keys(value.audiences).join(', ')}.`,
      });
    }
    return value;
  });

/**
 * Validate and complete the options, Docusaurus-style: Docusaurus calls this
 * with its own `validate`, which prints Joi errors the way every plugin does.
 */
export function validateOptions({
  validate,
  options,
}: OptionValidationContext<Options | undefined, PluginOptions>): PluginOptions {
  return validate(OptionsSchema, options ?? {});
}

/**
 * Validate options outside Docusaurus (the standalone remark plugin, tests):
 * throws an `Error` carrying Joi's message.
 */
export function normalizeOptions(options: Options | undefined): PluginOptions {
  const {value, error} = OptionsSchema.validate(options ?? {}, {
    convert: false,
  });
  if (error) {
    throw new Error(`Invalid docusaurus-plugin-roles options: ${error.message}`);
  }
  return value;
}

/** The parts of the options the parser needs, as ordered lists. */
export function toRolesConfig(options: PluginOptions): RolesConfig {
  const roles: RoleInfo[] = Object.entries(options.roles).map(([key, role]) => ({
    key,
    label: role.label,
    aliases: role.aliases ?? [],
    ...(role.description !== undefined && {description: role.description}),
    ...(role.color !== undefined && {color: role.color}),
  }));
  const areas: AreaInfo[] = Object.entries(options.areas).map(([key, area]) => ({
    key,
    label: area.label,
    ...(area.description !== undefined && {description: area.description}),
  }));
  const audiences: AudienceInfo[] = Object.entries(options.audiences).map(([key, audience]) => ({
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
      defaults: options.defaults,
      cycleMonths: options.reviews.cycleMonths,
      today: options.reviews.today ?? localDate(new Date()),
    },
  };
}
