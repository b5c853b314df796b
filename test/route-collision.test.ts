/**
 * The table page never takes another page's route: found among the content
 * plugins' pages (early, `npm start` too) and among every plugin's routes
 * (after the build), with the owner named.
 */
import {describe, expect, it} from 'vitest';
import type {AllContent, RouteConfig} from '@docusaurus/types';
import {
  contentRouteOwners,
  describeOwner,
  pluginRouteOwners,
} from '../plugins/docusaurus-plugin-roles/src/plugin/route-collision.js';

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
    default: [{type: 'mdx', permalink: '/team', source: '@site/src/pages/team.md'}],
  },
} as unknown as AllContent;

describe('contentRouteOwners', () => {
  it('finds the doc, blog post or page at a route, whatever the trailing slash', () => {
    expect(contentRouteOwners('/roles', allContent).map(describeOwner)).toEqual([
      'docusaurus-plugin-content-docs (id "default", docs/roles.md)',
    ]);
    expect(contentRouteOwners('/blog/roles/', allContent).map(describeOwner)).toEqual([
      'docusaurus-plugin-content-blog (id "default", blog/2026-01-01-roles.md)',
    ]);
    expect(contentRouteOwners('/team', allContent).map(describeOwner)).toEqual([
      'docusaurus-plugin-content-pages (id "default", src/pages/team.md)',
    ]);
    expect(contentRouteOwners('/who-does-what', allContent)).toEqual([]);
  });
});

describe('pluginRouteOwners', () => {
  const route = (path: string, routes?: RouteConfig[]): RouteConfig => ({path, component: 'x', ...(routes && {routes})});
  const plugins = [
    {name: 'docusaurus-plugin-content-docs', options: {id: 'default'}, routes: [route('/', [route('/', [route('/intro'), route('/roles')])])]},
    {name: 'search-plugin', options: {}, routes: [route('/search')]},
    {name: 'docusaurus-plugin-roles', options: {id: 'default'}, routes: [route('/roles')]},
  ];

  it('finds nested leaf routes of other plugins, never the plugin itself', () => {
    const self = {name: 'docusaurus-plugin-roles', id: 'default'};
    expect(pluginRouteOwners('/roles/', plugins, self).map(describeOwner)).toEqual([
      'docusaurus-plugin-content-docs (id "default")',
    ]);
    expect(pluginRouteOwners('/search', plugins, self).map(describeOwner)).toEqual(['search-plugin (id "default")']);
    // A parent route ("/" holding the docs) is not a page of its own.
    expect(pluginRouteOwners('/', plugins, self)).toEqual([]);
  });
});
