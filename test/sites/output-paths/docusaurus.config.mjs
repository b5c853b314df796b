// A site whose build output already holds many files: pages (the home page
// and a guide), Docusaurus's 404 page, static files (robots.txt, an image),
// the sitemap, the blog's feeds, and, when ROLES_SECOND is set, a second
// docusaurus-plugin-roles instance. ROLES_OPTIONS (JSON) sets the plugin's
// options, so each test names a table path or export name that would take
// one of those files: the build must fail before bundling, naming the owner.
import {remarkRoles} from 'docusaurus-plugin-roles';

const options = JSON.parse(process.env.ROLES_OPTIONS ?? '{}');
const second = process.env.ROLES_SECOND ? [['docusaurus-plugin-roles', JSON.parse(process.env.ROLES_SECOND)]] : [];
const instance = second.length > 0 ? [[remarkRoles, {instance: 'default'}]] : [remarkRoles];

export default {
  title: 'Output paths',
  url: 'https://example.org',
  baseUrl: '/',
  trailingSlash: process.env.ROLES_TRAILING_SLASH === undefined ? undefined : process.env.ROLES_TRAILING_SLASH === 'true',
  future: {v4: true},
  i18n: {defaultLocale: 'en', locales: ['en', 'es']},
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: '/', remarkPlugins: instance},
        blog: {remarkPlugins: instance, onUntruncatedBlogPosts: 'ignore'},
        pages: false,
      },
    ],
  ],
  plugins: [['docusaurus-plugin-roles', options], ...second],
};
