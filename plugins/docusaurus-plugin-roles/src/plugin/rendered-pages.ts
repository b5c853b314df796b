/**
 * Which pages render callouts the table should list, as their compiles
 * said: the check after the build reads them even when the table has no
 * entry from them (a callout the table lacks entirely).
 *
 * A page is compiled only when it changed: with the bundler's persistent
 * cache, a warm build compiles nothing. So what the compiles said is kept
 * between builds (`node_modules/.cache/docusaurus-plugin-roles/`), each
 * compile updating its page. The file only adds pages to read: a lost or
 * altered file can hide a page from this part of the check (until that
 * page compiles again), never make the check pass a page it reads.
 */
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** Pages with listed callouts, by permalink, each with its source (site-relative). */
export type RenderedPages = Map<string, string>;

/** Read the pages an earlier build recorded; none when there is no (valid) file. */
export async function loadRenderedPages(file: string | false): Promise<RenderedPages> {
  if (!file) return new Map();
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (!Array.isArray(parsed)) return new Map();
    return new Map(
      parsed.filter(
        (item): item is [string, string] => Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'string',
      ),
    );
  } catch {
    return new Map();
  }
}

/**
 * The record after this build: the earlier one, with each page compiled
 * now replaced by what its compile said (`listed` callouts: kept, or
 * dropped when none), and pages the site no longer has dropped.
 */
export function updateRenderedPages(
  earlier: RenderedPages,
  compiled: ReadonlyMap<string, {source: string; listed: number}>,
  livePages: ReadonlySet<string>,
): RenderedPages {
  const next = new Map([...earlier].filter(([permalink]) => livePages.has(permalink)));
  for (const [permalink, {source, listed}] of compiled) {
    if (listed > 0) next.set(permalink, source);
    else next.delete(permalink);
  }
  return next;
}

/** Write the record (atomically: a killed build leaves the old one or the new one). */
export async function saveRenderedPages(file: string | false, pages: RenderedPages): Promise<void> {
  if (!file) return;
  try {
    await mkdir(path.dirname(file), {recursive: true});
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify([...pages].sort(([a], [b]) => a.localeCompare(b))));
    await rename(temporary, file);
  } catch {
    // A read-only disk: the next warm build reads the pages with entries only.
  }
}
