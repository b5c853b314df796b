/**
 * The secret the persistent cache is authenticated with (`disk-cache.ts`).
 *
 * It lives in the user's own cache folder (`$XDG_CACHE_HOME` or
 * `~/.cache`, then `docusaurus-plugin-roles/cache-key`), outside every
 * project, readable by this user only, and no cache file carries it. So
 * whoever can write a project's `node_modules/.cache` (a pull request's
 * build script, a CI cache restored from elsewhere) cannot make a cache file
 * this user's builds accept: without the key, a MAC cannot be computed, and
 * a file with a wrong MAC is parsed again instead. Whoever can read the key
 * can already change this user's installed code: nothing to protect there.
 *
 * When the folder cannot be written or read (a read-only home), the key is
 * made for this process only: the cache then works within the process
 * (`npm start`) and is simply missed by the next one.
 */
import {randomBytes} from 'node:crypto';
import {chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bytes of a key. */
const KEY_BYTES = 32;

let key: Buffer | undefined;

/** Where this user keeps the key. */
export function cacheKeyFile(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'docusaurus-plugin-roles', 'cache-key');
}

/** This user's key: read once per process, made the first time (racing writers agree on one). */
export function cacheKey(): Buffer {
  key ??= readOrCreate(cacheKeyFile()) ?? randomBytes(KEY_BYTES);
  return key;
}

function read(file: string): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    return bytes.length === KEY_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function readOrCreate(file: string): Buffer | undefined {
  const existing = read(file);
  if (existing) return existing;
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
    writeFileSync(temporary, randomBytes(KEY_BYTES), {mode: 0o600, flag: 'wx'});
    chmodSync(temporary, 0o600);
    // Linking fails when the file exists: another process made one
    // meanwhile, and every process keeps that one.
    linkSync(temporary, file);
  } catch {
    // Read-only or full: a key for this process alone.
  } finally {
    rmSync(temporary, {force: true});
  }
  return read(file);
}
