/**
 * What the cached facts depend on besides the file itself: this package's
 * code that computes them (`core/` and `parse/`, as on disk) and the
 * versions of every package that parses or transforms on the way (the
 * transitive dependencies of this package: micromark and its extensions,
 * the mdast utilities, remark plugins, the slugger, the emoji list…), and
 * the versions of `@docusaurus/utils` (heading ids, preprocessing) and
 * `@docusaurus/mdx-loader` (whose compile the facts follow) as the site
 * installs them (their own dependencies reach as far as webpack: a release
 * of either is what changes what they do to Markdown). Another version of any of them gives another fingerprint, so a
 * cache written before an upgrade reads as stale. Site remark plugins whose
 * syntax joins the parse are in each file's key instead (`syntax.ts`).
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** Docusaurus packages the facts follow, as the site installs them (optional peers of this one). */
const PEERS = ['@docusaurus/utils', '@docusaurus/mdx-loader'];

let fingerprint: string | undefined;

/** The fingerprint, computed once per process. */
export function factsFingerprint(): string {
  fingerprint ??= compute();
  return fingerprint;
}

function compute(): string {
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const folder of [path.join(here, '..', 'core'), here]) {
    for (const name of readdirSync(folder).sort()) {
      if (!/\.[cm]?[jt]s$/.test(name) || name.endsWith('.d.ts')) continue;
      hash.update(name).update('\0').update(readFileSync(path.join(folder, name))).update('\0');
    }
  }
  for (const version of packageVersions(packageRoot(here))) hash.update(version).update('\0');
  return hash.digest('base64url');
}

/** The folder of the nearest `package.json` above `dir` (this package's). */
function packageRoot(dir: string): string {
  let current = dir;
  while (!existsSync(path.join(current, 'package.json'))) {
    const parent = path.dirname(current);
    if (parent === current) return dir;
    current = parent;
  }
  return current;
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
}

function readManifest(folder: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Where Node finds package `name` from `folder` (its `node_modules` chain), without its `exports` in the way. */
function findPackage(name: string, folder: string): string | undefined {
  let current = folder;
  for (;;) {
    const candidate = path.join(current, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * `name@version` of every package in the dependency closure of `root`,
 * plus the Docusaurus packages the facts follow (`PEERS`), sorted; each copy
 * resolved from the package that depends on it, as Node resolves it.
 */
export function packageVersions(root: string): string[] {
  const seen = new Map<string, string>();
  const queue: string[] = [root];
  const peers: string[] = [];
  for (const peer of PEERS) {
    const found = findPackage(peer, root);
    const manifest = found && readManifest(found);
    if (manifest) peers.push(`${peer}@${manifest.version ?? '?'}`);
  }
  while (queue.length > 0) {
    const folder = queue.pop()!;
    if (seen.has(folder)) continue;
    const manifest = readManifest(folder);
    if (!manifest) continue;
    seen.set(folder, `${manifest.name ?? '?'}@${manifest.version ?? '?'}`);
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      const found = findPackage(name, folder);
      if (found && !seen.has(found)) queue.push(found);
    }
  }
  return [...new Set([...seen.values(), ...peers])].sort();
}
