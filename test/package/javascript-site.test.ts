/**
 * The packed plugin in a fresh JavaScript site of the current Docusaurus
 * (create-docusaurus's classic template, `docusaurus.config.js`):
 * `write-translations` reads the theme's <Translate> elements, and every
 * safe component can be ejected (as readable JSX) and wrapped, in
 * JavaScript, with a green build.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {expectRolesBuilt, expectWrappersRendered} from './assertions.js';
import {
  CURRENT_DOCUSAURUS,
  builtCss,
  configureAsReadme,
  createSite,
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
let components: {eject: string[]; wrap: string[]};

beforeAll(async () => {
  site = await createSite('javascript-site', {version: CURRENT_DOCUSAURUS, typescript: false});
  await installSite(site);
  await installPlugin(site, inject('tarball'));
  configureAsReadme(site);
  writeDemoDoc(site);
  components = await safeComponents(site);
});

describe(`a fresh JavaScript site (create-docusaurus ${CURRENT_DOCUSAURUS})`, () => {
  it('gives write-translations the theme’s <Translate> messages, with their descriptions', async () => {
    await npmRun(site, 'write-translations', '--locale', 'en');
    const messages = JSON.parse(readFileSync(path.join(site.dir, 'i18n', 'en', 'code.json'), 'utf8')) as Record<
      string,
      {message: string; description?: string}
    >;
    // Written as <Translate> elements (not `translate()` calls) in the theme.
    expect(messages['theme.roles.callout.compare']).toEqual({
      message: 'Compare in the table',
      description: 'Link from a role callout to its row in the comparison table',
    });
    expect(messages['theme.roles.callout.shared']?.message).toBe('Shared duty');
    expect(messages['theme.roles.table.total']).toBeDefined();
  });

  it('ejects every safe component as readable JSX that builds', async () => {
    unswizzle(site);
    await ejectAll(site, components.eject);
    const callout = readFileSync(path.join(site.dir, 'src/theme/RoleCallout/index.js'), 'utf8');
    expect(callout).toContain('<Translate');
    expect(callout).toContain("from 'docusaurus-plugin-roles/client'");
    expect(callout).not.toMatch(/jsx-runtime|_jsx\(/);
    await npmRun(site, 'build');
    const css = builtCss(site);
    for (const name of components.eject) expect(css, name).toContain(ejectedMarker(name));
    expectRolesBuilt(site);
  });

  it('wraps every safe component in JavaScript, and the wrappers render', async () => {
    unswizzle(site);
    await wrapAll(site, components.wrap);
    await npmRun(site, 'build');
    expectWrappersRendered(site, components.wrap);
    expectRolesBuilt(site);
  });
});
