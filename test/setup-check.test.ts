/** Detecting a docs plugin instance that does not run `remarkRoles`. */
import {describe, expect, it} from 'vitest';
import type {DocusaurusConfig} from '@docusaurus/types';
import {remarkRoles} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import {remarkRolesByDocsInstance} from '../plugins/docusaurus-plugin-roles/src/plugin/setup-check.js';

const site = (config: Partial<DocusaurusConfig>) => config as DocusaurusConfig;

describe('remarkRolesByDocsInstance', () => {
  it('finds remarkRoles in the classic preset, with or without options', () => {
    expect(remarkRolesByDocsInstance(site({presets: [['classic', {docs: {remarkPlugins: [remarkRoles]}}]]}))).toEqual(
      new Map([['default', true]]),
    );
    expect(
      remarkRolesByDocsInstance(
        site({presets: [['@docusaurus/preset-classic', {docs: {remarkPlugins: [[remarkRoles, {}]]}}]]}),
      ),
    ).toEqual(new Map([['default', true]]));
  });

  it('recognizes a copy loaded as another module instance by its marker', () => {
    function remarkRolesCopy() {}
    Object.defineProperty(remarkRolesCopy, Symbol.for('docusaurus-plugin-roles.remark'), {value: true});
    expect(remarkRolesByDocsInstance(site({presets: [['classic', {docs: {remarkPlugins: [remarkRolesCopy]}}]]}))).toEqual(
      new Map([['default', true]]),
    );
  });

  it('reports instances that forgot it, and skips those it cannot see', () => {
    const result = remarkRolesByDocsInstance(
      site({
        presets: [['classic', {docs: {}}], ['./my-preset', {}]],
        plugins: [
          ['@docusaurus/plugin-content-docs', {id: 'staff', remarkPlugins: [remarkRoles]}],
          ['content-docs', {id: 'patients'}],
        ],
      }),
    );
    expect(result).toEqual(
      new Map([
        ['default', false],
        ['staff', true],
        ['patients', false],
      ]),
    );
  });

  it('ignores a preset whose docs are turned off', () => {
    expect(remarkRolesByDocsInstance(site({presets: [['classic', {docs: false}]]}))).toEqual(new Map());
  });
});
