/** Runs the Docusaurus CLI of this repository on a site, as `npx docusaurus` would. */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';

const repo = path.dirname(import.meta.dirname);
const docusaurusBin = path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

/** What a command printed, and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `docusaurus <args>` from the repository root, with `siteDir` as the site of
 * commands that take none (`DOCUSAURUS_CLI_SITE_DIR`, like `roles:check`).
 */
export async function runDocusaurus(
  siteDir: string,
  args: string[],
  env: Record<string, string> = {},
  /** Where to run it (default: the repository root). */
  cwd: string = repo,
): Promise<CliResult> {
  try {
    const {stdout, stderr} = await promisify(execFile)(process.execPath, [docusaurusBin, ...args], {
      cwd,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', DOCUSAURUS_CLI_SITE_DIR: siteDir, ...env},
      maxBuffer: 256 * 1024 * 1024,
    });
    return {code: 0, stdout, stderr};
  } catch (error) {
    const failed = error as {code?: number; stdout?: string; stderr?: string};
    return {code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? ''};
  }
}
