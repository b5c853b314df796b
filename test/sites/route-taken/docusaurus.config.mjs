// A doc already serves /roles, the table page's default route: the build
// must fail and name the doc.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Route taken',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
