/**
 * The packed tarball itself: what it holds, what its files look like, and
 * what publint and Are the Types Wrong say about its exports and types.
 */
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import path from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {DEFAULT_OPTIONS} from '../../plugins/docusaurus-plugin-roles/src/options.js';
import {README_LINES, run} from './site.js';

const repo = path.dirname(path.dirname(import.meta.dirname));
const bin = (name: string): string => path.join(repo, 'node_modules', '.bin', name);
const unpacked = inject('unpacked');
const files = inject('packedFiles').map((file) => file.path);
const read = (file: string): string => readFileSync(path.join(unpacked, file), 'utf8');

describe('the packed tarball', () => {
  it('holds the built plugin, the TypeScript theme sources and the docs, and nothing else', () => {
    const unexpected = files.filter(
      (file) =>
        !/^lib\/.+\.(js|d\.ts|cjs|d\.cts|css)$/.test(file) &&
        !/^src\/theme\/.+\.(tsx?|css)$/.test(file) &&
        !['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(file),
    );
    expect(unexpected).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'lib/index.js',
        'lib/index.d.ts',
        'lib/remark/index.js',
        'lib/client/index.js',
        'lib/theme/roles.d.ts',
        'lib/theme/RoleCallout/index.js',
        'lib/theme/RoleCallout/styles.module.css',
        'src/theme/roles.d.ts',
        'src/theme/RoleCallout/index.tsx',
        'src/theme/RoleCallout/styles.module.css',
      ]),
    );
    // Each TypeScript theme source has its compiled copy, and the reverse.
    const sources = files.filter((file) => /^src\/theme\/.+\.tsx?$/.test(file) && !file.endsWith('.d.ts'));
    const compiled = files.filter((file) => /^lib\/theme\/.+\.js$/.test(file));
    expect(sources.map((file) => file.replace(/^src/, 'lib').replace(/\.tsx?$/, '.js')).sort()).toEqual(compiled.sort());
  });

  it('ships the theme as JSX that imports only names an ejected copy still resolves', () => {
    const theme = files.filter((file) => /^lib\/theme\/.+\.js$/.test(file));
    for (const file of theme) {
      const code = read(file);
      expect(code, file).not.toMatch(/react\/jsx-runtime|_jsxs?\(/);
      const specifiers = [...code.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
      for (const specifier of specifiers) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(
          /^(react|clsx|@theme\/.+|@docusaurus\/.+|docusaurus-plugin-roles\/client|\.\/styles\.module\.css)$/,
        );
      }
    }
    expect(read('lib/theme/RoleCallout/index.js')).toContain('<Translate');
  });

  it('links the @theme/* declarations from the package types', () => {
    expect(read('lib/index.d.ts').split('\n')[0]).toBe('/// <reference path="./theme/roles.d.ts" />');
    expect(read('lib/theme/roles.d.ts')).toContain("declare module '@theme/RoleCallout'");
  });

  it('has a README for npm with the install, the configuration the suite applies and every option', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install docusaurus-plugin-roles');
    for (const line of Object.values(README_LINES)) expect(readme).toContain(line);
    for (const option of Object.keys(DEFAULT_OPTIONS)) expect(readme).toContain(`| \`${option}\` |`);
    expect(readme).toMatch(/!\[[^\]]+\]\(https:\/\/\S+\.png\)/);
    expect(read('CHANGELOG.md')).toContain(`## ${JSON.parse(read('package.json')).version as string}`);
  });

  it('declares what npm and Docusaurus users look for', () => {
    const manifest = JSON.parse(read('package.json')) as Record<string, unknown>;
    expect(manifest.keywords).toEqual(expect.arrayContaining(['docusaurus', 'docusaurus-plugin']));
    for (const field of ['description', 'repository', 'homepage', 'bugs', 'license', 'engines']) {
      expect(manifest[field], field).toBeTruthy();
    }
    // Every @docusaurus/* package comes from the site: none is a dependency.
    const dependencies = Object.keys(manifest.dependencies as Record<string, string>);
    expect(dependencies.filter((name) => name.startsWith('@docusaurus/'))).toEqual([]);
  });

  it('passes publint (strict)', async () => {
    const {all} = await run(unpacked, bin('publint'), ['run', inject('tarball'), '--strict']);
    expect(all).toContain('All good!');
  });

  it('passes Are the Types Wrong for an ESM-only package', async () => {
    // No problem in node16 (ESM) and bundler resolution. attw's exit code also
    // counts an import of a declaration file that fails under node10 only
    // (`InternalResolutionError` carries a `resolutionOption`, which its
    // esm-only profile does not ignore): read its report instead.
    const report = await promisify(execFile)(bin('attw'), [inject('tarball'), '--profile', 'esm-only', '--format', 'json'], {
      cwd: unpacked,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: unknown) => error as {stdout: string});
    const {analysis} = JSON.parse(report.stdout) as {analysis: {problems: Array<{kind: string; resolutionKind?: string; resolutionOption?: string}>}};
    const ignored = new Set(['node10', 'node16-cjs']);
    const problems = analysis.problems.filter((problem) => !ignored.has(problem.resolutionKind ?? problem.resolutionOption ?? ''));
    expect(problems).toEqual([]);
    // The report is read, not empty: the ignored resolutions do have problems (CommonJS callers).
    expect(analysis.problems.length).toBeGreaterThan(0);
  });
});
