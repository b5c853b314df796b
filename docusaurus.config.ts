import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {readFileSync} from 'node:fs';
import {remarkRoles, type Options as RolesOptions} from 'docusaurus-plugin-roles';

// This runs in Node.js - Don't use client-side code here (browser APIs, JSX...)

/**
 * The glossary's terms, English and Spanish: each bold `**Term**` that opens a
 * paragraph, with its parenthesized long form (`CT (computed tomography)`).
 * The glossary explains them, so the reading-level check counts each as one
 * short word instead of a hard one (the plugin's `readability.words`).
 */
function glossaryTerms(): string[] {
  const files = ['docs/glossary.md', 'i18n/es/docusaurus-plugin-content-docs/current/glossary.md'];
  const terms = new Set<string>();
  for (const file of files) {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const [, term] of text.matchAll(/^\*\*([^*]+)\*\*/gm)) {
      const [name, long] = term!.split(/\s*\(|\)/);
      if (name) terms.add(name.trim());
      // A long form, not a pronunciation hint ("rhymes with …", "rima con …").
      if (long && !/["“”«»]/.test(long)) terms.add(long.trim());
    }
  }
  return [...terms];
}

/**
 * Who does what on this site. Configured once: the plugin hands these
 * options to `remarkRoles`, so the pages and the table always agree.
 */
const roles: RolesOptions = {
  roles: {
    radiologist: {
      label: 'Radiologist',
      description:
        'A physician who interprets medical images, guides image-based procedures and reports the findings.',
      color: 'var(--site-color-radiologist)',
    },
    technologist: {
      label: 'Radiologic technologist',
      aliases: ['radiographer', 'rad-tech'],
      description:
        'Operates the imaging equipment, positions and protects the patient and captures the images.',
      color: 'var(--site-color-technologist)',
    },
    // Not an imaging role: the doctor who places an implant under the
    // technologist's images (the spinal cord stimulator journey), so that
    // the journey credits each step to who really does it. Last, so it is
    // the secondary column beside the two imaging roles.
    physician: {
      label: 'Implanting physician',
      aliases: ['implanting-physician', 'pain-physician'],
      description:
        'The doctor who places an implant, such as a spinal cord stimulator: often a pain medicine physician or a neurosurgeon, sometimes an interventional radiologist.',
      color: 'var(--site-color-physician)',
    },
  },
  tablePath: '/roles',
  // End every annotated page with a "Roles on this page" summary.
  pageSummary: true,
  // Printed at the foot of every handout, after the site's name and the page's address.
  handoutNote:
    'General education only, not medical advice: who does each task varies by hospital. Ask your care team about your own care.',
  // Who each duty is written for: the journey and its printed handout show
  // the patients' duties; the table filters by audience.
  audiences: {
    patient: {label: 'Patients and families', plainLanguage: true},
    staff: {label: 'Hospital staff'},
  },
  // Who answers for every duty's text. Each page says when it was last
  // reviewed (front matter `roles.reviewed`), each duty where it comes from.
  defaults: {owner: 'Imaging education committee'},
  // Patient-facing duties read at grade 8 or below (NIH); the glossary's
  // terms are explained on the site, so they do not count as hard words.
  readability: {grade: 8, words: glossaryTerms()},
};

// The site's title and tagline are not translation files' business: pick them per locale.
const spanish = process.env.DOCUSAURUS_CURRENT_LOCALE === 'es';

const config: Config = {
  title: spanish ? 'Quién hace qué en imágenes médicas' : 'Who does what in imaging',
  tagline: spanish
    ? 'Radiólogos y tecnólogos radiológicos, lado a lado'
    : 'Radiologists and radiologic technologists, side by side',
  favicon: 'img/favicon.ico',

  // Future flags, see https://docusaurus.io/docs/api/docusaurus-config#future
  future: {
    v4: true, // Improve compatibility with the upcoming Docusaurus v4
  },

  url: 'https://imaging-roles.example.org',
  baseUrl: process.env.BASE_URL ?? '/',

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',

  // A Spanish edition: `i18n/es` holds the translated pages, the theme's and
  // the plugin's strings, and the role and area labels.
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'es'],
  },

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // The one line that renders `:::role` annotations on the pages.
          remarkPlugins: [remarkRoles],
        },
        // Patient stories and news: annotations count here too.
        blog: {
          blogTitle: 'Stories',
          blogDescription: 'Stories from the imaging department: the people behind your scan.',
          blogSidebarTitle: 'Recent stories',
          remarkPlugins: [remarkRoles],
        },
        // Markdown pages in src/pages (such as /your-visit) as well.
        pages: {
          remarkPlugins: [remarkRoles],
        },
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [['docusaurus-plugin-roles', roles]],

  themeConfig: {
    colorMode: {
      respectPrefersColorScheme: true,
    },
    navbar: {
      title: 'Who does what in imaging',
      logo: {
        alt: 'Site logo',
        src: 'img/logo.svg',
      },
      items: [
        {
          type: 'docSidebar',
          sidebarId: 'guideSidebar',
          position: 'left',
          label: 'Guide',
        },
        {to: '/roles', label: 'Comparison table', position: 'left'},
        {to: '/your-visit', label: 'Your visit', position: 'left'},
        {to: '/blog', label: 'Stories', position: 'left'},
        {type: 'localeDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Guide',
          items: [
            {label: 'What radiologists do', to: '/what-radiologists-do'},
            {label: 'What technologists do', to: '/what-technologists-do'},
            {label: 'Comparison table', to: '/roles'},
          ],
        },
        {
          title: 'Patients',
          items: [
            {label: 'Your imaging visit', to: '/your-visit'},
            {label: 'Stories', to: '/blog'},
          ],
        },
      ],
      copyright: `General education only, not medical advice. Built with Docusaurus and docusaurus-plugin-roles.`,
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
