/** Detecting a docs, blog or pages plugin instance that does not run `remarkRoles`, and naming the fix. */
import {describe, expect, it} from 'vitest';
import type {DocusaurusConfig} from '@docusaurus/types';
import {remarkRoles} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import {contentInstancesSetup, ellipsisNote, remarkFix} from '../plugins/docusaurus-plugin-roles/src/plugin/setup-check.js';

const site = (config: Partial<DocusaurusConfig>) => config as DocusaurusConfig;

/** `kind:id` → registered, for short expectations. */
function registered(config: Partial<DocusaurusConfig>): Record<string, boolean> {
  return Object.fromEntries(
    contentInstancesSetup(site(config)).map((instance) => [`${instance.kind}:${instance.pluginId}`, instance.registered]),
  );
}

describe('contentInstancesSetup', () => {
  it('finds remarkRoles in the classic preset, with or without options, for docs, blog and pages', () => {
    expect(
      registered({
        presets: [
          [
            'classic',
            {docs: {remarkPlugins: [remarkRoles]}, blog: {remarkPlugins: [[remarkRoles, {}]]}, pages: {}},
          ],
        ],
      }),
    ).toEqual({'docs:default': true, 'blog:default': true, 'page:default': false});
    expect(
      registered({presets: [['@docusaurus/preset-classic', {docs: {beforeDefaultRemarkPlugins: [remarkRoles]}}]]}),
    ).toEqual({'docs:default': true, 'blog:default': false, 'page:default': false});
  });

  it('recognizes a copy loaded as another module instance by its marker', () => {
    function remarkRolesCopy() {}
    Object.defineProperty(remarkRolesCopy, Symbol.for('docusaurus-plugin-roles.remark'), {value: true});
    expect(
      registered({presets: [['classic', {docs: {remarkPlugins: [remarkRolesCopy]}, blog: false, pages: false}]]}),
    ).toEqual({'docs:default': true});
  });

  it('reports instances that forgot it, skips those it cannot see and those turned off', () => {
    expect(
      registered({
        presets: [['classic', {docs: {}, blog: false, pages: false}], ['./my-preset', {}]],
        plugins: [
          ['@docusaurus/plugin-content-docs', {id: 'staff', remarkPlugins: [remarkRoles]}],
          ['content-docs', {id: 'patients'}],
          ['@docusaurus/plugin-content-blog', {id: 'news', path: 'news'}],
          ['@docusaurus/plugin-content-pages', {id: 'landing', remarkPlugins: [remarkRoles]}],
          ['docusaurus-plugin-roles', {}],
        ],
      }),
    ).toEqual({
      'docs:default': false,
      'docs:staff': true,
      'docs:patients': false,
      'blog:news': false,
      'page:landing': true,
    });
  });
});

describe('remarkFix', () => {
  const config = site({
    presets: [['classic', {docs: {}, blog: {}}]],
    plugins: [['@docusaurus/plugin-content-blog', {id: 'news', path: 'news'}], 'docusaurus-plugin-roles'],
  });

  it('names the option of the declared instance, as the config writes it, others as …', () => {
    expect(remarkFix(config, 'docs', 'default')).toBe("presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}, …}]]");
    expect(remarkFix(config, 'blog', 'default')).toBe("presets: [['classic', {…, blog: {remarkPlugins: [remarkRoles]}}]]");
    expect(remarkFix(config, 'page', 'default')).toBe("presets: [['classic', {…, pages: {remarkPlugins: [remarkRoles]}}]]");
    expect(remarkFix(config, 'blog', 'news')).toBe(
      "plugins: [['@docusaurus/plugin-content-blog', {id: 'news', path: 'news', remarkPlugins: [remarkRoles]}], …]",
    );
  });

  it("keeps an instance's own options: plain values as written, others as …, so a copy never drops one silently", () => {
    const sidebarItemsGenerator = () => [];
    const withOptions = site({
      presets: [['classic', {docs: {sidebarPath: './sidebars.ts', editUrl: 'https://example.org/edit/'}, theme: {}}], ['./local-preset', {}]],
      plugins: [
        'docusaurus-plugin-roles',
        [
          '@docusaurus/plugin-content-docs',
          {
            id: 'community',
            path: 'community',
            routeBasePath: 'community',
            sidebarPath: './sidebarsCommunity.js',
            showLastUpdateTime: true,
            sidebarCollapsible: false,
            'data-x': 2,
            sidebarItemsGenerator,
            remarkPlugins: [() => undefined],
            unset: undefined,
          },
        ],
        ['@docusaurus/plugin-content-pages', {id: 'landing', path: 'landing', remarkPlugins: []}],
      ],
    });
    expect(remarkFix(withOptions, 'docs', 'default')).toBe(
      "presets: [['classic', {docs: {sidebarPath: './sidebars.ts', editUrl: 'https://example.org/edit/', remarkPlugins: [remarkRoles]}, …}], …]",
    );
    expect(remarkFix(withOptions, 'docs', 'community')).toBe(
      "plugins: […, ['@docusaurus/plugin-content-docs', {id: 'community', path: 'community', routeBasePath: 'community', " +
        "sidebarPath: './sidebarsCommunity.js', showLastUpdateTime: true, sidebarCollapsible: false, 'data-x': 2, " +
        'sidebarItemsGenerator: …, remarkPlugins: […, remarkRoles]}], …]',
    );
    expect(remarkFix(withOptions, 'page', 'landing')).toBe(
      "plugins: […, ['@docusaurus/plugin-content-pages', {id: 'landing', path: 'landing', remarkPlugins: [remarkRoles]}]]",
    );
  });

  it('says what … stands for only when a line holds one', () => {
    expect(ellipsisNote(["presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]"])).toBe('');
    expect(ellipsisNote(["presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]", 'plugins: [[x, {}], …]'])).toBe(
      ' (`…` stands for what the config already has there: keep it)',
    );
  });

  it('falls back to the plugin form for an instance the config does not show', () => {
    expect(remarkFix(site({}), 'page', 'extra')).toBe(
      "plugins: [['@docusaurus/plugin-content-pages', {id: 'extra', remarkPlugins: [remarkRoles]}]]",
    );
    expect(remarkFix(site({}), 'docs', 'default')).toBe("presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]");
  });
});
