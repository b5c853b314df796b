// Two docs plugin instances, one of them versioned, a baseUrl, custom roles
// and a draft: the table gathers every instance and version. Built on the
// classic webpack bundler (the demo site uses Docusaurus Faster), so the
// integration suite covers both.
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
        blog: false,
      },
    ],
  ],
  plugins: [
    [
      '@docusaurus/plugin-content-docs',
      {id: 'staff', path: 'staff', routeBasePath: 'staff', remarkPlugins: [remarkRoles]},
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
      },
    ],
  ],
};
