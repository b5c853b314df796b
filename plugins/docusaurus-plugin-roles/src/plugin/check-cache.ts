/**
 * The checks' report kept between processes. At ten thousand duties the
 * checks cost seconds (every patient-facing duty scored, every duty
 * compared with the ones before it), which a restart or a warm build would
 * pay again for the same answer. A run whose duties, options and day are
 * exactly the last run's reads the report instead; any difference checks
 * again and rewrites it.
 *
 * Kept beside the facts cache and authenticated the same way
 * (`signed-file.ts`): a crafted or restored file costs the checks, never
 * hides or invents a finding. The header's fingerprint covers the code that
 * checks (the facts' fingerprint, which holds `core/` and the versions of
 * every dependency, plus this folder's checks and the review rules).
 */
import {createHash} from 'node:crypto';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defaultCacheFile} from '../parse/disk-cache.js';
import {factsFingerprint} from '../parse/fingerprint.js';
import {readSignedFile, writeSignedFile} from '../parse/signed-file.js';
import type {RoleEntry} from '../types.js';
import {checkAccountability, type AccountabilityReport, type CheckContext} from './accountability.js';

/** Names the file format; a file without it is foreign. */
const FORMAT = 'docusaurus-plugin-roles/checks-cache';
/** Bumped when `AccountabilityReport` changes shape. */
const SCHEMA = 1;

/**
 * `checkAccountability`, read from `file` when the last run there had the
 * same inputs (`false`: no cache, as with the `cache: false` option).
 */
export async function checkAccountabilityCached(
  entries: readonly RoleEntry[],
  context: CheckContext,
  file: string | false,
): Promise<AccountabilityReport> {
  if (!file) return checkAccountability(entries, context);
  const fields = {format: FORMAT, schema: SCHEMA, code: checksFingerprint(), inputs: inputsDigest(entries, context)};
  const kept = toReport(await readSignedFile(file, fields));
  if (kept) return kept;
  const report = checkAccountability(entries, context);
  try {
    await writeSignedFile(file, fields, JSON.stringify(report));
  } catch {
    // A read-only or full disk: the next process checks again.
  }
  return report;
}

/** Where an instance keeps its checks' report for a locale: beside its facts cache. */
export function checksCacheFile(siteDir: string, instance: string, locale: string): string {
  return path.join(path.dirname(defaultCacheFile(siteDir, 'any')), `checks-${`${instance}-${locale}`.replace(/[^\w-]/g, '_')}.json`);
}

/** A hash of everything the report depends on: the options, the configuration, each duty and its language. */
export function inputsDigest(entries: readonly RoleEntry[], {options, config, localeOf, summaries}: CheckContext): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([options.reviews, options.readability, options.nearDuplicates, config, summaries === true]));
  for (const entry of entries) hash.update('\0').update(localeOf(entry)).update('\0').update(JSON.stringify(entry));
  return hash.digest('base64url');
}

let fingerprint: string | undefined;

/**
 * The facts' fingerprint and the code of the checks, in this module's own
 * extension (`.js` built, `.ts` when the tests run the sources).
 */
function checksFingerprint(): string {
  if (fingerprint === undefined) {
    const here = fileURLToPath(import.meta.url);
    const extension = path.extname(here);
    const folder = path.dirname(here);
    const readability = path.join(folder, '..', 'core', 'readability');
    const files = [
      path.join(folder, `accountability${extension}`),
      path.join(folder, '..', 'client', `reviews${extension}`),
      // The facts' fingerprint reads `core/` itself, not its folders.
      ...readdirSync(readability)
        .filter((name) => name.endsWith(extension) && !name.endsWith('.d.ts'))
        .sort()
        .map((name) => path.join(readability, name)),
    ];
    const hash = createHash('sha256').update(factsFingerprint());
    for (const file of files) hash.update('\0').update(path.basename(file)).update('\0').update(readFileSync(file));
    fingerprint = hash.digest('base64url');
  }
  return fingerprint;
}

/** The report a body holds, or `undefined` when there is none or its shape is wrong. */
function toReport(body: string | undefined): AccountabilityReport | undefined {
  if (body === undefined) return undefined;
  try {
    const value = JSON.parse(body) as Partial<AccountabilityReport> | null;
    const lists = value && [value.findings, value.reviews, value.pages];
    return lists && lists.every(Array.isArray) ? (value as AccountabilityReport) : undefined;
  } catch {
    return undefined;
  }
}
