/**
 * Several docusaurus-plugin-roles instances in one site: which instance each
 * content plugin instance belongs to (read from the config), and which host
 * a compiled file's `remarkRoles` reads (the registry). The real build of
 * such a site is in `long/build-sites.test.ts`.
 */
import {describe, expect, it} from 'vitest';
import {remark} from 'remark';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import {VFile} from 'vfile';
import type {DocusaurusConfig} from '@docusaurus/types';
import {remarkRoles} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import {findHost, hostIds, registerHost, type RolesHost} from '../plugins/docusaurus-plugin-roles/src/remark/registry.js';
import {bindContentInstances, withInstance} from '../plugins/docusaurus-plugin-roles/src/plugin/instances.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';

function config(docs: unknown, plugins: unknown[] = []): DocusaurusConfig {
  return {presets: [['classic', {docs, blog: false, pages: false}]], plugins} as unknown as DocusaurusConfig;
}

const staffDocs = ['@docusaurus/plugin-content-docs', {id: 'staff', path: 'staff', remarkPlugins: [[remarkRoles, {instance: 'staff'}]]}];
const loaded = [
  {kind: 'docs' as const, pluginId: 'default'},
  {kind: 'docs' as const, pluginId: 'staff'},
];

describe('bindContentInstances', () => {
  it('gives every content instance to the only roles instance, whatever remarkRoles says', () => {
    const owners = bindContentInstances(config({remarkPlugins: [remarkRoles]}, [staffDocs]), ['default'], loaded);
    expect([owners.owner('docs', 'default'), owners.owner('docs', 'staff')]).toEqual(['default', undefined]);
    // `instance: 'staff'` names no instance of this site.
    expect(owners.errors).toEqual([
      "The remarkRoles of the docs plugin instance `staff` names `instance: 'staff'`, but the site's docusaurus-plugin-roles instances are 'default': set `instance` to one of them.",
    ]);
  });

  it('binds each content instance to the roles instance its remarkRoles names', () => {
    const owners = bindContentInstances(config({remarkPlugins: [[remarkRoles, {instance: 'default'}]]}, [staffDocs]), ['default', 'staff'], loaded);
    expect([owners.owner('docs', 'default'), owners.owner('docs', 'staff')]).toEqual(['default', 'staff']);
    expect(owners.errors).toEqual([]);
  });

  it('fails a remarkRoles without instance when the site has several, naming the line to write', () => {
    const owners = bindContentInstances(config({remarkPlugins: [remarkRoles]}, [staffDocs]), ['staff', 'default'], loaded);
    expect(owners.owner('docs', 'default')).toBeUndefined();
    expect(owners.errors).toEqual([
      "The remarkRoles of the docs plugin instance `default` does not say which docusaurus-plugin-roles instance its pages belong to, and the site has 2 ('default', 'staff'): in its remarkPlugins, write [remarkRoles, {instance: 'default'}] (or another of those ids) instead of remarkRoles.",
    ]);
  });

  it('leaves a content instance without remarkRoles to the primary instance, whose fix names it', () => {
    const owners = bindContentInstances(config({}, [staffDocs]), ['staff', 'default'], loaded);
    expect(owners.primary).toBe('default');
    expect(owners.owner('docs', 'default')).toBe('default');
    expect(withInstance("presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]", 'default')).toBe(
      "presets: [['classic', {docs: {remarkPlugins: [[remarkRoles, {instance: 'default'}]]}}]]",
    );
    expect(withInstance("plugins: [['x', {remarkPlugins: […, remarkRoles]}]]", undefined)).toBe("plugins: [['x', {remarkPlugins: […, remarkRoles]}]]");
  });

  it('reads no content instance the config does not show when there are several roles instances, and says so', () => {
    const owners = bindContentInstances(config(false), ['default', 'staff'], [{kind: 'docs', pluginId: 'custom'}]);
    expect(owners.owner('docs', 'custom')).toBeUndefined();
    expect(owners.unseen).toEqual([{kind: 'docs', pluginId: 'custom'}]);
  });
});

describe('the registry', () => {
  const host = (siteDir: string, instanceId: string, files: string[] = []): RolesHost => ({
    siteDir,
    instanceId,
    config: toRolesConfig(DEFAULT_OPTIONS),
    severity: 'throw',
    pageSummary: false,
    entriesModule: undefined,
    pages: new Map(files.map((file) => [file, {permalink: '/x', unlisted: false}])),
    report: () => {},
  });

  it("finds a file's instance by name, as the only one, or by the pages it owns; else fails naming the fix", () => {
    const load = {};
    registerHost(host('/sites/a', 'default', ['/sites/a/docs/x.md']), load);
    registerHost(host('/sites/a', 'staff', ['/sites/a/staff/y.md']), load);
    expect(hostIds('/sites/a')).toEqual(['default', 'staff']);
    expect(findHost('/sites/a/docs/anything.md', 'staff')?.instanceId).toBe('staff');
    expect(findHost('/sites/a/staff/y.md')?.instanceId).toBe('staff');
    expect(() => findHost('/sites/a/docs/_partial.md')).toThrow(
      "/sites/a/docs/_partial.md is compiled by a remarkRoles without `instance`, and the site has 2 docusaurus-plugin-roles instances ('default', 'staff')",
    );
    expect(() => findHost('/sites/a/docs/x.md', 'nurses')).toThrow(
      "remarkRoles is given `instance: 'nurses'`, but the site's docusaurus-plugin-roles instances are 'default', 'staff'",
    );
  });

  it('forgets the instances of an earlier load of the site (a locale, a config change)', () => {
    registerHost(host('/sites/b', 'default'), {});
    registerHost(host('/sites/b', 'old'), {});
    const next = {};
    registerHost(host('/sites/b', 'default'), next);
    expect(hostIds('/sites/b')).toEqual(['default']);
    expect(findHost('/sites/b/docs/x.md')?.instanceId).toBe('default');
  });

  it('refuses roles and areas given to a remarkRoles that a plugin instance configures (page and table would disagree)', async () => {
    registerHost(host('/sites/c', 'default'), {});
    const run = (options: object) =>
      remark()
        .use(remarkMdx)
        .use(remarkDirective)
        .use(remarkRoles, options)
        .process(new VFile({path: '/sites/c/docs/x.md', value: ':::role[Reads]{of=radiologist}\nB.\n:::\n'}));
    await expect(run({roles: {nurse: {label: 'Nurse'}}})).rejects.toThrow(
      "remarkRoles is given `roles`, but in this site the docusaurus-plugin-roles instance 'default' configures it",
    );
    // Naming the instance, or the entries module, is fine.
    await expect(run({instance: 'default', entriesModule: '/x.json'})).resolves.toBeDefined();
  });
});
