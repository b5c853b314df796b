/**
 * The standalone remark plugin's options are checked without Joi
 * (`remark/options.ts`): a differential property test holds it to the
 * Docusaurus plugin's Joi schema on every field the remark plugin reads:
 * both accept the same values and make the same configuration of them.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {OptionsSchema, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {normalizeRemarkOptions} from '../plugins/docusaurus-plugin-roles/src/remark/options.js';
import type {PluginOptions} from '../plugins/docusaurus-plugin-roles/src/types.js';

/** Strings near the edges of the rules: keys, white space, colours, empties. */
const text = fc.oneof(
  fc.constantFrom('', ' ', 'a', 'A b', ' padded', 'padded ', 'nurse', 'rn', 'rad-tech', 'x_y', '_x', '-x', 'é1', 'a b', 'general', 'imaging'),
  fc.constantFrom('#0a6ebd', '#fff', 'red', 'var(--x)', 'url(x)', 'red;x:y', 'rgb(1 2 3)', 'oklch(62% 0.15 250)'),
  fc.string({maxLength: 6}),
);

/** Anything a config may hold where a value is expected. */
const anything = fc.oneof(text, fc.boolean(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(text, {maxLength: 2}));

/** Values that pass, so that both sides of every rule are reached. */
const key = fc.constantFrom('nurse', 'rn', 'radiologist', 'x1', 'é', 'a-b', 'c_d');
const areaKey = fc.constantFrom('general', 'imaging', 'triage');
const validRole = fc.record(
  {
    label: fc.constantFrom('Nurse', 'A b'),
    aliases: fc.array(key, {maxLength: 2}),
    description: fc.constantFrom('One sentence.', 'x'),
    color: fc.constantFrom('#0a6ebd', 'var(--x)', 'rebeccapurple'),
  },
  {requiredKeys: ['label']},
);
const validArea = fc.record({label: fc.constantFrom('Triage', 'General'), description: fc.constant('x')}, {requiredKeys: ['label']});

const role = fc.oneof(
  {weight: 12, arbitrary: validRole},
  fc.record(
    {
      label: fc.oneof(text, anything),
      aliases: fc.oneof(fc.array(text, {maxLength: 3}), anything),
      description: fc.oneof(text, anything),
      color: fc.oneof(text, anything),
      colour: text,
    },
    {requiredKeys: []},
  ),
  anything,
);

const area = fc.oneof(
  {weight: 12, arbitrary: validArea},
  fc.record({label: fc.oneof(text, anything), description: fc.oneof(text, anything), icon: text}, {requiredKeys: []}),
  anything,
);

// Sources, reviews and audiences: valid values mostly, and each way to be wrong.
const date = fc.oneof({weight: 6, arbitrary: fc.constantFrom('2025-03-14', '2024-02-29')}, fc.constantFrom('2025-02-30', '2025-1-5', 'March 14, 2025', ''));
const audienceKey = fc.oneof({weight: 6, arbitrary: fc.constantFrom('patient', 'staff')}, fc.constant('visitor'));
const audiences = fc.oneof(
  {weight: 20, arbitrary: fc.constant(undefined)},
  {weight: 10, arbitrary: fc.dictionary(fc.constantFrom('patient', 'staff'), fc.record({label: fc.constantFrom('Patients', 'Staff'), plainLanguage: fc.boolean()}, {requiredKeys: ['label']}), {minKeys: 2, maxKeys: 2})},
  fc.dictionary(text, fc.oneof(fc.record({label: fc.oneof(text, anything), plainLanguage: anything}, {requiredKeys: []}), anything), {maxKeys: 2}),
  anything,
);
const defaults = fc.oneof(
  {weight: 20, arbitrary: fc.constant(undefined)},
  {weight: 10, arbitrary: fc.record({source: fc.constantFrom('ACR standard', 'ACR standard', ' padded'), owner: fc.constantFrom('Team', 'Team', ''), reviewed: date, audience: fc.array(audienceKey, {maxLength: 2})}, {requiredKeys: []})},
  anything,
);
const reviews = fc.oneof(
  {weight: 20, arbitrary: fc.constant(undefined)},
  {weight: 10, arbitrary: fc.record({cycleMonths: fc.oneof({weight: 6, arbitrary: fc.integer({min: 1, max: 1200})}, fc.constantFrom(0, 1201, 1.5)), dueSoonDays: fc.integer({min: -1, max: 40}), today: date, onOverdue: fc.constantFrom('throw', 'log', 'log', 'loud')}, {requiredKeys: []})},
  anything,
);

const options = fc.record(
  {
    audiences,
    defaults,
    reviews,
    roles: fc.oneof(
      {weight: 12, arbitrary: fc.dictionary(key, role, {minKeys: 1, maxKeys: 3})},
      fc.dictionary(text, role, {maxKeys: 3}),
      anything,
    ),
    areas: fc.oneof(
      {weight: 12, arbitrary: fc.dictionary(areaKey, area, {minKeys: 1, maxKeys: 3})},
      fc.dictionary(text, area, {maxKeys: 3}),
      anything,
    ),
    defaultArea: fc.oneof({weight: 12, arbitrary: areaKey}, text, anything),
    onInvalidAnnotation: fc.oneof({weight: 12, arbitrary: fc.constantFrom('throw', 'warn', 'ignore')}, fc.constant('fail'), anything),
    pageSummary: fc.oneof({weight: 12, arbitrary: fc.boolean()}, anything),
  },
  {requiredKeys: []},
);

/** What Joi makes of the options, as the remark plugin would read it. */
function joi(value: unknown) {
  const {value: validated, error} = OptionsSchema.validate(value, {convert: false});
  if (error) return {accepted: false as const, message: error.message};
  const normalized = validated as PluginOptions;
  return {
    accepted: true as const,
    settings: {config: toRolesConfig(normalized), severity: normalized.onInvalidAnnotation, pageSummary: normalized.pageSummary},
  };
}

function plain(value: unknown) {
  try {
    const {config, severity, pageSummary} = normalizeRemarkOptions(value as never).settings;
    return {accepted: true as const, settings: {config, severity, pageSummary}};
  } catch (error) {
    return {accepted: false as const, message: (error as Error).message};
  }
}

describe('remarkRoles options without Joi', () => {
  it('accepts what the Joi schema accepts, with the same configuration (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(options, (value) => {
        const expected = joi(value);
        const actual = plain(value);
        expect(actual.accepted, `${JSON.stringify(value)}: Joi says ${expected.accepted ? 'yes' : expected.message}`).toBe(
          expected.accepted,
        );
        if (expected.accepted && actual.accepted) {
          accepted += 1;
          expect(actual.settings).toEqual(expected.settings);
        }
      }),
      {numRuns: 5_000, seed: Number(process.env.FUZZ_SEED ?? 17)},
    );
    // The generator reaches both sides, not only refusals.
    expect(accepted).toBeGreaterThan(500);
  });

  it.each([
    [{onInvalidAnnotation: 'loud'}, '"onInvalidAnnotation" must be one of [throw, warn, ignore]'],
    [{roles: {}}, '"roles" must have at least 1 key'],
    [{roles: {nurse: {}}}, '"roles.nurse.label" is required'],
    [{roles: {nurse: {label: ' Nurse'}}}, '"roles.nurse.label" must not have leading or trailing whitespace'],
    [{roles: {a: {label: 'A', aliases: ['b']}, b: {label: 'B'}}}, 'Role key or alias "b" is used by both "a" and "b"'],
    [{roles: {a: {label: 'A', color: 'url(x)'}}}, '"roles.a.color" must be a CSS colour'],
    [{areas: {triage: {label: 'Triage'}}}, '"defaultArea" is "general", which is not one of the configured areas: triage'],
    [{colour: 'red'}, '"colour" is not allowed'],
  ])('names the problem of %j', (value, message) => {
    expect(() => normalizeRemarkOptions(value as never)).toThrow(`Invalid remarkRoles options: ${message}`);
  });

  it("accepts and ignores the Docusaurus plugin's own options, so one object can configure both", () => {
    const settings = normalizeRemarkOptions({tablePath: '/who', jsonFilename: false, cache: false, workers: 2, id: 'x'});
    expect(settings.settings.severity).toBe('throw');
  });
});
