/**
 * The checks' report kept between processes: read back only when the
 * duties, options and day are the same and the file is this user's own;
 * a changed duty or day, another language, a crafted file or `cache: false`
 * checks again.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {checkAccountability, type CheckContext} from '../plugins/docusaurus-plugin-roles/src/plugin/accountability.js';
import {checkAccountabilityCached} from '../plugins/docusaurus-plugin-roles/src/plugin/check-cache.js';
import {writeSignedFile} from '../plugins/docusaurus-plugin-roles/src/parse/signed-file.js';
import {normalizeOptions, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';
import {roleEntry} from './support/entry.js';

const dir = path.join(import.meta.dirname, '.tmp', 'check-cache');
const file = path.join(dir, 'checks-default-en.json');

function context(today = '2025-06-01', locale = 'en'): CheckContext {
  const options = normalizeOptions({reviews: {today}});
  return {options, config: toRolesConfig(options), localeOf: () => locale};
}

const duties: RoleEntry[] = [
  roleEntry({
    id: 'role-screens',
    roles: ['technologist'],
    area: 'patient-care',
    title: 'Screens the patient',
    text: 'Asks about implants, allergies and pregnancy before the contrast injection is prepared for the examination.',
    permalink: '/before',
    source: 'docs/before.md',
    line: 4,
    pageTitle: 'Before',
    pagePosition: 0,
  }),
  roleEntry({
    id: 'role-reads',
    roles: ['radiologist'],
    area: 'interpretation',
    title: 'Reads the images',
    text: 'Looks at the pictures.',
    permalink: '/after',
    source: 'docs/after.md',
    line: 9,
    pageTitle: 'After',
    pagePosition: 1,
    reviewed: '2020-01-01',
    reviewDue: '2021-01-01',
  }),
];

/** The file's header fields (its MAC aside): what this user's earlier run wrote it with. */
function writtenFields(): Record<string, string | number> {
  const text = readFileSync(file, 'utf8');
  const {mac: _mac, ...fields} = JSON.parse(text.slice(0, text.indexOf('\n'))) as Record<string, string | number>;
  return fields;
}

/** Replaces the kept report with one the checks would never give, signed as this user's own. */
async function keepMarkedReport(): Promise<void> {
  await writeSignedFile(file, writtenFields(), JSON.stringify({findings: [], reviews: [], pages: [], marked: true}));
}

beforeEach(() => {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
});

describe('checkAccountabilityCached', () => {
  it('checks and keeps the report, then reads it back while nothing changed', async () => {
    const first = await checkAccountabilityCached(duties, context(), file);
    expect(first).toEqual(checkAccountability(duties, context()));
    expect(first.findings.map((finding) => finding.ruleId)).toContain('review-overdue');
    await keepMarkedReport();
    expect(await checkAccountabilityCached(duties, context(), file)).toMatchObject({marked: true});
  });

  it.each([
    ['a duty edited', [duties[0]!, {...duties[1]!, text: 'Looks at the pictures closely.'}], context()],
    ['a duty removed', [duties[0]!], context()],
    ['another day', duties, context('2025-06-02')],
    ['another language', duties, context('2025-06-01', 'es')],
  ] as const)('checks again after %s', async (_change, changed, changedContext) => {
    await checkAccountabilityCached(duties, context(), file);
    await keepMarkedReport();
    const report = await checkAccountabilityCached(changed, changedContext, file);
    expect(report).not.toHaveProperty('marked');
    expect(report).toEqual(checkAccountability(changed, changedContext));
  });

  it('checks again when the kept report was altered without this user\'s key', async () => {
    await checkAccountabilityCached(duties, context(), file);
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    writeFileSync(file, `${text.slice(0, newline)}\n${JSON.stringify({findings: [], reviews: [], pages: []})}`);
    expect((await checkAccountabilityCached(duties, context(), file)).findings.length).toBeGreaterThan(0);
  });

  it('neither reads nor writes a file without a cache', async () => {
    expect(await checkAccountabilityCached(duties, context(), false)).toEqual(checkAccountability(duties, context()));
    expect(() => readFileSync(file)).toThrow();
  });
});
