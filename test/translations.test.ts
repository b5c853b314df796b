/**
 * Labels translated the Docusaurus way: the translation file the plugin
 * gives `write-translations`, and the content a localized build reads back.
 */
import {describe, expect, it} from 'vitest';
import type {TranslationFile} from '@docusaurus/types';
import {normalizeOptions} from '../plugins/docusaurus-plugin-roles/src/options.js';
import {
  getRolesTranslationFiles,
  loadRolesContent,
  translateRolesContent,
} from '../plugins/docusaurus-plugin-roles/src/plugin/translations.js';

const content = loadRolesContent(
  normalizeOptions({
    roles: {
      radiologist: {label: 'Radiologist', description: 'Reads the images.'},
      technologist: {label: 'Radiologic technologist', aliases: ['radiographer']},
    },
    areas: {imaging: {label: 'Imaging', description: 'Taking the images.'}, general: {label: 'General'}},
  }),
);

/** The `options` translation file with these messages, as Docusaurus hands it over. */
function translations(messages: Record<string, string>): TranslationFile[] {
  const [file] = getRolesTranslationFiles(content);
  const translated = Object.fromEntries(
    Object.entries(file!.content).map(([key, value]) => [key, {...value, message: messages[key] ?? value.message}]),
  );
  return [{path: 'options', content: translated}];
}

describe('getRolesTranslationFiles', () => {
  it('lists every label, description and alias list, and the table page, with a description for translators', () => {
    const files = getRolesTranslationFiles(content);
    expect(files.map((file) => file.path)).toEqual(['options']);
    const messages = Object.fromEntries(Object.entries(files[0]!.content).map(([key, value]) => [key, value.message]));
    expect(messages).toEqual({
      'table.title': 'Who does what',
      'table.description': 'Every duty described on this site, compared role by role and area by area.',
      'role.radiologist.label': 'Radiologist',
      'role.radiologist.description': 'Reads the images.',
      'role.radiologist.aliases': '',
      'role.technologist.label': 'Radiologic technologist',
      'role.technologist.aliases': 'radiographer',
      'area.imaging.label': 'Imaging',
      'area.imaging.description': 'Taking the images.',
      'area.general.label': 'General',
      'audience.patient.label': 'Patients and families',
      'audience.staff.label': 'Staff',
    });
    for (const value of Object.values(files[0]!.content)) expect(value.description).toBeTruthy();
  });
});

describe('translateRolesContent', () => {
  it('translates labels, descriptions and the table page, and keeps the keys and order', () => {
    const translated = translateRolesContent(
      content,
      translations({
        'table.title': 'Quién hace qué',
        'role.radiologist.label': 'Radiólogo',
        'role.radiologist.description': 'Interpreta las imágenes.',
        'area.imaging.label': 'Imágenes',
      }),
    );
    expect(translated.table.title).toBe('Quién hace qué');
    expect(translated.config.roles.map((role) => [role.key, role.label, role.description])).toEqual([
      ['radiologist', 'Radiólogo', 'Interpreta las imágenes.'],
      ['technologist', 'Radiologic technologist', undefined],
    ]);
    expect(translated.config.areas.map((area) => [area.key, area.label])).toEqual([
      ['imaging', 'Imágenes'],
      ['general', 'General'],
    ]);
    expect(translated.config.defaultArea).toBe('general');
    expect(
      translateRolesContent(content, translations({'audience.staff.label': 'Personal'})).config.audiences.map((audience) => audience.label),
    ).toEqual(['Patients and families', 'Personal']);
  });

  it('adds localized aliases to the configured ones, so both resolve to the canonical key', () => {
    const translated = translateRolesContent(
      content,
      translations({
        'role.radiologist.aliases': 'radiólogo  radióloga',
        'role.technologist.aliases': 'técnico radiographer',
      }),
    );
    expect(translated.config.roles.map((role) => [role.key, role.aliases])).toEqual([
      ['radiologist', ['radiólogo', 'radióloga']],
      ['technologist', ['radiographer', 'técnico']],
    ]);
  });

  it('keeps the original when a translation is missing or blank', () => {
    const translated = translateRolesContent(content, translations({'role.radiologist.label': '  '}));
    expect(translated.config.roles[0]!.label).toBe('Radiologist');
    expect(translateRolesContent(content, [])).toEqual(content);
  });

  it('refuses a localized alias that is not a name, or that already names another role', () => {
    expect(() => translateRolesContent(content, translations({'role.radiologist.aliases': 'médico,radiólogo'}))).toThrow(
      /Invalid alias "médico,radiólogo" for the role "radiologist" .*options\.json, "role\.radiologist\.aliases"/,
    );
    expect(() => translateRolesContent(content, translations({'role.radiologist.aliases': 'radiographer'}))).toThrow(
      /alias "radiographer" for the role "radiologist" .* already names the role "technologist"/,
    );
    expect(() =>
      translateRolesContent(content, translations({'role.radiologist.aliases': 'rad', 'role.technologist.aliases': 'rad'})),
    ).toThrow(/already names the role "radiologist"/);
  });
});

describe('the handout note', () => {
  const withNote = loadRolesContent(normalizeOptions({handoutNote: 'Not medical advice.'}));

  it('is a message only when the site sets one, and is translated like the labels', () => {
    expect(Object.keys(getRolesTranslationFiles(content)[0]!.content)).not.toContain('handout.note');
    const [file] = getRolesTranslationFiles(withNote);
    expect(file!.content['handout.note']).toMatchObject({message: 'Not medical advice.'});
    const translated = translateRolesContent(withNote, [
      {path: 'options', content: {...file!.content, 'handout.note': {message: 'No es consejo médico.'}}},
    ]);
    expect(translated.handoutNote).toBe('No es consejo médico.');
    expect(translateRolesContent(withNote, []).handoutNote).toBe('Not medical advice.');
    expect(translateRolesContent(content, []).handoutNote).toBe('');
  });
});
