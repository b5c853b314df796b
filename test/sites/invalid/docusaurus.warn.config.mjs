// The same site with `onInvalidAnnotation: 'warn'`, remarkRoles everywhere
// and the doc that does not parse left out: only warnings remain.
import {remarkRoles} from 'docusaurus-plugin-roles';

const QUIET_REVIEWS = {onMissingSource: 'ignore', onMissingReview: 'ignore', onOverdue: 'ignore', onDueSoon: 'ignore'};

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
  plugins: [
    [
      'docusaurus-plugin-roles',
      // Only the annotation problems count here: the accountability checks are off.
      {onInvalidAnnotation: 'warn', reviews: QUIET_REVIEWS, readability: {severity: 'ignore'}, nearDuplicates: {severity: 'ignore'}},
    ],
  ],
};
