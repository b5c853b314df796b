/**
 * The packed plugin in a fresh TypeScript site of the current Docusaurus,
 * made by create-docusaurus's classic template (Docusaurus Faster, React
 * 19, TypeScript 6, `strict`), configured only as the README says. Then
 * every safe component ejected, and every one wrapped, in TypeScript: each
 * time the site still builds and its `tsc` passes.
 */
import {lstatSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {expectRolesBuilt, expectRolesCommands, expectWrappersRendered} from './assertions.js';
import {
  CURRENT_DOCUSAURUS,
  builtCss,
  configureAsReadme,
  createSite,
  docusaurusCopies,
  ejectAll,
  ejectedMarker,
  installPlugin,
  installSite,
  npmRun,
  safeComponents,
  unswizzle,
  wrapAll,
  writeDemoDoc,
  type Site,
} from './site.js';

let site: Site;

beforeAll(async () => {
  site = await createSite('typescript-site', {version: CURRENT_DOCUSAURUS, typescript: true});
  await installSite(site);
  await installPlugin(site, inject('tarball'));
  configureAsReadme(site);
  writeDemoDoc(site);
});

describe(`a fresh TypeScript site (create-docusaurus ${CURRENT_DOCUSAURUS})`, () => {
  it('installs the tarball, not a link, with one copy of each @docusaurus/* package', async () => {
    expect(lstatSync(path.join(site.dir, 'node_modules', 'docusaurus-plugin-roles')).isSymbolicLink()).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(site.dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['docusaurus-plugin-roles']).toMatch(/^file:.+\.tgz$/);
    const copies = await docusaurusCopies(site);
    expect(copies.get('@docusaurus/core')).toHaveLength(1);
    expect([...copies].filter(([, folders]) => folders.length > 1)).toEqual([]);
  });

  it('builds with callouts, the table page and the exports', async () => {
    await npmRun(site, 'build');
    expectRolesBuilt(site);
  });

  it('checks and exports without a build: roles:check passes, roles:export writes the build\'s exports', async () => {
    await expectRolesCommands(site);
  });

  it('type-checks (the site’s own `npm run typecheck`)', async () => {
    await npmRun(site, 'typecheck');
  });
});

describe('every safe component swizzled in TypeScript', () => {
  let components: {eject: string[]; wrap: string[]};

  beforeAll(async () => {
    components = await safeComponents(site);
    expect(components.eject).toEqual(
      expect.arrayContaining(['RoleCallout', 'RoleComparisonTable', 'RolesPage', 'RoleBadge', 'RolesOnThisPage']),
    );
  });

  it('ejects: readable sources that build and type-check', async () => {
    unswizzle(site);
    await ejectAll(site, components.eject);
    const callout = readFileSync(path.join(site.dir, 'src/theme/RoleCallout/index.tsx'), 'utf8');
    expect(callout).toContain("from 'docusaurus-plugin-roles/client'");
    expect(callout).toContain('<Translate');
    await npmRun(site, 'typecheck');
    await npmRun(site, 'build');
    const css = builtCss(site);
    for (const name of components.eject) expect(css, name).toContain(ejectedMarker(name));
    expectRolesBuilt(site);
  });

  it('wraps: wrappers that build, render and type-check', async () => {
    unswizzle(site);
    await wrapAll(site, components.wrap);
    await npmRun(site, 'typecheck');
    await npmRun(site, 'build');
    expectWrappersRendered(site, components.wrap);
    expectRolesBuilt(site);
  });
});
