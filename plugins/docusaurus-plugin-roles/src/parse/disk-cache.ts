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
 * user's cache folder), which the file does not carry. A file crafted with
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
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {FileFacts} from './analyze.js';
import {cacheKey} from './cache-key.js';
import {factsFingerprint} from './fingerprint.js';

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
/** Temporary files of killed writers older than this are removed. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

interface Header {
  format: string;
  schema: number;
  code: string;
  settings: string;
  /** HMAC of the file's path, the fields above and the body (`authenticate`). */
  mac: string;
}

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
 * Read a cache file this user wrote with the same code and `settings`. Any
 * doubt (missing, foreign, another key, other code or settings, MAC or
 * shape wrong) gives an empty map: the run then parses what it needs and
 * rewrites the file.
 */
export async function loadCache(file: string, settings: string): Promise<Map<string, CachedFile>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new Map();
  }
  try {
    const newline = text.indexOf('\n');
    if (newline === -1) return new Map();
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    const body = text.slice(newline + 1);
    if (
      header.format !== FORMAT ||
      header.schema !== SCHEMA ||
      header.code !== factsFingerprint() ||
      header.settings !== settings ||
      typeof header.mac !== 'string' ||
      !sameMac(header.mac, authenticate(file, header as Header, body))
    ) {
      return new Map();
    }
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
  const body = `[${rows.join(',\n')}]`;
  const fields = {format: FORMAT, schema: SCHEMA, code: factsFingerprint(), settings};
  const header: Header = {...fields, mac: authenticate(file, {...fields, mac: ''}, body)};
  const folder = path.dirname(file);
  await mkdir(folder, {recursive: true});
  await removeStaleTemporaries(folder, path.basename(file));
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(header)}\n${body}`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}

/**
 * The file's HMAC: its absolute path (a file moved to another instance's or
 * locale's place does not read there), the header's fields and the body,
 * keyed with this user's secret.
 */
function authenticate(file: string, {format, schema, code, settings}: Header, body: string): string {
  return createHmac('sha256', cacheKey())
    .update(JSON.stringify([path.resolve(file), format, schema, code, settings]))
    .update('\0')
    .update(body)
    .digest('base64url');
}

/** Compares MACs in constant time. */
function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Temporary files a killed writer left behind (a live writer's are recent). */
async function removeStaleTemporaries(folder: string, base: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.tmp'))
      .map(async (name) => {
        const where = path.join(folder, name);
        const info = await stat(where).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > STALE_TEMPORARY_MS) await rm(where, {force: true});
      }),
  );
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
