// A site whose pages and table disagree on purpose, to prove that the check
// after the build compares every callout with its entry: a markdown
// preprocessor that changes what the page's compile (the MDX loader) reads,
// but not what the table reads. On the pages, the first duty is the
// technologist's (the table says the radiologist's) and the second page
// gains a duty the table never sees. The build must fail, naming both.
import {remarkRoles} from 'docusaurus-plugin-roles';

/** Whether the MDX loader is the caller (the page's compile), not the table's gathering. */
const fromLoader = () => /mdx-loader/.test(new Error().stack ?? '');

export default {
  title: 'Disagree',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  markdown: {
    preprocessor: ({filePath, fileContent}) => {
      if (!fromLoader()) return fileContent;
      if (filePath.endsWith('index.md')) return fileContent.replace('of=radiologist', 'of=technologist');
      if (filePath.endsWith('extra.md')) return `${fileContent}\n:::role[Added for the page only]{of=radiologist}\nThe table never sees it.\n:::\n`;
      return fileContent;
    },
  },
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
