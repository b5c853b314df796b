// The same site with `onBrokenHandoffs: 'warn'`: the broken handoffs are
// warnings, the build goes on, and every valid duty stays in the table.
import site from './docusaurus.config.mjs';

const [[name, options]] = site.plugins;

export default {...site, plugins: [[name, {...options, onBrokenHandoffs: 'warn'}]]};
