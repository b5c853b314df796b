// The table modules declare one another as @theme modules: load those declarations.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../plugins/docusaurus-plugin-roles/src/theme/roles.d.ts" />
/**
 * Docs versions in the table: which version a `version` value (the prop, the
 * `tableVersion` option) shows, the table pages of a versioned site, and how
 * the shown versions are named.
 */
import {describe, expect, it} from 'vitest';
import {describeShownVersions, inVersionScope, resolveVersionScope} from '../plugins/docusaurus-plugin-roles/src/client/versions.js';
import {tablePages, type RoutedVersion} from '../plugins/docusaurus-plugin-roles/src/plugin/table-pages.js';

import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';

const version = (name: string, label: string, path: string, isLast = false): RoutedVersion => ({name, label, path, isLast});

/** A site like a new user's after `docs:version 1.0`: current is "Next" at /docs/next, 1.0 the last. */
const site = {
  default: [version('current', 'Next', '/docs/next'), version('1.0', '1.0', '/docs', true), version('0.9', '0.9', '/docs/0.9')],
  staff: [version('current', 'Next', '/staff', true)],
};

function entry(pluginId: string, versionName: string | null, kind: RoleEntry['kind'] = 'docs'): Pick<RoleEntry, 'kind' | 'pluginId' | 'version'> {
  return {kind, pluginId, version: versionName};
}

describe('what a version value shows', () => {
  it('shows the last version of each instance by default and for "last", every version for "all"', () => {
    expect(resolveVersionScope(undefined, site)).toEqual({default: '1.0', staff: 'current'});
    expect(resolveVersionScope('last', site)).toEqual({default: '1.0', staff: 'current'});
    expect(resolveVersionScope('all', site)).toBeNull();
  });

  it('shows a named version where it exists, the last version elsewhere', () => {
    expect(resolveVersionScope('0.9', site)).toEqual({default: '0.9', staff: 'current'});
    expect(resolveVersionScope('current', site)).toEqual({default: 'current', staff: 'current'});
    expect(resolveVersionScope('nope', site)).toEqual({default: '1.0', staff: 'current'});
  });

  it("shows the version of the doc being read for its instance, unless a value is given", () => {
    expect(resolveVersionScope(undefined, site, {pluginId: 'default', name: 'current'})).toEqual({default: 'current', staff: 'current'});
    expect(resolveVersionScope('last', site, {pluginId: 'default', name: 'current'})).toEqual({default: '1.0', staff: 'current'});
  });

  it('keeps posts and pages, and the docs of the chosen version only', () => {
    const scope = resolveVersionScope(undefined, site);
    expect(inVersionScope(entry('default', '1.0'), scope)).toBe(true);
    expect(inVersionScope(entry('default', 'current'), scope)).toBe(false);
    expect(inVersionScope(entry('default', null, 'blog'), scope)).toBe(true);
    expect(inVersionScope(entry('default', null, 'page'), scope)).toBe(true);
    expect(inVersionScope(entry('default', 'current'), null)).toBe(true);
  });
});

describe('the table pages of a versioned site', () => {
  it('puts the last versions at tablePath and every other version at tablePath/<its path>', () => {
    expect(tablePages('/roles', site, 'each')).toEqual([
      {path: '/roles', scope: {default: '1.0', staff: 'current'}, label: '1.0'},
      {path: '/roles/next', scope: {default: 'current', staff: 'current'}, label: 'Next'},
      {path: '/roles/0.9', scope: {default: '0.9', staff: 'current'}, label: '0.9'},
    ]);
  });

  it('has one page, without a version label, when the docs have one version', () => {
    expect(tablePages('/base/roles', {default: [version('current', 'Next', '/base/', true)]}, 'each')).toEqual([
      {path: '/base/roles', scope: {default: 'current'}, label: null},
    ]);
    expect(tablePages('/roles', {}, 'each')).toEqual([{path: '/roles', scope: {}, label: null}]);
  });

  it('gives one page for any other tableVersion value, showing what the version prop would', () => {
    expect(tablePages('/roles', site, 'all')).toEqual([{path: '/roles', scope: null, label: null}]);
    expect(tablePages('/roles', site, 'current')).toEqual([{path: '/roles', scope: {default: 'current', staff: 'current'}, label: 'Next'}]);
    expect(tablePages('/roles', site, 'last')).toEqual([{path: '/roles', scope: {default: '1.0', staff: 'current'}, label: '1.0'}]);
  });

  it('follows a docs root at the site root and versions with their own paths', () => {
    const rooted = {default: [version('current', 'Next', '/next'), version('2.0', 'v2 (latest)', '/', true), version('1.0', 'v1', '/v1')]};
    expect(tablePages('/roles', rooted, 'each').map(({path, label}) => [path, label])).toEqual([
      ['/roles', 'v2 (latest)'],
      ['/roles/next', 'Next'],
      ['/roles/v1', 'v1'],
    ]);
  });
});

describe('naming the versions shown', () => {
  const full = (pluginId: string, name: string | null, kind: RoleEntry['kind'] = 'docs') => entry(pluginId, name, kind) as RoleEntry;

  it('names the one version of the versioned docs in the caption', () => {
    expect(describeShownVersions([full('default', '1.0'), full('staff', 'current'), full('default', null, 'blog')], site)).toEqual({
      caption: '1.0',
      perDuty: undefined,
    });
  });

  it('marks each duty with its version when several are shown, and says nothing for unversioned docs', () => {
    const shown = describeShownVersions([full('default', '1.0'), full('default', 'current'), full('staff', 'current')], site);
    expect(shown.caption).toBeUndefined();
    expect([...shown.perDuty!.values()].sort()).toEqual(['1.0', 'Next']);
    expect(describeShownVersions([full('staff', 'current')], site)).toEqual({caption: undefined, perDuty: undefined});
  });
});
