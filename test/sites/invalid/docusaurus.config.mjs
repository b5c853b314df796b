// Every kind of invalid annotation, in a doc and a blog post, plus a
// doc that does not parse and a page whose pages instance lacks remarkRoles:
// `docusaurus roles:check` reports each one, positioned. Never built.
import {remarkRoles} from 'docusaurus-plugin-roles';

const QUIET_REVIEWS = {onMissingSource: 'ignore', onMissingReview: 'ignore', onOverdue: 'ignore', onDueSoon: 'ignore'};

export default {
  title: 'Invalid annotations',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]},
        blog: {remarkPlugins: [remarkRoles], onUntruncatedBlogPosts: 'ignore'},
        // Forgot remarkRoles here.
        pages: {},
      },
    ],
  ],
  // Only the annotation problems count here: the accountability checks are off.
  plugins: [['docusaurus-plugin-roles', {reviews: QUIET_REVIEWS, readability: {severity: 'ignore'}, nearDuplicates: {severity: 'ignore'}}]],
};
