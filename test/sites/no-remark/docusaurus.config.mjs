// A site that annotates its docs but forgot `remarkPlugins: [remarkRoles]`.
export default {
  title: 'No remark plugin',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false}]],
  plugins: ['docusaurus-plugin-roles'],
};
