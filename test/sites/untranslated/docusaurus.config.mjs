// A site in two locales whose Spanish edition translates one doc and not the
// other: the Spanish table lists the untranslated doc as Docusaurus serves
// it (the English original under /es/).
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Untranslated',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  onBrokenAnchors: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en', 'es']},
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
