/**
 * Real Markdown nobody here wrote, for the differential tests, found the
 * same way on every machine:
 *
 * - the Markdown that installed packages ship in `node_modules` (READMEs,
 *   changelogs, docs): always there after `npm ci`, fixed by the lock file.
 *   A bounded, varied and deterministic selection: files ordered by a hash
 *   of their name (so the sample spreads over all packages instead of the
 *   first letters), at most two per package or scope (`@babel/*` ship
 *   dozens of READMEs made from one template), no duplicates, no licence
 *   texts, between 300 bytes and 64 KiB;
 * - the Redux docs (`../shared/corpora/redux-docs`, long real Docusaurus
 *   MDX), only where that folder exists beside the repository (CI's
 *   machine; a newcomer's clone has none).
 *
 * Nothing here reads outside the repository but that one optional folder;
 * `test/real-corpus.test.ts` runs this module in a copy without it.
 */
import {createHash} from 'node:crypto';
import {existsSync, lstatSync, readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

/** The repository this module is in (the copy's, when a test copies it). */
export const REPO = path.resolve(import.meta.dirname, '..', '..');

/** One real document. */
export interface RealDocument {
  /** Where it comes from, and its name in test output: `node_modules/<package>/<file>` or `redux-docs/<file>`. */
  name: string;
  filePath: string;
  /**
   * How a Docusaurus site reads it. The Redux docs are MDX (their site's
   * `markdown.format` is `mdx`). A package's `.md` is CommonMark (`md`),
   * what `markdown.format: 'detect'` makes of a `.md` file: READMEs are not
   * written for MDX (tests may also read them as MDX, where many are not
   * valid: both sides must then report the same error). A `.mdx` is MDX.
   */
  format: 'md' | 'mdx';
  origin: 'node_modules' | 'redux-docs';
}

/** What was found, and what was looked for and not found (tests print it). */
export interface RealCorpus {
  documents: RealDocument[];
  missing: string[];
}

/** Bounds of the `node_modules` selection. */
/** Files per package, or per scope for `@scope/*` packages. */
const PER_GROUP = 2;
const MIN_BYTES = 300;
const MAX_BYTES = 64 * 1024;
/** Licence and notice texts: hundreds of near copies of a few legal texts, with no Markdown structure. */
const LEGAL = /^(licen[cs]e|copying|notice)([.-]|$)/i;

const MARKDOWN = /\.mdx?$/i;

/** Every `.md`/`.mdx` file under `dir`, relative to it, outside nested `node_modules`. */
function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), {withFileTypes: true})) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(name);
      else if (entry.isFile() && MARKDOWN.test(entry.name) && !LEGAL.test(entry.name)) found.push(name);
    }
  };
  walk('');
  return found;
}

/**
 * The installed packages' folders (`name` or `@scope/name`), real folders
 * only: a symbolic link is a workspace (this repository's own plugin).
 */
function packageFolders(nodeModules: string): string[] {
  const packages: string[] = [];
  for (const entry of readdirSync(nodeModules, {withFileTypes: true})) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    if (!entry.name.startsWith('@')) {
      packages.push(entry.name);
      continue;
    }
    for (const scoped of readdirSync(path.join(nodeModules, entry.name), {withFileTypes: true})) {
      if (scoped.isDirectory()) packages.push(`${entry.name}/${scoped.name}`);
    }
  }
  return packages.filter((name) => !lstatSync(path.join(nodeModules, name)).isSymbolicLink());
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** At most `limit` Markdown files shipped in `<root>/node_modules`, selected as the module comment says. */
export function packageMarkdown(limit: number, root = REPO): RealDocument[] {
  const nodeModules = path.join(root, 'node_modules');
  if (!existsSync(nodeModules)) return [];
  const candidates = packageFolders(nodeModules).flatMap((pkg) =>
    markdownFiles(path.join(nodeModules, pkg)).map((file) => ({pkg, name: `node_modules/${pkg}/${file.split(path.sep).join('/')}`})),
  );
  candidates.sort((a, b) => (hash(a.name) < hash(b.name) ? -1 : 1));
  const perGroup = new Map<string, number>();
  const seen = new Set<string>();
  const selected: RealDocument[] = [];
  for (const {pkg, name} of candidates) {
    if (selected.length >= limit) break;
    const group = pkg.split('/')[0]!;
    if ((perGroup.get(group) ?? 0) >= PER_GROUP) continue;
    const filePath = path.join(root, name);
    const {size} = statSync(filePath);
    if (size < MIN_BYTES || size > MAX_BYTES) continue;
    const digest = hash(readFileSync(filePath, 'utf8'));
    if (seen.has(digest)) continue;
    seen.add(digest);
    perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    selected.push({name, filePath, format: /\.mdx$/i.test(name) ? 'mdx' : 'md', origin: 'node_modules'});
  }
  return selected.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The folder of the Redux docs, where CI keeps it beside the repository. */
export function reduxFolder(root = REPO): string {
  return path.join(root, '..', 'shared', 'corpora', 'redux-docs');
}

/** Every Redux doc, or none (and why) when the folder is not beside the repository. */
export function reduxDocs(root = REPO): RealDocument[] {
  const folder = reduxFolder(root);
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, {recursive: true}) as string[])
    .filter((file) => MARKDOWN.test(file))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
    .map((file) => ({name: `redux-docs/${file}`, filePath: path.join(folder, file), format: 'mdx' as const, origin: 'redux-docs' as const}));
}

/**
 * The real corpus: `nodeModules` package documents (see the module
 * comment), then every Redux doc where the folder exists.
 */
export function discoverRealCorpus({nodeModules = 120, root = REPO}: {nodeModules?: number; root?: string} = {}): RealCorpus {
  const missing: string[] = [];
  const packages = packageMarkdown(nodeModules, root);
  if (packages.length === 0) missing.push(`${path.join(root, 'node_modules')}: no Markdown (run npm ci)`);
  const redux = reduxDocs(root);
  if (redux.length === 0) missing.push(`${reduxFolder(root)}: absent (optional: the Redux docs, beside the repository in CI)`);
  return {documents: [...packages, ...redux], missing};
}
