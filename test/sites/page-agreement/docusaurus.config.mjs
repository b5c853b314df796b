// Site configurations a hospital web team writes, where the table must
// still be what the pages are (issue 17): files with a byte-order mark,
// remark-math listed before remarkRoles (as Docusaurus's math guide shows),
// a shared protocol imported as a partial into several pages. Built with
// Docusaurus Faster (`future.faster`, without the rest of v4, so mdx1Compat keeps `{#id}`
// heading ids): Rspack's loader runner drops the BOM.
import remarkMath from 'remark-math';
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Page agreement',
  url: 'https://example.org',
  baseUrl: '/',
  future: {faster: true, v4: {removeLegacyPostBuildHeadAttribute: true}},
  onBrokenAnchors: 'throw',
  onBrokenLinks: 'throw',
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkMath, remarkRoles]}, blog: false}]],
  plugins: [['docusaurus-plugin-roles', {}]],
};
