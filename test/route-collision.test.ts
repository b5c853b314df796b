/**
 * The table page and the exports never take a file another writes into the
 * build output: pages (the content plugins' pages early, every plugin's
 * routes after the build, Docusaurus's 404 page), static files, known
 * plugin files, other locales' folders, other instances, each owner named.
 * The real builds are in `long/build-sites.test.ts`.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {AllContent, DocusaurusConfig, RouteConfig} from '@docusaurus/types';
import {
  contentPageClaims,
  notFoundClaim,
  pluginRouteClaims,
} from '../plugins/docusaurus-plugin-roles/src/plugin/route-collision.js';
import {
  conflictWith,
  localeFolders,
  overlaps,
  pluginOutputs,
  routeFile,
  staticConflict,
} from '../plugins/docusaurus-plugin-roles/src/plugin/output-paths.js';
import {outputConflict, ownOutputs} from '../plugins/docusaurus-plugin-roles/src/plugin/output-check.js';

const layout = {baseUrl: '/', trailingSlash: undefined};

const allContent = {
  'docusaurus-plugin-content-docs': {
    default: {
      loadedVersions: [
        {docs: [{permalink: '/intro', source: '@site/docs/intro.md'}, {permalink: '/roles/', source: '@site/docs/roles.md'}]},
      ],
    },
  },
  'docusaurus-plugin-content-blog': {
    default: {blogPosts: [{metadata: {permalink: '/blog/roles', source: '@site/blog/2026-01-01-roles.md'}}]},
  },
  'docusaurus-plugin-content-pages': {
    default: [
      {type: 'jsx', permalink: '/', source: '@site/src/pages/index.js'},
      {type: 'mdx', permalink: '/team', source: '@site/src/pages/team.md'},
    ],
  },
} as unknown as AllContent;

describe('routeFile', () => {
  it('names the file Docusaurus writes a route to, as trailingSlash says', () => {
    expect(routeFile('/', layout)).toBe('index.html');
    expect(routeFile('/roles', layout)).toBe('roles/index.html');
    expect(routeFile('/roles/', {...layout, trailingSlash: false})).toBe('roles/index.html');
    expect(routeFile('/roles', {...layout, trailingSlash: false})).toBe('roles.html');
    expect(routeFile('/roles', {...layout, trailingSlash: true})).toBe('roles/index.html');
    expect(routeFile('/404.html', layout)).toBe('404.html');
    expect(routeFile('/x/Page.HTM', layout)).toBe('x/Page.HTM');
    expect(routeFile('/hospital/roles', {baseUrl: '/hospital/', trailingSlash: undefined})).toBe('roles/index.html');
  });
});

describe('overlaps', () => {
  it('is the same file, whatever the case, or a file where the other needs a folder', () => {
    expect(overlaps('index.html', 'INDEX.html')).toBe(true);
    expect(overlaps('robots.txt/index.html', 'robots.txt')).toBe(true);
    expect(overlaps('es', 'es/index.html')).toBe(true);
    expect(overlaps('roles/index.html', 'roles.html')).toBe(false);
    expect(overlaps('blog/rss.xml', 'blog/atom.xml')).toBe(false);
  });
});

describe('the pages of the site', () => {
  it('finds the doc, blog post or page written to the same file, whatever the trailing slash or case', () => {
    const claims = [...contentPageClaims(allContent, layout), notFoundClaim(layout)];
    expect(conflictWith(routeFile('/Roles', layout), claims)?.owner).toBe(
      'the page `/roles/` of docusaurus-plugin-content-docs (id "default", docs/roles.md)',
    );
    expect(conflictWith(routeFile('/index.html', layout), claims)?.owner).toBe(
      'the page `/` of docusaurus-plugin-content-pages (id "default", src/pages/index.js)',
    );
    expect(conflictWith(routeFile('/404.html', layout), claims)?.owner).toBe("Docusaurus's 404 page");
    expect(conflictWith(routeFile('/404', {...layout, trailingSlash: false}), [notFoundClaim({...layout, trailingSlash: false})])?.owner).toBe(
      "Docusaurus's 404 page",
    );
    expect(conflictWith(routeFile('/who-does-what', layout), claims)).toBeUndefined();
  });

  it("finds every other plugin's leaf routes after the build, never the plugin itself", () => {
    const route = (at: string, routes?: RouteConfig[]): RouteConfig => ({path: at, component: 'x', ...(routes && {routes})});
    const plugins = [
      {name: 'docusaurus-plugin-content-docs', options: {id: 'default'}, routes: [route('/', [route('/', [route('/intro'), route('/roles')])])]},
      {name: 'search-plugin', options: {}, routes: [route('/search')]},
      {name: 'docusaurus-plugin-roles', options: {id: 'default'}, routes: [route('/roles')]},
    ];
    const claims = pluginRouteClaims(plugins, {name: 'docusaurus-plugin-roles', id: 'default'}, layout);
    expect(claims.map((claim) => claim.owner)).toEqual([
      'the page `/intro` of docusaurus-plugin-content-docs (id "default")',
      'the page `/roles` of docusaurus-plugin-content-docs (id "default")',
      'the page `/search` of search-plugin (id "default")',
    ]);
  });
});

describe('files other than pages', () => {
  const site = {siteDir: path.join(import.meta.dirname, 'sites', 'output-paths'), staticDirectories: ['static', 'missing']};

  it('finds the static file or folder a path would replace or need, whatever the case', async () => {
    expect(await staticConflict('robots.txt/index.html', site)).toBe('static/robots.txt');
    expect(await staticConflict('ROBOTS.TXT', site)).toBe('static/robots.txt');
    expect(await staticConflict('img/logo.svg/x/index.html', site)).toBe('static/img/logo.svg');
    expect(await staticConflict('img', site)).toBe('static/img');
    expect(await staticConflict('img/index.html', site)).toBeUndefined();
    expect(await staticConflict('roles/index.html', site)).toBeUndefined();
  });

  it("knows the sitemap's and the blogs' feed files from the config", () => {
    const config = {
      presets: [['classic', {blog: {routeBasePath: '/news/', feedOptions: {type: 'all'}}}]],
      plugins: [
        ['@docusaurus/plugin-content-blog', {id: 'events', path: 'events', routeBasePath: 'events', feedOptions: {type: 'json'}}],
        ['@docusaurus/plugin-content-blog', {id: 'quiet', feedOptions: {type: null}}],
      ],
    } as unknown as DocusaurusConfig;
    expect(pluginOutputs(config).map((claim) => claim.file)).toEqual([
      'sitemap.xml',
      'news/rss.xml',
      'news/atom.xml',
      'news/feed.json',
      'events/feed.json',
    ]);
    expect(pluginOutputs({presets: [['classic', {sitemap: {filename: 'map.xml'}, blog: false}]]} as unknown as DocusaurusConfig)).toEqual([
      {file: 'map.xml', owner: 'the sitemap of @docusaurus/plugin-sitemap (the classic preset)'},
    ]);
  });

  it("gives the other locales' folders to their sites, in the default locale's output only", () => {
    expect(localeFolders({currentLocale: 'en', defaultLocale: 'en', locales: ['en', 'es']})).toEqual([{file: 'es', owner: "the es locale's site"}]);
    expect(localeFolders({currentLocale: 'es', defaultLocale: 'en', locales: ['en', 'es']})).toEqual([]);
  });

  it('says which option takes whose file, and checks the exports against the table page too', async () => {
    const own = ownOutputs({id: 'default', tablePath: '/roles.json', jsonFilename: 'roles.json', csvFilename: 'roles.csv'}, ['/roles.json'], layout);
    expect(await outputConflict(own, [], site)).toBe(
      "The jsonFilename option of docusaurus-plugin-roles (instance 'default') is `roles.json`, written to `roles.json` in the build output, where the table page of docusaurus-plugin-roles (instance 'default') already is: one of the two would be lost. Set `jsonFilename` to a free file name (or to `false` for no such export).",
    );
    const robots = ownOutputs({id: 'x', tablePath: '/robots.txt', jsonFilename: false, csvFilename: false}, ['/robots.txt'], layout);
    expect(await outputConflict(robots, [], site)).toContain('where the static file `static/robots.txt` already is');
  });
});
