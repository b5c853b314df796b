// The same site with a remarkRoles that does not say which of the two
// docusaurus-plugin-roles instances its pages belong to: the build must fail
// before bundling, naming the content instance and the line to write.
import config from './docusaurus.config.mjs';
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  ...config,
  presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [remarkRoles]}, blog: false}]],
};
