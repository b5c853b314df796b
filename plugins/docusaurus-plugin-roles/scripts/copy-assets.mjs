// tsc compiles the theme's .tsx but not its CSS modules: copy those next to
// the compiled components so `lib/theme` is complete.
import {cpSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function copyCss(from, to) {
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    if (statSync(source).isDirectory()) copyCss(source, path.join(to, name));
    else if (name.endsWith('.css')) cpSync(source, path.join(to, name));
  }
}

copyCss(path.join(root, 'src'), path.join(root, 'lib'));
