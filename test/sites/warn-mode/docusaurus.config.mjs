// A site that builds with invalid annotations (`onInvalidAnnotation: 'warn'`):
// every one must reach the page as the author wrote it, none the table, and
// nothing may crash static generation.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Warn mode',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  onBrokenAnchors: 'throw',
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: [['docusaurus-plugin-roles', {onInvalidAnnotation: 'warn'}]],
};
