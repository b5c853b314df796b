// A site whose doc names a role and an area that are not configured: the
// build must fail and name the file, line and column of each, once.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Bad role',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
