/**
 * Packs the plugin once for the whole suite, exactly as a release would:
 * `npm pack` in its folder, whose `prepack` script builds lib/ from a clean
 * slate. The tests get the tarball (`inject('tarball')`), npm's list of its
 * files, and the tarball unpacked (`inject('unpacked')`) to read.
 */
import {mkdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import type {TestProject} from 'vitest/node';
import {WORK_DIR, run} from './site.js';

/** One file of `npm pack --json`. */
export interface PackedFile {
  path: string;
  size: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tarball: string;
    unpacked: string;
    packedFiles: PackedFile[];
  }
}

const plugin = path.join(path.dirname(path.dirname(import.meta.dirname)), 'plugins', 'docusaurus-plugin-roles');

export default async function setup(project: TestProject): Promise<void> {
  rmSync(WORK_DIR, {recursive: true, force: true});
  const packDir = path.join(WORK_DIR, 'pack');
  mkdirSync(packDir, {recursive: true});
  const started = Date.now();
  const {stdout} = await run(plugin, 'npm', ['pack', '--json', '--pack-destination', packDir]);
  // The build's own output may come first on stdout; the report is the JSON array.
  const [report] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as [
    {filename: string; size: number; files: PackedFile[]},
  ];
  const tarball = path.join(packDir, report.filename);
  await run(packDir, 'tar', ['-xzf', tarball]);
  process.stderr.write(
    `[package] packed ${report.filename} (${report.files.length} files, ${report.size} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  project.provide('tarball', tarball);
  project.provide('unpacked', path.join(packDir, 'package'));
  project.provide('packedFiles', report.files);
}
