/**
 * The plugin's options as Docusaurus validates them: the Joi schema, with a
 * default on every field. What the options mean (defaults, cross-field
 * rules, the `RolesConfig` every layer reads) is in `core/options.ts`,
 * re-exported here.
 */
import {createRequire} from 'node:module';
import type {OptionValidationContext} from '@docusaurus/types';

// `@docusaurus/utils-validation` is CommonJS and its `Joi` export is not
// visible to ESM importers (nor consistent under jiti): require it.
const {Joi} = createRequire(import.meta.url)(
  '@docusaurus/utils-validation',
) as typeof import('@docusaurus/utils-validation');
import {CHECK_SEVERITIES, DEFAULT_OPTIONS, KEY_PATTERN, KEY_RULE, SEVERITIES, rolesOptionsProblem} from './core/options.js';
import {isIsoDate} from './core/dates.js';
import {COLOR_RULE, fileNameProblem, isCssColor, routePathProblem} from './core/safe-values.js';
import type {Options, PluginOptions} from './types.js';

export {DEFAULT_OPTIONS, KEY_PATTERN, toRolesConfig} from './core/options.js';

const keyMessage = `{{#label}} ${KEY_RULE}`;

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
          {custom: `{{#label}} ${COLOR_RULE}, not "{{#bad}}"`},
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
const checkSeverity = (fallback: string) => Joi.string().equal(...CHECK_SEVERITIES).default(fallback);

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
  tableVersion: Joi.string().trim().min(1).default(DEFAULT_OPTIONS.tableVersion),
  handoutNote: Joi.string().allow('').trim().default(DEFAULT_OPTIONS.handoutNote),
  jsonFilename: fileNameSchema('.json').default(DEFAULT_OPTIONS.jsonFilename),
  csvFilename: fileNameSchema('.csv').default(DEFAULT_OPTIONS.csvFilename),
  onInvalidAnnotation: Joi.string()
    .equal(...SEVERITIES)
    .default(DEFAULT_OPTIONS.onInvalidAnnotation),
  onBrokenHandoffs: Joi.string()
    .equal('throw', 'warn', 'log', 'ignore')
    .default(DEFAULT_OPTIONS.onBrokenHandoffs),
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
    // Cross-field rules Joi cannot express per field (shared with the
    // standalone remark plugin's validation).
    const problem = rolesOptionsProblem(value);
    return problem === undefined ? value : helpers.message({custom: problem});
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
 * Validate options outside Docusaurus (tests, tools) with the plugin's own
 * schema: throws an `Error` carrying Joi's message. (The remark plugin used
 * alone validates its options without Joi: `remark/options.ts`.)
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
