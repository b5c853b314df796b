/** The plugin's name: its global data key, generated files, i18n folder and CLI. */
export const PLUGIN_NAME = 'docusaurus-plugin-roles';
