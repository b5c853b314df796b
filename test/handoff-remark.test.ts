/**
 * The remark plugin hands each callout its handoffs from the page's
 * generated module (`plugin/handoff-modules.ts`): every annotated page
 * imports its own module (created empty when the plugin has not written it
 * yet), and every valid callout reads its id's entry, so an edit at either
 * end of a link updates both pages.
 */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {compile} from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import {VFile} from 'vfile';
import {remarkRoles} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import {registerHost, type RolesHost} from '../plugins/docusaurus-plugin-roles/src/remark/registry.js';
import {ensureHandoffModule, handoffModuleName} from '../plugins/docusaurus-plugin-roles/src/plugin/handoff-modules.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/core/options.js';

const siteDir = mkdtempSync(path.join(tmpdir(), 'roles-handoff-remark-'));
const dataDir = path.join(siteDir, '.docusaurus', 'docusaurus-plugin-roles', 'default');
const host: RolesHost = {
  siteDir,
  instanceId: 'default',
  config: toRolesConfig(DEFAULT_OPTIONS),
  severity: 'ignore',
  pageSummary: false,
  entriesModule: undefined,
  pages: new Map(),
  report: () => undefined,
  handoffModule: (filePath) => ensureHandoffModule(dataDir, siteDir, filePath),
};
registerHost(host, {});

afterAll(() => {
  const registry = (globalThis as Record<symbol, {sites: Map<string, unknown>}>)[Symbol.for('docusaurus-plugin-roles.registry.v2')];
  registry?.sites.delete(siteDir);
});

async function compilePage(file: string, source: string): Promise<string> {
  const vfile = new VFile({value: source, path: path.join(siteDir, file)});
  return String(await compile(vfile, {remarkPlugins: [remarkDirective, remarkRoles]}));
}

describe('handoffs on the pages', () => {
  it("imports the page's handoffs module, created empty until the plugin writes it, and gives each valid callout its entry", async () => {
    const compiled = await compilePage(
      'docs/during.md',
      ':::role[Captures the images]{#captures of=technologist hands-to=./after.md#reads}\nX.\n:::\n\n:::role[Bad]{of=pharmacist}\nY.\n:::\n',
    );
    const modulePath = path.join(dataDir, handoffModuleName(siteDir, path.join(siteDir, 'docs/during.md')));
    expect(compiled).toContain(`import RolesPluginHandoffs from ${JSON.stringify(modulePath)}`);
    expect(compiled).toMatch(/id: "captures",[^}]*handoffs: RolesPluginHandoffs\["captures"\]/s);
    // The invalid callout has no row, and no handoffs.
    expect(compiled.match(/handoffs:/g)).toHaveLength(1);
    expect(readFileSync(modulePath, 'utf8')).toBe('{}');
  });

  it('imports nothing into a page without annotations, and names each file its own module', async () => {
    const compiled = await compilePage('docs/plain.md', '# Nothing here\n');
    expect(compiled).not.toContain('RolesPluginHandoffs');
    expect(handoffModuleName(siteDir, path.join(siteDir, 'docs/a.md'))).not.toBe(handoffModuleName(siteDir, path.join(siteDir, 'docs/b.md')));
    expect(readdirSync(path.join(dataDir, 'handoffs'))).toHaveLength(1);
  });
});
