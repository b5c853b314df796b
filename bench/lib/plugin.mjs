/**
 * Access to the compiled plugin (`plugins/docusaurus-plugin-roles/lib`),
 * building it first only when `lib/` is missing.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = path.dirname(BENCH_DIR);
export const PLUGIN_DIR = path.join(REPO_ROOT, 'plugins', 'docusaurus-plugin-roles');
export const PLUGIN_LIB = path.join(PLUGIN_DIR, 'lib');
export const OUT_DIR = path.join(BENCH_DIR, 'out');

const REQUIRED = ['parse/aggregate.js', 'parse/parser.js', 'options.js', 'core/extract.js', 'index.js'];

/** Build the plugin if `lib/` (or one of the modules we import) is missing. */
export function ensurePluginBuilt(log = console.log) {
  const missing = REQUIRED.filter((name) => !existsSync(path.join(PLUGIN_LIB, name)));
  if (missing.length === 0) {
    const src = newest(path.join(PLUGIN_DIR, 'src'));
    const lib = newest(PLUGIN_LIB);
    if (src > lib) {
      log(
        `  note: plugins/docusaurus-plugin-roles/src changed after lib/ was built (${new Date(src).toISOString()} > ${new Date(lib).toISOString()}): ` +
          'measuring lib/ as it is; run `npm run build --workspace docusaurus-plugin-roles` to measure the sources',
      );
    }
    return false;
  }
  log(`Plugin lib/ is missing (${missing.join(', ')}): running npm run build --workspace docusaurus-plugin-roles`);
  execFileSync('npm', ['run', 'build', '--workspace', 'docusaurus-plugin-roles'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  return true;
}

/** Latest modification time of the files below `dir` (0 when none). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue;
    const time = statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** The compiled modules the benchmark drives. */
export async function loadPlugin() {
  const load = (name) => import(pathToFileURL(path.join(PLUGIN_LIB, name)).href);
  const [aggregate, parse, options, extract] = await Promise.all([
    load('parse/aggregate.js'),
    load('parse/parser.js'),
    load('options.js'),
    load('core/extract.js'),
  ]);
  return {
    RolesAggregator: aggregate.RolesAggregator,
    parseMarkdown: parse.parseMarkdown,
    DEFAULT_OPTIONS: options.DEFAULT_OPTIONS,
    toRolesConfig: options.toRolesConfig,
    extractAnnotations: extract.extractAnnotations,
  };
}

/**
 * The markdown settings the aggregator gets from a site with
 * `future: {v4: true}` (the repo's site and the bench sites): v4 turns the
 * `markdown.mdx1Compat` options off, so no heading-id escaping and no
 * `<!-- -->` comment syntax. Every doc is parsed as MDX (`markdown.format`
 * defaults to `'mdx'`, which applies to `.md` files too).
 */
export const MARKDOWN_SETTINGS = {headingIds: false, comments: false};
export const FORMAT = 'mdx';

/** The `DocSource[]` the docs plugin would hand the aggregator for a corpus. */
export function docSources(corpusDir, manifest) {
  return manifest.files.map((file, index) => {
    const id = file.path.replace(/\.mdx?$/, '');
    return {
      filePath: path.join(corpusDir, file.path),
      source: `docs/${file.path}`,
      permalink: `/${id}`,
      kind: 'docs',
      pluginId: 'default',
      version: 'current',
      format: FORMAT,
      pageTitle: id,
      pagePosition: index,
      categories: [],
    };
  });
}

/**
 * Which plugin build was measured: package version plus a hash and date of
 * each compiled module (the sources change between runs; this tells runs
 * of different code apart).
 */
export function pluginInfo() {
  const pkg = JSON.parse(readFileSync(path.join(PLUGIN_DIR, 'package.json'), 'utf8'));
  const modules = {};
  const names = readdirSync(PLUGIN_LIB, {recursive: true}).filter((file) => file.endsWith('.js') && !file.startsWith('theme'));
  for (const name of names.sort()) {
    const file = path.join(PLUGIN_LIB, name);
    modules[name] = {
      sha1: createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 12),
      modified: statSync(file).mtime.toISOString(),
    };
  }
  return {name: pkg.name, version: pkg.version, lib: path.relative(REPO_ROOT, PLUGIN_LIB), modules};
}
