// A site whose doc names a role that is not configured: the build must fail
// and name the file, line and column.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Bad role',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
