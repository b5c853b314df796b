/** Option validation, through the same `validate` Docusaurus passes to plugins. */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {
  DEFAULT_OPTIONS,
  OptionsSchema,
  validateOptions,
} from '../plugins/docusaurus-plugin-roles/src/options.js';
import type {Options, PluginOptions} from '../plugins/docusaurus-plugin-roles/src/types.js';

function validate(options: Options | undefined): PluginOptions {
  return validateOptions({
    validate: (schema, value) => normalizePluginOptions(schema as typeof OptionsSchema, value as Partial<PluginOptions>),
    options,
  });
}

describe('validateOptions', () => {
  it('fills every default', () => {
    expect(validate(undefined)).toEqual(DEFAULT_OPTIONS);
    expect(validate({})).toEqual(DEFAULT_OPTIONS);
  });

  it('uses the documented defaults', () => {
    const options = validate({});
    expect(Object.keys(options.roles)).toEqual(['radiologist', 'technologist']);
    expect(options.roles.technologist).toMatchObject({
      label: 'Radiologic technologist',
      aliases: ['radiographer', 'rad-tech'],
    });
    expect(Object.keys(options.areas)).toEqual([
      'imaging',
      'interpretation',
      'patient-care',
      'radiation-safety',
      'procedure-guidance',
      'reporting',
      'general',
    ]);
    expect(options).toMatchObject({
      tablePath: '/roles',
      jsonFilename: 'roles.json',
      csvFilename: 'roles.csv',
      onInvalidAnnotation: 'throw',
      defaultArea: 'general',
    });
  });

  it('keeps custom roles and areas in the order written, replacing the defaults', () => {
    const options = validate({
      roles: {nurse: {label: 'Nurse'}, radiologist: {label: 'Radiologist', color: '#123456'}},
      areas: {triage: {label: 'Triage'}, general: {label: 'General'}},
    });
    expect(Object.keys(options.roles)).toEqual(['nurse', 'radiologist']);
    expect(options.roles.nurse!.aliases).toEqual([]);
    expect(Object.keys(options.areas)).toEqual(['triage', 'general']);
  });

  it.each([
    ['#0a6ebd'],
    ['#fff'],
    ['RebeccaPurple'],
    ['transparent'],
    ['var(--site-color-radiologist)'],
    ['var(--ifm-color-primary, #2e8555)'],
    ['rgb(10 110 189 / 80%)'],
    ['oklch(62% 0.15 250)'],
    ['color-mix(in srgb, var(--ifm-color-primary) 60%, white)'],
  ])('accepts the colour %s', (color) => {
    expect(validate({roles: {a: {label: 'A', color}}}).roles.a!.color).toBe(color);
  });

  it.each([['/roles'], ['/staff/roles/'], ['/équipe/rôles'], ['/v1.0/roles~all']])('accepts the route %s', (tablePath) => {
    expect(validate({tablePath}).tablePath).toBe(tablePath);
  });

  it.each([['console.json'], ['com10.json'], ['conference.csv'], ['auxiliary.json'], ['null.json'], ['lpt.csv']])(
    'accepts the export name %s (not a device name)',
    (name) => {
      const key = name.endsWith('.csv') ? 'csvFilename' : 'jsonFilename';
      expect(validate({[key]: name})[key]).toBe(name);
    },
  );

  it('refuses every Windows device name, in any case, with any extension, as a file or a route segment (property)', () => {
    const stem = fc.constantFrom('con', 'prn', 'aux', 'nul', ...'0123456789¹²³'.split('').flatMap((digit) => [`com${digit}`, `lpt${digit}`]));
    const anyCase = stem.chain((word) =>
      fc.array(fc.boolean(), {minLength: word.length, maxLength: word.length}).map((upper) =>
        [...word].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join(''),
      ),
    );
    const extension = fc.array(fc.stringMatching(/^[a-z0-9_-]{1,5}$/), {maxLength: 2}).map((parts) => parts.map((part) => `.${part}`).join(''));
    fc.assert(
      fc.property(anyCase, extension, (name, rest) => {
        expect(() => validate({jsonFilename: `${name}${rest}.json`})).toThrow('Windows reserves');
        expect(() => validate({tablePath: `/a/${name}${rest}`})).toThrow('Windows reserves');
      }),
      {numRuns: 300},
    );
  });

  it('accepts false to turn off the table page and the exports', () => {
    expect(validate({tablePath: false, jsonFilename: false, csvFilename: false})).toMatchObject({
      tablePath: false,
      jsonFilename: false,
      csvFilename: false,
    });
  });

  it.each([
    [{roles: {}}, '"roles" must have at least 1 key'],
    [{roles: {'bad key': {label: 'X'}}}, 'Role key "bad key" must start with a letter or digit'],
    [{areas: {'x/y': {label: 'X'}, general: {label: 'G'}}}, 'Area key "x/y" must start with a letter or digit'],
    [{roles: {nurse: {}}}, '"roles.nurse.label" is required'],
    [{roles: {nurse: {label: 'Nurse', aliases: ['a b']}}}, 'must start with a letter or digit'],
    [
      {roles: {a: {label: 'A', aliases: ['b']}, b: {label: 'B'}}},
      'Role key or alias "b" is used by both "a" and "b"',
    ],
    [{areas: {triage: {label: 'Triage'}}}, '"defaultArea" is "general", which is not one of the configured areas: triage'],
    [{onInvalidAnnotation: 'fail'}, '"onInvalidAnnotation" must be one of [throw, warn, ignore]'],
    // A key set to undefined (a condition in the config) is no area.
    [{areas: {imaging: undefined, general: {label: 'G'}}, defaultArea: 'imaging'}, '"defaultArea" is "imaging", which is not one of the configured areas: general'],
    [{roles: {nurse: undefined}}, '"roles" must have at least 1 key'],
    [{tablePath: 'roles'}, '"tablePath" must be a path starting with `/`'],
    [{jsonFilename: 'out/roles.json'}, '"jsonFilename" must be a plain file name'],
    [{colour: 'red'}, '"colour" is not allowed'],
    // Paths and names that would write outside the build output or replace a page.
    [{tablePath: '/../../x'}, '"tablePath" must not contain a `..` segment'],
    [{tablePath: '/docs/./roles'}, '"tablePath" must not contain a `.` segment'],
    [{tablePath: '/a//b'}, '"tablePath" must not contain an empty segment'],
    [{tablePath: '/ro\u0000les'}, '"tablePath" has the segment `ro\\u0000les`'],
    [{tablePath: '/roles?x=1'}, '"tablePath" has the segment `roles?x=1`'],
    [{tablePath: '/a\\..\\b'}, 'segments may hold only letters, digits'],
    [{jsonFilename: 'index.html'}, '"jsonFilename" must end with `.json`'],
    [{csvFilename: '404.html'}, '"csvFilename" must end with `.csv`'],
    [{jsonFilename: '..'}, '"jsonFilename" must be a plain file name'],
    [{jsonFilename: '.roles.json'}, '"jsonFilename" must be a plain file name'],
    [{jsonFilename: 'ro\u0000les.json'}, '"jsonFilename" must be a plain file name'],
    [{jsonFilename: 'same.json', csvFilename: 'SAME.json'}, '"csvFilename" must end with `.csv`'],
    // Names Windows cannot write: device names with any extension, in any case, and a final dot.
    [{jsonFilename: 'con.json'}, '"jsonFilename" is `con.json`, which Windows reserves for a device'],
    [{csvFilename: 'NUL.csv'}, '"csvFilename" is `NUL.csv`, which Windows reserves for a device'],
    [{jsonFilename: 'com1.backup.json'}, 'which Windows reserves for a device'],
    [{csvFilename: 'Lpt9.csv'}, 'which Windows reserves for a device'],
    [{tablePath: '/aux'}, '"tablePath" has the segment `aux`, which Windows reserves for a device'],
    [{tablePath: '/docs/PRN.html/roles'}, '"tablePath" has the segment `PRN.html`, which Windows reserves'],
    [{tablePath: '/com²'}, 'which Windows reserves for a device'],
    [{tablePath: '/roles./x'}, '"tablePath" has the segment `roles.`, which ends with `.`'],
    // Colours go into a style attribute: only colours pass.
    [{roles: {a: {label: 'A', color: 'red;background:url(https://evil.example/x.png)'}}}, '"roles.a.color" must be a CSS colour'],
    [{roles: {a: {label: 'A', color: 'url(x)'}}}, '"roles.a.color" must be a CSS colour'],
    [{roles: {a: {label: 'A', color: 'rgb(1,2,3)}body{color:red'}}}, '"roles.a.color" must be a CSS colour'],
    [{roles: {a: {label: 'A', color: 'var(--x);x:y'}}}, '"roles.a.color" must be a CSS colour'],
    [{roles: {a: {label: 'A', color: 'rgb(expression(alert(1)))'}}}, '"roles.a.color" must be a CSS colour'],
    [{roles: {a: {label: 'A', color: '"red"'}}}, '"roles.a.color" must be a CSS colour'],
  ])('rejects %j', (options, message) => {
    expect(() => validate(options as Options)).toThrow(message);
  });
});
