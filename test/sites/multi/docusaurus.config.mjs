// Two docs plugin instances, one of them versioned, two blogs, Markdown
// pages, a baseUrl, custom roles, drafts and unlisted content: the table
// gathers every instance and version of every kind. Built on the classic
// webpack bundler (the demo site uses Docusaurus Faster), so the integration
// suite covers both.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Multi',
  url: 'https://example.org',
  baseUrl: '/hospital/',
  trailingSlash: true,
  future: {v4: true, faster: false},
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  presets: [
    [
      'classic',
      {
        docs: {remarkPlugins: [remarkRoles]},
        blog: {remarkPlugins: [remarkRoles], onUntruncatedBlogPosts: 'ignore'},
        pages: {remarkPlugins: [remarkRoles]},
      },
    ],
  ],
  plugins: [
    [
      '@docusaurus/plugin-content-docs',
      {id: 'staff', path: 'staff', routeBasePath: 'staff', remarkPlugins: [remarkRoles]},
    ],
    [
      '@docusaurus/plugin-content-blog',
      {id: 'news', path: 'news', routeBasePath: 'news', remarkPlugins: [remarkRoles]},
    ],
    [
      'docusaurus-plugin-roles',
      {
        roles: {
          radiologist: {label: 'Radiologist'},
          technologist: {label: 'Radiologic technologist', aliases: ['radiographer']},
          nurse: {label: 'Radiology nurse', aliases: ['rn']},
        },
        tablePath: '/who-does-what',
        // Every duty answers to the hospital's policy unless it says more;
        // the staff instance's duties are for staff (their front matter).
        defaults: {
          source: 'Hospital imaging policy IM-12',
          owner: 'Imaging education committee',
          reviewed: '2025-01-15',
        },
        reviews: {today: '2025-06-01'},
        // The duties of this fixture are written for tests, not for readers.
        readability: {severity: 'ignore'},
      },
    ],
  ],
};
