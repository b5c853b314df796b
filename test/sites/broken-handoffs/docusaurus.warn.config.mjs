// The same site with `onBrokenHandoffs: 'warn'`: the broken handoffs are
// warnings, the build goes on, and every valid duty stays in the table.

import {remarkRoles} from 'docusaurus-plugin-roles';

// Handoffs only: the accountability checks (sources, reviews, reading level,
// near duplicates) have their own test sites.
const QUIET_CHECKS = {
  reviews: {onMissingSource: 'ignore', onMissingReview: 'ignore', onOverdue: 'ignore', onDueSoon: 'ignore'},
  readability: {severity: 'ignore'},
  nearDuplicates: {severity: 'ignore'},
};

export default {
  title: 'Broken handoffs',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: '/', lastVersion: 'current', remarkPlugins: [remarkRoles]},
        blog: {remarkPlugins: [remarkRoles], onUntruncatedBlogPosts: 'ignore'},
        pages: false,
      },
    ],
  ],
  plugins: [['docusaurus-plugin-roles', {onInvalidAnnotation: 'warn', onBrokenHandoffs: 'warn', ...QUIET_CHECKS}]],
};
