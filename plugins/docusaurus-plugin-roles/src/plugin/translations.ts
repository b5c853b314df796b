/**
 * Translating what readers see that comes from the options (role and area
 * labels and descriptions, the table page's title and description) the way
 * the docs plugin translates its sidebar labels: `write-translations` writes
 * `i18n/<locale>/docusaurus-plugin-roles[-<id>]/options.json`, and a localized
 * build reads it back through `translateContent`.
 *
 * Aliases can be localized too: the locale's aliases are added to the
 * configured ones, so `of=radiólogo` works in a Spanish doc while an
 * untranslated English doc (which Docusaurus falls back to) keeps working,
 * and the canonical keys never change.
 */
import type {TranslationFile, TranslationFileContent} from '@docusaurus/types';
import {KEY_PATTERN, toRolesConfig} from '../options.js';
import type {AreaInfo, AudienceInfo, PluginOptions, RoleInfo, RolesContent} from '../types.js';

/** The translation file's path, relative to the plugin's i18n folder, without `.json`. */
export const TRANSLATION_FILE = 'options';

/** The plugin's content before translation: straight from the options. */
export function loadRolesContent(options: PluginOptions): RolesContent {
  return {
    config: toRolesConfig(options),
    table: {title: options.tableTitle, description: options.tableDescription},
    handoutNote: options.handoutNote,
  };
}

/** The one translation file: every label, description and alias list, with what it is for. */
export function getRolesTranslationFiles(content: RolesContent): TranslationFile[] {
  const {config, table, handoutNote} = content;
  const messages: TranslationFileContent = {
    'table.title': {message: table.title, description: 'The title of the roles comparison table page'},
    'table.description': {
      message: table.description,
      description: 'The meta description of the roles comparison table page',
    },
  };
  if (handoutNote !== '') {
    messages['handout.note'] = {
      message: handoutNote,
      description: 'The note printed at the foot of every handout (a disclaimer, a phone number)',
    };
  }
  for (const role of config.roles) {
    messages[`role.${role.key}.label`] = {
      message: role.label,
      description: `The label of the role "${role.key}" (table column, badges)`,
    };
    if (role.description !== undefined) {
      messages[`role.${role.key}.description`] = {
        message: role.description,
        description: `The one-sentence description of the role "${role.key}"`,
      };
    }
    messages[`role.${role.key}.aliases`] = {
      message: role.aliases.join(' '),
      description: `Names authors may write in of= for the role "${role.key}" in docs of this locale, separated by spaces (letters, digits, - and _). They are added to the configured aliases; the key "${role.key}" always works`,
    };
  }
  for (const area of config.areas) {
    messages[`area.${area.key}.label`] = {
      message: area.label,
      description: `The label of the area "${area.key}" (table row group)`,
    };
    if (area.description !== undefined) {
      messages[`area.${area.key}.description`] = {
        message: area.description,
        description: `The one-sentence description of the area "${area.key}"`,
      };
    }
  }
  for (const audience of config.audiences) {
    messages[`audience.${audience.key}.label`] = {
      message: audience.label,
      description: `The label of the audience "${audience.key}" (the table's audience filter)`,
    };
    if (audience.description !== undefined) {
      messages[`audience.${audience.key}.description`] = {
        message: audience.description,
        description: `The one-sentence description of the audience "${audience.key}"`,
      };
    }
  }
  return [{path: TRANSLATION_FILE, content: messages}];
}

/** A translated message, or the original when the translation is missing or blank. */
function translated(messages: TranslationFileContent, key: string, original: string): string {
  const message = messages[key]?.message;
  return message !== undefined && message.trim() !== '' ? message : original;
}

/**
 * The content with the locale's labels, descriptions and extra aliases.
 * Throws when a localized alias is not a valid name or already names
 * another role: the build must not guess which role a doc means.
 */
export function translateRolesContent(content: RolesContent, translationFiles: TranslationFile[]): RolesContent {
  const messages = translationFiles.find((file) => file.path === TRANSLATION_FILE)?.content ?? {};
  const {config, table, handoutNote} = content;
  const owner = new Map<string, string>();
  for (const role of config.roles) {
    for (const name of [role.key, ...role.aliases]) owner.set(name, role.key);
  }
  const roles = config.roles.map((role): RoleInfo => {
    const extra = (messages[`role.${role.key}.aliases`]?.message ?? '').split(/\s+/).filter(Boolean);
    const aliases = [...role.aliases];
    for (const alias of extra) {
      if (!KEY_PATTERN.test(alias)) {
        throw new Error(
          `Invalid alias "${alias}" for the role "${role.key}" in the docusaurus-plugin-roles translation file (${TRANSLATION_FILE}.json, "role.${role.key}.aliases"): an alias must start with a letter or digit and hold only letters, digits, "-" and "_"; separate aliases with spaces.`,
        );
      }
      const other = owner.get(alias);
      if (other !== undefined && other !== role.key) {
        throw new Error(
          `The alias "${alias}" for the role "${role.key}" in the docusaurus-plugin-roles translation file (${TRANSLATION_FILE}.json, "role.${role.key}.aliases") already names the role "${other}"; each name must point to one role.`,
        );
      }
      owner.set(alias, role.key);
      if (alias !== role.key && !aliases.includes(alias)) aliases.push(alias);
    }
    return {
      ...role,
      label: translated(messages, `role.${role.key}.label`, role.label),
      aliases,
      ...(role.description !== undefined && {
        description: translated(messages, `role.${role.key}.description`, role.description),
      }),
    };
  });
  const areas = config.areas.map(
    (area): AreaInfo => ({
      ...area,
      label: translated(messages, `area.${area.key}.label`, area.label),
      ...(area.description !== undefined && {
        description: translated(messages, `area.${area.key}.description`, area.description),
      }),
    }),
  );
  const audiences = config.audiences.map(
    (audience): AudienceInfo => ({
      ...audience,
      label: translated(messages, `audience.${audience.key}.label`, audience.label),
      ...(audience.description !== undefined && {
        description: translated(messages, `audience.${audience.key}.description`, audience.description),
      }),
    }),
  );
  return {
    config: {...config, roles, areas, audiences},
    table: {
      title: translated(messages, 'table.title', table.title),
      description: translated(messages, 'table.description', table.description),
    },
    handoutNote: handoutNote === '' ? '' : translated(messages, 'handout.note', handoutNote),
  };
}
