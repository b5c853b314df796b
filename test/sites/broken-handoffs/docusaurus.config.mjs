// One doc per kind of broken handoff (each annotation says what is wrong),
// with a blog and a docs version to link across: `roles:check` and the
// build report each, positioned, with "did you mean" where it helps. The
// malformed reference is an invalid annotation (a warning here, so that the
// build stops on the broken handoffs, `onBrokenHandoffs`' default).
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
  plugins: [['docusaurus-plugin-roles', {onInvalidAnnotation: 'warn', ...QUIET_CHECKS}]],
};
