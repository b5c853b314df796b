/**
 * Builds the two sites of the browser suite once, serves each with a tiny
 * static server on a free localhost port, and hands the URLs to the tests
 * (`inject('demoUrl')`, `inject('largeUrl')`).
 *
 * - the demo site (this repository) into `test/.tmp/e2e-demo`;
 * - a generated LARGE site (5,000 entries) in `test/.tmp/e2e-large`, for the
 *   performance figure.
 *
 * `E2E_REUSE_BUILD=1` skips a build whose output already exists.
 */
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {TestProject} from 'vitest/node';
import {LARGE_ENTRIES, writeLargeSite} from './large-site.js';
import {serveStatic, type StaticServer} from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    demoUrl: string;
    demoOutDir: string;
    largeUrl: string;
    largeOutDir: string;
    largeEntries: number;
  }
}

const repo = path.dirname(path.dirname(import.meta.dirname));
const tmp = path.join(repo, 'test', '.tmp');
const docusaurus = path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
const reuse = process.env.E2E_REUSE_BUILD === '1';

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

/**
 * `docusaurus build`, with its own generated-files folder so that it does not
 * race another build of the same site (`npm test`, `npm run build`).
 */
async function build(name: string, siteDir: string, outDir: string): Promise<void> {
  if (reuse && existsSync(path.join(outDir, 'roles', 'index.html'))) {
    log(`${name}: reusing ${path.relative(repo, outDir)} (E2E_REUSE_BUILD=1)`);
    return;
  }
  const started = Date.now();
  log(`${name}: building into ${path.relative(repo, outDir)}…`);
  try {
    await promisify(execFile)(process.execPath, [docusaurus, 'build', siteDir, '--out-dir', outDir], {
      cwd: repo,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        DOCUSAURUS_GENERATED_FILES_DIR_NAME: path.join(tmp, 'e2e-generated', name),
        // Rspack's persistent cache (node_modules/.cache/rspack) is shared by
        // every build of a site whatever its generated-files folder, and mixes
        // them up: after a build into .docusaurus, a build into another folder
        // reuses the other locale's generated data (English blog pages linking
        // to /es/…) and fails. This build has its own folder, so no cache.
        DOCUSAURUS_NO_PERSISTENT_CACHE: 'true',
      },
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as {stdout?: string; stderr?: string};
    const output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`.split('\n').slice(-60).join('\n');
    throw new Error(`docusaurus build of the ${name} site failed:\n${output}`, {cause: error});
  }
  log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Files of `dir` (recursively) whose names pass `keep`. */
function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, {recursive: true}) as string[]).filter(keep).map((file) => path.join(dir, file));
}

/**
 * The site runs the plugin's compiled theme (`lib/theme`). Warn when a source
 * file is newer than its compiled copy: the browser would test stale code.
 */
function warnIfPluginStale(): void {
  const plugin = path.join(repo, 'plugins', 'docusaurus-plugin-roles');
  const stale: string[] = [];
  for (const source of filesUnder(path.join(plugin, 'src'), (file) => /\.(tsx?|css)$/.test(file))) {
    if (source.endsWith('.d.ts')) continue;
    const compiled = source
      .replace(`${path.sep}src${path.sep}`, `${path.sep}lib${path.sep}`)
      .replace(/\.tsx?$/, '.js');
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
      stale.push(path.relative(plugin, source));
    }
  }
  if (stale.length > 0) {
    log(
      `WARNING: plugins/docusaurus-plugin-roles/lib is older than src for ${stale.join(', ')}; ` +
        'run `npm run build --workspace docusaurus-plugin-roles` first, or the browser tests the old code.',
    );
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  warnIfPluginStale();
  const demoOutDir = path.join(tmp, 'e2e-demo');
  const largeSiteDir = path.join(tmp, 'e2e-large');
  const largeOutDir = path.join(largeSiteDir, 'build');

  await build('demo', repo, demoOutDir);
  if (!(reuse && existsSync(path.join(largeOutDir, 'roles', 'index.html')))) {
    writeLargeSite(largeSiteDir);
  }
  await build('large', largeSiteDir, largeOutDir);

  const servers: StaticServer[] = [await serveStatic(demoOutDir), await serveStatic(largeOutDir)];
  const [demo, large] = servers as [StaticServer, StaticServer];
  log(`serving the demo site at ${demo.url} and the large site at ${large.url}`);
  project.provide('demoUrl', demo.url);
  project.provide('demoOutDir', demoOutDir);
  project.provide('largeUrl', large.url);
  project.provide('largeOutDir', largeOutDir);
  project.provide('largeEntries', LARGE_ENTRIES);

  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
