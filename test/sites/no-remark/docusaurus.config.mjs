// A site that annotates its docs and its blog but forgot
// `remarkPlugins: [remarkRoles]` in both.
export default {
  title: 'No remark plugin',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: {onUntruncatedBlogPosts: 'ignore'}}]],
  plugins: ['docusaurus-plugin-roles'],
};
