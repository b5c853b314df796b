/**
 * The packed `docusaurus-plugin-roles/remark` in a bare unified pipeline
 * (remark-parse, remark-directive, remark-rehype, rehype-stringify), in a
 * folder where no `@docusaurus/*` package is installed: npm installs the
 * tarball with `--omit=peer`, so its optional and required peers (Docusaurus,
 * React) stay out. The pipeline and its input are `remark-alone/`.
 */
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {NPM_INSTALL, WORK_DIR, run} from './site.js';

const fixture = path.join(import.meta.dirname, 'remark-alone');
const dir = path.join(WORK_DIR, 'remark-alone');

interface Rendered {
  html?: string;
  error?: string;
  messages?: Array<{line: number; column: number; ruleId: string; fatal: boolean | undefined; reason: string}>;
}

async function render(severity: string): Promise<Rendered> {
  const {stdout} = await run(dir, process.execPath, ['render.mjs', severity]);
  return JSON.parse(stdout) as Rendered;
}

beforeAll(async () => {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'remark-alone', private: true, type: 'module'}, null, 2)}\n`);
  for (const file of ['render.mjs', 'input.md']) cpSync(path.join(fixture, file), path.join(dir, file));
  await run(dir, 'npm', [
    ...NPM_INSTALL,
    '--omit=peer',
    inject('tarball'),
    'unified@11',
    'remark-parse@11',
    'remark-directive@3',
    'remark-rehype@11',
    'rehype-stringify@10',
    'vfile@6',
  ]);
});

describe('docusaurus-plugin-roles/remark without Docusaurus', () => {
  it('is installed with no @docusaurus package and no React beside it', () => {
    expect(existsSync(path.join(dir, 'node_modules', 'docusaurus-plugin-roles', 'lib', 'remark', 'index.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules', '@docusaurus'))).toBe(false);
    const require = createRequire(path.join(dir, 'package.json'));
    for (const name of ['@docusaurus/logger', '@docusaurus/utils-validation', '@docusaurus/core', 'react']) {
      expect(() => require.resolve(name), name).toThrow();
    }
  });

  it('renders callouts as HTML and records positioned messages (warn)', async () => {
    const {html, messages, error} = await render('warn');
    expect(error).toBeUndefined();
    expect(html).toBe(readFileSync(path.join(fixture, 'expected.html'), 'utf8').trimEnd());
    expect(messages).toEqual([
      {
        line: 7,
        column: 1,
        ruleId: 'unknown-role',
        fatal: false,
        reason: 'Unknown role `pharmacist`, expected one of: radiologist, technologist (aliases: radiographer, rad-tech)',
      },
    ]);
  });

  it('fails the file with every problem positioned under the default severity', async () => {
    const {error} = await render('throw');
    expect(error).toContain('1 invalid role annotation:');
    expect(error).toContain('docs/contrast.md:7:1: Unknown role `pharmacist`');
  });

  it('rejects invalid options without Joi', async () => {
    const {error} = await render('loud');
    expect(error).toBe('Invalid remarkRoles options: "onInvalidAnnotation" must be one of [throw, warn, ignore]');
  });
});
