// The roles plugin's options of this site: review dates are counted from a
// fixed day, so the statuses below never change with the calendar.
export const rolesOptions = {
  reviews: {today: '2025-06-01', cycleMonths: 12},
  readability: {words: ['radiologist', 'technologist']},
};

/** The site, with the roles plugin's options. */
export function siteConfig(options, title = 'Accountability') {
  return {
    title,
    url: 'https://example.org',
    baseUrl: '/',
    future: {v4: true},
    onBrokenLinks: 'throw',
    onBrokenAnchors: 'throw',
    i18n: {defaultLocale: 'en', locales: ['en', 'es']},
    presets: [['classic', {docs: {routeBasePath: '/', remarkPlugins: [options.remarkRoles]}, blog: false, pages: false}]],
    plugins: [['docusaurus-plugin-roles', options.roles]],
  };
}
