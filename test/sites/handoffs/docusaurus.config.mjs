// Handoffs between duties, site-wide: a journey over three docs (ids on the
// page, files relative to the page and to the content root, a permalink),
// the same journey in docs version 1.0 (each version resolves within
// itself), a Spanish edition with one page untranslated (references
// written as in English still resolve), a blog post with its own handoffs,
// a link from an unlisted doc, and the journey's flow embedded in a doc.
import {remarkRoles} from 'docusaurus-plugin-roles';

// Handoffs only: the accountability checks (sources, reviews, reading level,
// near duplicates) have their own test sites.
const QUIET_CHECKS = {
  reviews: {onMissingSource: 'ignore', onMissingReview: 'ignore', onOverdue: 'ignore', onDueSoon: 'ignore'},
  readability: {severity: 'ignore'},
  nearDuplicates: {severity: 'ignore'},
};

export default {
  title: 'Handoffs',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en', 'es']},
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
  plugins: [
    [
      'docusaurus-plugin-roles',
      {
        ...QUIET_CHECKS,
        roles: {
          scheduler: {label: 'Scheduler'},
          technologist: {label: 'Radiologic technologist'},
          radiologist: {label: 'Radiologist'},
          physician: {label: 'Pain medicine physician'},
        },
      },
    ],
  ],
};
