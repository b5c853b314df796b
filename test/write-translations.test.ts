/**
 * `docusaurus write-translations` in a site that uses the plugin finds every
 * UI string of the theme and every label of the options:
 *
 * - each `theme.roles.*` id written in the theme's sources (as `<Translate
 *   id=…>` or `translate({id: …})`) is in the extracted `code.json`, with a
 *   default message and a description for translators, and nothing else
 *   is; so a new string can never be left out again;
 * - the plugin's `options.json` holds the role and area labels and the
 *   table page's title and description.
 *
 * The site is written into `test/.tmp`, so the extraction never touches the
 * repository's own `i18n/` folder.
 */
import {mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {runDocusaurus} from './docusaurus-cli.js';

const repo = path.dirname(import.meta.dirname);
const themeSources = path.join(repo, 'plugins', 'docusaurus-plugin-roles', 'src', 'theme');
const siteDir = path.join(repo, 'test', '.tmp', 'write-translations');

type TranslationFile = Record<string, {message: string; description?: string}>;

/** Every `theme.roles.*` id that a theme source file names in a string literal. */
function idsInThemeSources(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(themeSources, {recursive: true}) as string[]) {
    if (!/\.tsx?$/.test(file) || file.endsWith('.d.ts')) continue;
    const source = readFileSync(path.join(themeSources, file), 'utf8');
    for (const match of source.matchAll(/["'`](theme\.roles\.[\w.-]+)["'`]/g)) ids.add(match[1]!);
  }
  return ids;
}

function readJson(...segments: string[]): TranslationFile {
  return JSON.parse(readFileSync(path.join(siteDir, 'i18n', 'fr', ...segments), 'utf8')) as TranslationFile;
}

beforeAll(async () => {
  rmSync(siteDir, {recursive: true, force: true});
  mkdirSync(path.join(siteDir, 'docs'), {recursive: true});
  writeFileSync(
    path.join(siteDir, 'docusaurus.config.mjs'),
    `import {remarkRoles} from 'docusaurus-plugin-roles';
export default {
  title: 'Translations',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  i18n: {defaultLocale: 'en', locales: ['en', 'fr']},
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false, pages: false}]],
  plugins: [['docusaurus-plugin-roles', {
    roles: {radiologist: {label: 'Radiologist', description: 'Reads the images.'}, nurse: {label: 'Nurse', aliases: ['rn']}},
    areas: {imaging: {label: 'Imaging'}, general: {label: 'General', description: 'Everything else.'}},
    tableTitle: 'Who does what here',
  }]],
};
`,
  );
  writeFileSync(path.join(siteDir, 'docs', 'index.md'), '# Home\n\n:::role[Reads]{of=radiologist}\nText.\n:::\n');
  const {code, stdout, stderr} = await runDocusaurus(siteDir, ['write-translations', siteDir, '--locale', 'fr']);
  expect(code, stdout + stderr).toBe(0);
});

describe('write-translations', () => {
  it("extracts every theme.roles.* id of the theme's sources, and only those", () => {
    const inSources = idsInThemeSources();
    // The theme has strings in each of its components; a failed scan must not pass.
    expect(inSources.size).toBeGreaterThanOrEqual(30);
    const extracted = Object.keys(readJson('code.json')).filter((id) => id.startsWith('theme.roles.'));
    expect(extracted.sort()).toEqual([...inSources].sort());
  });

  it('writes each UI string with its default message and a description for translators', () => {
    const code = readJson('code.json');
    for (const id of idsInThemeSources()) {
      expect(code[id]?.message, id).toBeTruthy();
      expect(code[id]?.description, id).toBeTruthy();
    }
    expect(code['theme.roles.callout.compare']?.message).toBe('Compare in the table');
    expect(code['theme.roles.table.status']?.message).toBe(
      'Showing {shown} of {total} duty|Showing {shown} of {total} duties',
    );
  });

  it("writes the options' labels to i18n/<locale>/docusaurus-plugin-roles/options.json", () => {
    const options = readJson('docusaurus-plugin-roles', 'options.json');
    expect(Object.fromEntries(Object.entries(options).map(([key, value]) => [key, value.message]))).toEqual({
      'table.title': 'Who does what here',
      'table.description': 'Every duty described on this site, compared role by role and area by area.',
      'role.radiologist.label': 'Radiologist',
      'role.radiologist.description': 'Reads the images.',
      'role.radiologist.aliases': '',
      'role.nurse.label': 'Nurse',
      'role.nurse.aliases': 'rn',
      'area.imaging.label': 'Imaging',
      'area.general.label': 'General',
      'area.general.description': 'Everything else.',
      'audience.patient.label': 'Patients and families',
      'audience.staff.label': 'Staff',
    });
  });
});

describe("the demo's Spanish translation", () => {
  const es = (...segments: string[]): TranslationFile =>
    JSON.parse(readFileSync(path.join(repo, 'i18n', 'es', ...segments), 'utf8')) as TranslationFile;

  it('translates every UI string of the theme', () => {
    const code = es('code.json');
    const extracted = readJson('code.json');
    for (const id of idsInThemeSources()) {
      expect(code[id]?.message, id).toBeTruthy();
      // "Total" is Spanish too; every other string differs from the English default.
      if (id !== 'theme.roles.table.total') expect(code[id]!.message, id).not.toBe(extracted[id]!.message);
    }
  });

  it('translates every label of the options', () => {
    const labels = es('docusaurus-plugin-roles', 'options.json');
    expect(labels['table.title']?.message).toBe('Quién hace qué');
    expect(labels['role.technologist.label']?.message).toBe('Tecnólogo radiológico');
    expect(labels['area.radiation-safety.label']?.message).toBe('Seguridad radiológica');
  });
});
