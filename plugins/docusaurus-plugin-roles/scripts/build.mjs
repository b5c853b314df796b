// Builds lib/ from src/ (`npm run build`, and `npm pack` through `prepack`):
//
// 1. tsc, tsconfig.build.json: the Node.js code and `client/`.
// 2. tsc, tsconfig.theme.json: the theme, JSX kept, as Docusaurus's own
//    theme packages ship it; then Prettier lays it out as source, because
//    `swizzle --eject` in a JavaScript site copies these very files.
// 3. What tsc does not copy: the CSS modules, and the `@theme/…` declarations
//    (src/theme/roles.d.ts), which lib/index.d.ts then references so that a
//    site's `tsc` knows the theme modules as soon as it imports the package.
import {execFileSync} from 'node:child_process';
import {cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const lib = path.join(root, 'lib');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Files under `dir` (recursively) whose name passes `keep`. */
function filesUnder(dir, keep) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesUnder(file, keep);
    return keep(name) ? [file] : [];
  });
}

// A stale file (a module renamed since the last build) must not be packed.
rmSync(lib, {recursive: true, force: true});

for (const project of ['tsconfig.build.json', 'tsconfig.theme.json']) {
  execFileSync(process.execPath, [tsc, '-p', project], {cwd: root, stdio: 'inherit'});
}

// The options Docusaurus formats its own lib/theme with, wider lines as in src.
const prettierOptions = {
  parser: 'babel',
  printWidth: 100,
  singleQuote: true,
  bracketSpacing: false,
  bracketSameLine: true,
  trailingComma: 'all',
  arrowParens: 'always',
};
for (const file of filesUnder(path.join(lib, 'theme'), (name) => name.endsWith('.js'))) {
  writeFileSync(file, await prettier.format(readFileSync(file, 'utf8'), prettierOptions));
}

const src = path.join(root, 'src');
for (const file of filesUnder(src, (name) => name.endsWith('.css'))) {
  cpSync(file, path.join(lib, path.relative(src, file)));
}

cpSync(path.join(src, 'theme', 'roles.d.ts'), path.join(lib, 'theme', 'roles.d.ts'));
const entryTypes = path.join(lib, 'index.d.ts');
writeFileSync(
  entryTypes,
  `/// <reference path="./theme/roles.d.ts" />\n${readFileSync(entryTypes, 'utf8')}`,
);
