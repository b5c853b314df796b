/**
 * A fresh Docusaurus site as a new user makes one, for the packed-tarball
 * suite: create-docusaurus lays it out, npm installs it, then the packed
 * plugin is installed and configured the way the package's README says.
 *
 * Sites live outside the repository (under the system temp folder), so that
 * nothing resolves through the repository's node_modules or its workspace
 * link to the plugin.
 */
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {load, type CheerioAPI} from 'cheerio';

/** Where the suite packs the plugin and creates its sites. */
export const WORK_DIR = path.join(os.tmpdir(), 'docusaurus-plugin-roles-package-tests');

/** Docusaurus's own version this repository is built with. */
export const CURRENT_DOCUSAURUS = '3.10.2';

/** The oldest supported Docusaurus (the README and `peerDependencies`). */
export const OLDEST_DOCUSAURUS = '3.6.0';

/**
 * create-docusaurus has no 3.6.0 release: its 3.6.3 is the template of the
 * 3.6 line, whose dependencies the oldest-version site then sets to 3.6.0.
 */
export const OLDEST_TEMPLATE = '3.6.3';

// npm's own run-script variables (the project root, the package, the
// lifecycle) would point a nested npm at this repository; vitest's
// NODE_ENV=test would leak into the site's build.
const environment: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^npm_(package|lifecycle)_/i.test(key) &&
      !/^npm_config_(local_prefix|workspaces?|include_workspace_root)$/i.test(key) &&
      !['INIT_CWD', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'].includes(key),
  ),
);

/** `npm install` as CI should run it: from the local cache when it can. */
export const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund'];

/** What a command printed: its standard output, and both streams together. */
export interface Output {
  stdout: string;
  all: string;
}

/** Runs a command in `cwd`; fails with its last lines of output. */
export async function run(cwd: string, command: string, args: readonly string[]): Promise<Output> {
  const running = promisify(execFile)(command, args, {
    cwd,
    env: {...environment, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true'},
    maxBuffer: 64 * 1024 * 1024,
    // A command that waits for an answer fails instead of hanging the suite.
    timeout: 10 * 60 * 1000,
  });
  running.child.stdin?.end();
  try {
    const {stdout, stderr} = await running;
    return {stdout, all: `${stdout}${stderr}`};
  } catch (error) {
    const failed = error as {stdout?: string; stderr?: string};
    const output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`.split('\n').slice(-80).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${output}`, {cause: error});
  }
}

/** A site made by create-docusaurus, not installed yet. */
export interface Site {
  dir: string;
  typescript: boolean;
  configFile: string;
}

/**
 * `create-docusaurus@<version> <name> classic --typescript|--javascript`, as the
 * Docusaurus docs tell a new user to start, without its install step (run
 * by {@link installSite}, with the local cache preferred).
 */
export async function createSite(
  name: string,
  {version, typescript}: {version: string; typescript: boolean},
): Promise<Site> {
  mkdirSync(WORK_DIR, {recursive: true});
  const dir = path.join(WORK_DIR, name);
  rmSync(dir, {recursive: true, force: true});
  const args = ['exec', '--yes', '--prefer-offline', '--', `create-docusaurus@${version}`, name, 'classic'];
  await run(WORK_DIR, 'npm', [...args, typescript ? '--typescript' : '--javascript', '--skip-install']);
  const configFile = path.join(dir, typescript ? 'docusaurus.config.ts' : 'docusaurus.config.js');
  return {dir, typescript, configFile};
}

/** Edits the site's package.json (before its install). */
export function editPackageJson(site: Site, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(site.dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Installs the site's own dependencies, as create-docusaurus would. */
export async function installSite(site: Site): Promise<void> {
  await run(site.dir, 'npm', NPM_INSTALL);
}

/** `npm install <tarball>`: the README's `npm install docusaurus-plugin-roles`. */
export async function installPlugin(site: Site, tarball: string): Promise<void> {
  await run(site.dir, 'npm', [...NPM_INSTALL, tarball]);
}

/** Replaces the one occurrence of `anchor` in `text`; a template change fails loudly. */
function insertOnce(text: string, anchor: RegExp, insert: (match: string) => string, file: string): string {
  const matches = text.match(new RegExp(anchor.source, `${anchor.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`Expected ${anchor} once in ${file}, found it ${matches.length} times`);
  }
  return text.replace(anchor, insert);
}

/**
 * The lines the package README's "Use" section adds to a config, and
 * nothing else: the import, `remarkPlugins: [remarkRoles]` in the docs
 * options, and the plugin with its (default) options.
 */
export const README_LINES = {
  import: "import {remarkRoles} from 'docusaurus-plugin-roles';",
  remarkPlugins: 'remarkPlugins: [remarkRoles],',
  plugin: "plugins: [['docusaurus-plugin-roles', {",
} as const;

/** Configures the site exactly as the package README says. */
export function configureAsReadme(site: Site): void {
  const file = site.configFile;
  let config = readFileSync(file, 'utf8');
  // After the template's last top-level import.
  config = insertOnce(config, /(?:^import .*\n)+/m, (imports) => `${imports}${README_LINES.import}\n`, file);
  config = insertOnce(config, /^( +)docs: \{\n/m, (line) => `${line}          ${README_LINES.remarkPlugins}\n`, file);
  config = insertOnce(config, /^ {2}themeConfig:/m, (line) => `  ${README_LINES.plugin}}]],\n\n${line}`, file);
  writeFileSync(file, config);
}

/** The doc the suite annotates, and what its annotations must become. */
export const DEMO_DOC = {
  file: 'docs/roles-demo.md',
  permalink: '/docs/roles-demo',
  ids: ['captures-the-spine-images', 'reads-the-images', 'identity-check'],
} as const;

/**
 * Writes {@link DEMO_DOC}: three duties (one shared, one by alias, one
 * handing over to another), sourced and reviewed for staff in the front
 * matter, a handout introduction, an embedded table, the page's flow and a
 * summary: every component a site may wrap renders on it or on the table page.
 */
export function writeDemoDoc(site: Site): void {
  writeFileSync(
    path.join(site.dir, DEMO_DOC.file),
    `---
sidebar_position: 10
roles:
  source: https://www.asrt.org/main/standards-and-regulations/professional-practice/practice-standards
  reviewed: 2026-06-01
  audience: staff
---

# Who does what

<RoleHandout>

Who does what when your spine is imaged.

</RoleHandout>

:::role[Captures the spine images]{of=radiographer area=imaging hands-to=reads-the-images}
Positions the patient prone and runs the fluoroscopy unit.
:::

:::role[Reads the images]{of=radiologist area=interpretation}
Decides where the lead goes.
:::

:::role[Checks the patient's identity]{of="radiologist technologist" area=patient-care #identity-check}
Both ask for the name and the date of birth.
:::

<RoleComparisonTable areas={["imaging"]} />

<RoleComparisonTable page="${DEMO_DOC.permalink}" flow="only" filters={false} />

<RolesOnThisPage />
`,
  );
}

/** The site's own `npm run <script>` (build, typecheck, swizzle, …). */
export async function npmRun(site: Site, script: string, ...args: string[]): Promise<string> {
  const {all} = await run(site.dir, 'npm', ['run', script, ...(args.length > 0 ? ['--', ...args] : [])]);
  return all;
}

/** A built page of the site, by URL path. */
export function builtPage(site: Site, urlPath: string): CheerioAPI {
  const file = path.join(site.dir, 'build', urlPath, 'index.html');
  if (!existsSync(file)) throw new Error(`No built page at ${urlPath} (${file})`);
  return load(readFileSync(file, 'utf8'));
}

/** Every CSS file of the build, concatenated. */
export function builtCss(site: Site): string {
  const dir = path.join(site.dir, 'build', 'assets', 'css');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.css'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

/**
 * Folders of every installed copy of each `@docusaurus/*` package, from
 * `npm ls --all --parseable` (one line per package folder in the tree).
 */
export async function docusaurusCopies(site: Site): Promise<Map<string, string[]>> {
  const {stdout} = await run(site.dir, 'npm', ['ls', '--all', '--parseable']);
  const copies = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const match = /[\\/]node_modules[\\/](@docusaurus[\\/][^\\/]+)$/.exec(line.trim());
    if (!match?.[1]) continue;
    const name = match[1].replace('\\', '/');
    copies.set(name, [...(copies.get(name) ?? []), line.trim()]);
  }
  return copies;
}

/** The safe-to-swizzle components of the installed plugin, from its own swizzle config. */
export async function safeComponents(site: Site): Promise<{eject: string[]; wrap: string[]}> {
  const entry = path.join(site.dir, 'node_modules', 'docusaurus-plugin-roles', 'lib', 'index.js');
  const plugin = (await import(entry)) as {
    getSwizzleConfig: () => {components: Record<string, {actions: Record<string, string>}>};
  };
  const components = Object.entries(plugin.getSwizzleConfig().components);
  const safe = (action: string): string[] =>
    components.filter(([, config]) => config.actions[action] === 'safe').map(([name]) => name);
  return {eject: safe('eject'), wrap: safe('wrap')};
}

/** Class a wrapper adds, so the build shows the wrapper rendered. */
export function wrapperClass(component: string): string {
  return `package-test-wrapped-${component}`;
}

/** CSS rule appended to an ejected component's styles, so the build shows the copy was bundled. */
export function ejectedMarker(component: string): string {
  return `package-test-ejected-${component}`;
}

/**
 * `swizzle --wrap` every component, then make each wrapper render a
 * `<span class="package-test-wrapped-…">` around the original.
 */
export async function wrapAll(site: Site, components: readonly string[]): Promise<void> {
  const language = site.typescript ? '--typescript' : '--javascript';
  await Promise.all(components.map((name) => npmRun(site, 'swizzle', 'docusaurus-plugin-roles', name, '--wrap', language)));
  for (const name of components) {
    const file = path.join(site.dir, 'src', 'theme', name, site.typescript ? 'index.tsx' : 'index.js');
    const source = readFileSync(file, 'utf8');
    if (!source.includes('<>') || !source.includes('</>')) throw new Error(`Unexpected wrapper in ${file}:\n${source}`);
    writeFileSync(file, source.replace('<>', `<span className="${wrapperClass(name)}">`).replace('</>', '</span>'));
  }
}

/**
 * `swizzle --eject` every component, then add a marker rule to each copy's
 * CSS module, which only the ejected component imports.
 */
export async function ejectAll(site: Site, components: readonly string[]): Promise<void> {
  const language = site.typescript ? '--typescript' : '--javascript';
  await Promise.all(components.map((name) => npmRun(site, 'swizzle', 'docusaurus-plugin-roles', name, '--eject', language)));
  for (const name of components) {
    const css = path.join(site.dir, 'src', 'theme', name, 'styles.module.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.${ejectedMarker(name)} {\n  order: 1;\n}\n`);
  }
}

/** Removes every swizzled component. */
export function unswizzle(site: Site): void {
  rmSync(path.join(site.dir, 'src', 'theme'), {recursive: true, force: true});
}
