/**
 * What the aggregator learns from a content plugin's own remark plugins
 * (`parse/syntax.ts`): their syntax joins its parse, in the loader's order;
 * a transformer listed before `remarkRoles` is named, for a warning.
 */
import remarkMath from 'remark-math';
import {describe, expect, it} from 'vitest';
import {remarkRoles} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import {siteSyntax} from '../plugins/docusaurus-plugin-roles/src/parse/site-syntax.js';
import {getSyntax, parseWith} from '../plugins/docusaurus-plugin-roles/src/parse/syntax.js';
import {parseMarkdown} from '../plugins/docusaurus-plugin-roles/src/parse/parser.js';

function upperCase() {
  return () => undefined;
}

describe('site remark plugins', () => {
  it('add their syntax to the parse, wherever they are listed', () => {
    for (const plugins of [
      {remarkPlugins: [remarkMath, remarkRoles]},
      {remarkPlugins: [remarkRoles, remarkMath]},
      {beforeDefaultRemarkPlugins: [remarkMath], remarkPlugins: [remarkRoles]},
    ]) {
      const site = siteSyntax(plugins);
      expect(site.key).not.toBe('');
      const tree = parseWith('Costs $5 to $10.\n', getSyntax('mdx', true, site));
      expect(JSON.stringify(tree)).toContain('"inlineMath"');
    }
    expect(JSON.stringify(parseMarkdown('Costs $5 to $10.\n'))).not.toContain('"inlineMath"');
    expect(siteSyntax({remarkPlugins: [remarkRoles]}).key).toBe('');
  });

  it('name a transformer that runs before remarkRoles, not one after it', () => {
    expect(siteSyntax({remarkPlugins: [upperCase, remarkRoles]}).transformsBefore).toEqual(['upperCase']);
    expect(siteSyntax({beforeDefaultRemarkPlugins: [upperCase], remarkPlugins: [remarkRoles]}).transformsBefore).toEqual(['upperCase']);
    expect(siteSyntax({remarkPlugins: [remarkRoles, upperCase, remarkMath]}).transformsBefore).toEqual([]);
    // remark-math only adds syntax.
    expect(siteSyntax({remarkPlugins: [remarkMath, remarkRoles]}).transformsBefore).toEqual([]);
  });
});
