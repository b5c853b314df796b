/**
 * The packed plugin on the oldest supported Docusaurus (3.6.0: webpack and
 * Babel, React 18, TypeScript 5.6), in a TypeScript site of the 3.6
 * template: one copy of each @docusaurus/* package, callouts, table and
 * exports, and a type-check with every safe component wrapped.
 *
 * Two fixes the 3.6 template needs today, whatever its plugins, applied as
 * its own package.json would:
 * - webpack pinned to 5.97.1: later webpack rejects the options the 3.6
 *   progress bar passes ("Progress Plugin has been initialized using an
 *   options object that does not match the API schema");
 * - `@types/react` 18 for its React 18: `@docusaurus/module-type-aliases`
 *   asks for any version, npm picks 19, which has no global `JSX` namespace
 *   for the template's own `JSX.Element` ("Cannot find namespace 'JSX'").
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {expectRolesBuilt, expectRolesCommands, expectWrappersRendered} from './assertions.js';
import {
  OLDEST_DOCUSAURUS,
  OLDEST_TEMPLATE,
  configureAsReadme,
  createSite,
  docusaurusCopies,
  editPackageJson,
  installPlugin,
  installSite,
  npmRun,
  safeComponents,
  wrapAll,
  writeDemoDoc,
  type Site,
} from './site.js';

let site: Site;

beforeAll(async () => {
  site = await createSite('oldest-site', {version: OLDEST_TEMPLATE, typescript: true});
  editPackageJson(site, (manifest) => {
    for (const field of ['dependencies', 'devDependencies'] as const) {
      const dependencies = manifest[field] as Record<string, string>;
      for (const name of Object.keys(dependencies)) {
        if (name.startsWith('@docusaurus/')) dependencies[name] = OLDEST_DOCUSAURUS;
      }
    }
    (manifest.devDependencies as Record<string, string>)['@types/react'] = '^18.0.0';
    manifest.overrides = {webpack: '5.97.1'};
  });
  await installSite(site);
  await installPlugin(site, inject('tarball'));
  configureAsReadme(site);
  writeDemoDoc(site);
});

describe(`the oldest supported Docusaurus (${OLDEST_DOCUSAURUS})`, () => {
  it(`installs beside Docusaurus ${OLDEST_DOCUSAURUS} with one copy of each @docusaurus/* package`, async () => {
    const copies = await docusaurusCopies(site);
    expect(copies.size).toBeGreaterThan(10);
    expect([...copies].filter(([, folders]) => folders.length > 1)).toEqual([]);
    const core = path.join(site.dir, 'node_modules', '@docusaurus', 'core', 'package.json');
    expect((JSON.parse(readFileSync(core, 'utf8')) as {version: string}).version).toBe(OLDEST_DOCUSAURUS);
  });

  it('builds (webpack) with callouts, the table page and the exports, and wrappers that type-check', async () => {
    const components = await safeComponents(site);
    await wrapAll(site, components.wrap);
    await npmRun(site, 'typecheck');
    await npmRun(site, 'build');
    expectRolesBuilt(site);
    expectWrappersRendered(site, components.wrap);
  });

  it('checks and exports without a build: roles:check passes, roles:export writes the build\'s exports', async () => {
    await expectRolesCommands(site);
  });
});
