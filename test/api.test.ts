/** Pins the public API: adding or removing an export is a deliberate change. */
import {expect, it} from 'vitest';

it('exports the Docusaurus plugin and its helpers from the package root', async () => {
  const api = await import('docusaurus-plugin-roles');
  expect(Object.keys(api).sort()).toEqual([
    'DEFAULT_OPTIONS',
    'default',
    'extractAnnotations',
    'getSwizzleConfig',
    'remarkRoles',
    'validateOptions',
  ]);
  expect(typeof api.default).toBe('function');
});

it('exports the remark plugin alone from `docusaurus-plugin-roles/remark`', async () => {
  const api = await import('docusaurus-plugin-roles/remark');
  expect(Object.keys(api).sort()).toEqual(['default', 'remarkRoles']);
  expect(api.default).toBe(api.remarkRoles);
});
