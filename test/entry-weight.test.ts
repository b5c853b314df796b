/**
 * Docusaurus loads the site config (which imports the package for
 * `remarkRoles`) and the plugin with jiti and no module cache: every ES
 * module they reach is evaluated again on each load, once per locale and
 * more. So the package's entry and the remark entry must not reach the
 * parser, the aggregator, the exports or the commands: the lifecycles load
 * those once per process (`plugin/load-lifecycle-code.ts`). This follows
 * the built entry's static imports (`lib/`, as Docusaurus loads it).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, it} from 'vitest';

const lib = path.join(import.meta.dirname, '..', 'plugins', 'docusaurus-plugin-roles', 'lib');

/** Every file and package a module reaches through static imports (not `import()`). */
function reached(entry: string): {files: Set<string>; packages: Set<string>} {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)';/gms)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!));
      else packages.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
    }
  };
  visit(entry);
  return {files, packages};
}

it.each(['index.js', 'remark/index.js'])('%s reaches neither the parser, nor the aggregator, nor the exports', (entry) => {
  const {files, packages} = reached(path.join(lib, entry));
  const relative = [...files].map((file) => path.relative(lib, file).split(path.sep).join('/'));
  expect(relative.filter((file) => file.startsWith('parse/'))).toEqual([]);
  expect(relative).not.toContain('plugin/gather.js');
  expect(relative).not.toContain('plugin/exports.js');
  for (const heavy of ['remark-parse', 'remark-mdx', 'remark-gfm', 'unified', 'micromark', 'tinypool', 'csv-stringify']) {
    expect([...packages], heavy).not.toContain(heavy);
  }
  // The check is not vacuous: the entry does reach the extractor.
  expect(relative).toContain('core/extract.js');
});

it('the lifecycle code loads the parser only when a file must be parsed', () => {
  // A restart or a warm build reads every file's facts from the cache: the
  // parse queue imports the parser and the pool the first time it is given files.
  const {files, packages} = reached(path.join(lib, 'plugin', 'lifecycle-code.js'));
  const relative = [...files].map((file) => path.relative(lib, file).split(path.sep).join('/'));
  for (const parser of ['parse/analyze.js', 'parse/parser.js', 'parse/syntax.js', 'parse/pool.js', 'parse/page-tree.js']) {
    expect(relative).not.toContain(parser);
  }
  for (const heavy of ['remark-parse', 'remark-mdx', 'remark-gfm', 'micromark', 'mdast-util-from-markdown', 'tinypool']) {
    expect([...packages], heavy).not.toContain(heavy);
  }
  // Not vacuous: it does reach the aggregator and its queue.
  expect(relative).toEqual(expect.arrayContaining(['parse/aggregate.js', 'parse/parse-queue.js']));
});
