/**
 * The aggregator's persistent cache: what each file's content says about
 * annotations (`FileFacts`, which do not depend on the roles and areas
 * configuration), kept between processes the way Docusaurus keeps its
 * bundler cache, in `node_modules/.cache` (which `docusaurus clear` empties).
 *
 * One file per plugin instance. It is untrusted input: anyone who can
 * write the project folder can write it, and a CI system restores it from
 * elsewhere. So it is only read back when it is this machine's user's own:
 * the header carries an HMAC-SHA256 of the file's place, header and body,
 * keyed with a secret that lives outside the project (`cache-key.ts`, in the
 * user's cache folder), which the file does not carry (`signed-file.ts`). A file crafted with
 * other rows, or restored from another machine or another user, fails the
 * check and costs a parse, never a different table; its rows are replaced.
 *
 * The header also names the format and a fingerprint of everything that
 * computes the facts (`fingerprint.ts`: this package's code and the versions
 * of the packages that parse, the MDX loader's included) and the parse
 * settings, so a stale file reads as empty too (and is rewritten after the
 * run). Writes go to a temporary file renamed into place, so a reader
 * (another build, or the next run after a killed one) sees a whole old file
 * or a whole new one, never half.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import type {FileFacts} from './analyze.js';
import {factsFingerprint} from './fingerprint.js';
import {readSignedFile, writeSignedFile} from './signed-file.js';

/** What the cache remembers of one file. */
export interface CachedFile {
  /** Its settings, size, times and inode: unchanged means the file was not written. */
  stat: string;
  /** Hash of its settings and preprocessed content; `undefined` when it holds no `:role`. */
  content: string | undefined;
  /** Its facts; `undefined` when it holds no `:role` (nothing to parse). */
  facts: FileFacts | undefined;
}

/** Names the file format; a file without it is foreign. */
const FORMAT = 'docusaurus-plugin-roles/facts-cache';
/** Bumped when `FileFacts` or this layout change shape. */
const SCHEMA = 2;
/** Above this many bytes the remaining files are left out (they are parsed next time). */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Where a site keeps a cache (`name`: the plugin instance and locale): the
 * folder Docusaurus keeps its bundler cache in, and clears with `docusaurus clear`.
 */
export function defaultCacheFile(siteDir: string, name: string): string {
  const yarnPnp = !existsSync(path.join(siteDir, 'node_modules')) && existsSync(path.join(siteDir, '.yarn'));
  const folder = path.join(siteDir, yarnPnp ? '.yarn' : 'node_modules', '.cache', 'docusaurus-plugin-roles');
  return path.join(folder, `facts-${name.replace(/[^\w-]/g, '_')}.json`);
}

/**
 * Read a cache file this user wrote with the same code and `settings`
 * (`signed-file.ts`). Any
 * doubt (missing, foreign, another key, other code or settings, MAC or
 * shape wrong) gives an empty map: the run then parses what it needs and
 * rewrites the file.
 */
export async function loadCache(file: string, settings: string): Promise<Map<string, CachedFile>> {
  const body = await readSignedFile(file, headerFields(settings));
  if (body === undefined) return new Map();
  try {
    const rows = JSON.parse(body) as unknown;
    if (!Array.isArray(rows)) return new Map();
    const files = new Map<string, CachedFile>();
    for (const row of rows) {
      const entry = toEntry(row);
      if (!entry) return new Map();
      files.set(entry[0], entry[1]);
    }
    return files;
  } catch {
    return new Map();
  }
}

/** The header's fields: the format, its schema, the code that computes the facts, the parse settings. */
function headerFields(settings: string) {
  return {format: FORMAT, schema: SCHEMA, code: factsFingerprint(), settings};
}

/**
 * Write the cache: every listed file (files no longer in the site are not
 * passed, so they drop out), up to `MAX_CACHE_BYTES`, atomically.
 */
export async function saveCache(
  file: string,
  settings: string,
  files: ReadonlyMap<string, CachedFile>,
  maxBytes = MAX_CACHE_BYTES,
): Promise<void> {
  const rows: string[] = [];
  // The body's brackets; the header (well under 1 KB) is not counted.
  let bytes = 2;
  for (const [filePath, entry] of files) {
    const row = JSON.stringify([filePath, entry.stat, entry.content ?? null, entry.facts ?? null]);
    // UTF-8 bytes, not characters: a Spanish or Japanese site's rows are larger on disk.
    bytes += Buffer.byteLength(row) + (rows.length > 0 ? 2 : 0);
    if (bytes > maxBytes) break;
    rows.push(row);
  }
  await writeSignedFile(file, headerFields(settings), `[${rows.join(',\n')}]`);
}

/** A row of the body as an entry, or `undefined` when its shape is wrong. */
function toEntry(row: unknown): [string, CachedFile] | undefined {
  if (!Array.isArray(row) || row.length !== 4) return undefined;
  const [filePath, statKey, content, facts] = row as unknown[];
  if (typeof filePath !== 'string' || typeof statKey !== 'string') return undefined;
  if (content === null && facts === null) return [filePath, {stat: statKey, content: undefined, facts: undefined}];
  if (typeof content !== 'string' || !isFileFacts(facts)) return undefined;
  return [filePath, {stat: statKey, content, facts}];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A position's shape, as the resolver and the messages read it. */
function isPlace(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isRecord(value) || !isRecord(value.start)) return false;
  return typeof value.start.line === 'number' && typeof value.start.column === 'number';
}

/** Whether a value has the shape of `PartialUses`. */
function isPartialUses(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.renderings) || !Array.isArray(value.inCode) || !Array.isArray(value.anchors)) return false;
  const placed = (item: unknown) =>
    isRecord(item) && isString(item.specifier) && typeof item.line === 'number' && typeof item.column === 'number';
  return (
    value.anchors.every(isString) &&
    value.inCode.every((item) => placed(item) && isString((item as Record<string, unknown>).name)) &&
    value.renderings.every((item) => {
      const section = (item as Record<string, unknown>).section;
      return placed(item) && (section === null || (isRecord(section) && isString(section.id) && isString(section.title)));
    })
  );
}

/** Whether a value has the shape of `FileFacts` (what resolving them reads). */
export function isFileFacts(value: unknown): value is FileFacts {
  if (!isRecord(value)) return false;
  if (value.kind === 'too-large') return typeof value.characters === 'number';
  if (value.kind === 'failed') {
    return typeof value.line === 'number' && typeof value.column === 'number' && isString(value.reason);
  }
  if (value.kind !== 'facts' || typeof value.fast !== 'boolean' || !isRecord(value.facts)) return false;
  if (value.partials !== undefined && !isPartialUses(value.partials)) return false;
  const {candidates, messages} = value.facts;
  if (!Array.isArray(candidates) || !Array.isArray(messages)) return false;
  const messagesOk = messages.every(
    (message) => isRecord(message) && isString(message.reason) && isString(message.ruleId) && isPlace(message.place),
  );
  return (
    messagesOk &&
    candidates.every(
      (candidate) =>
        isRecord(candidate) &&
        isString(candidate.id) &&
        isString(candidate.title) &&
        isString(candidate.text) &&
        typeof candidate.badId === 'boolean' &&
        isPlace(candidate.place) &&
        isPlace(candidate.expressionInTitle) &&
        isRecord(candidate.attributes) &&
        Object.values(candidate.attributes).every((attribute) => attribute === null || isString(attribute)) &&
        (candidate.section === null ||
          (isRecord(candidate.section) && isString(candidate.section.id) && isString(candidate.section.title))),
    )
  );
}
