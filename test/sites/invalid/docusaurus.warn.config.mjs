// The same site with `onInvalidAnnotation: 'warn'`, remarkRoles everywhere
// and the doc that does not parse left out: only warnings remain.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Invalid annotations, as warnings',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: '/', remarkPlugins: [remarkRoles], exclude: ['broken.mdx']},
        blog: {remarkPlugins: [remarkRoles], onUntruncatedBlogPosts: 'ignore'},
        pages: {remarkPlugins: [remarkRoles]},
      },
    ],
  ],
  plugins: [['docusaurus-plugin-roles', {onInvalidAnnotation: 'warn'}]],
};
