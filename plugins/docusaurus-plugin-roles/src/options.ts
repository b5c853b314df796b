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
import type {
  AreaInfo,
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
  onBrokenHandoffs: 'throw',
  pageSummary: false,
  cache: true,
  workers: 'auto',
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
  onBrokenHandoffs: Joi.string()
    .equal('throw', 'warn', 'log', 'ignore')
    .default(DEFAULT_OPTIONS.onBrokenHandoffs),
  pageSummary: Joi.boolean().default(DEFAULT_OPTIONS.pageSummary),
  cache: Joi.boolean().default(DEFAULT_OPTIONS.cache),
  workers: Joi.alternatives()
    .try(Joi.number().integer().min(0).max(64), Joi.string().valid('auto'))
    .default(DEFAULT_OPTIONS.workers),
})
  .custom((value: PluginOptions, helpers) => {
    // Cross-field rules Joi cannot express per field: a key or alias must
    // name one role only, and the default area must exist.
    for (const [what, keys] of [
      ['Role', Object.keys(value.roles)],
      ['Area', Object.keys(value.areas)],
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
  return {roles, areas, defaultArea: options.defaultArea};
}
