/**
 * A cache file that only this machine's user can have written: a one-line
 * JSON header, then the body. The header names the file's format and what
 * computed the body (`fields`), and carries an HMAC-SHA256 of the file's
 * absolute path, those fields and the body, keyed with the user's secret
 * (`cache-key.ts`), which no file carries. A file crafted or restored from
 * elsewhere, moved to another instance's place, or written by other code or
 * settings reads as missing: the caller computes again and rewrites it.
 *
 * Writes go to a temporary file renamed into place, so a reader (another
 * build, or the next run after a killed one) sees a whole old file or a
 * whole new one, never half.
 */
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {mkdir, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cacheKey} from './cache-key.js';

/** What a header says besides its MAC: the format, its schema, the code and settings that wrote the body. */
export type SignedFields = Readonly<Record<string, string | number>>;

/** Temporary files of killed writers older than this are removed. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** The body of a file written by `writeSignedFile` with the same fields, or `undefined` at any doubt. */
export async function readSignedFile(file: string, fields: SignedFields): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const newline = text.indexOf('\n');
    if (newline === -1) return undefined;
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    const body = text.slice(newline + 1);
    const names = Object.keys(fields);
    if (Object.keys(header).length !== names.length + 1 || names.some((name) => header[name] !== fields[name])) {
      return undefined;
    }
    return typeof header.mac === 'string' && sameMac(header.mac, authenticate(file, fields, body)) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** Write `body` under a header of `fields` and their MAC, atomically. */
export async function writeSignedFile(file: string, fields: SignedFields, body: string): Promise<void> {
  const header = {...fields, mac: authenticate(file, fields, body)};
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
 * locale's place does not read there), the header's fields in their order
 * and the body, keyed with this user's secret.
 */
function authenticate(file: string, fields: SignedFields, body: string): string {
  return createHmac('sha256', cacheKey())
    .update(JSON.stringify([path.resolve(file), ...Object.entries(fields).flat()]))
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
