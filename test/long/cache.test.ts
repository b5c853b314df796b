/**
 * Differential test of the persistent cache (`parse/disk-cache.ts`): a site
 * on disk (generated documents, valid and invalid MDX, and annotated
 * READMEs and changelogs of installed packages, `support/corpus.ts`) goes
 * through edits, renames, deletions, reverts, configuration and
 * settings changes, a preprocessor whose output changes on its own, and
 * every kind of damage to the cache file. After each step a new aggregator
 * reading the cache file (what the next process does) must give exactly
 * what a cache-less aggregator gives and what each page's own Docusaurus
 * compile gives (`support/reference.ts`), and leave a valid cache file.
 */
import {createHmac, randomBytes} from 'node:crypto';
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {
  RolesAggregator,
  type AggregateResult,
  type MarkdownSettings,
} from '../../plugins/docusaurus-plugin-roles/src/parse/aggregate.js';
import {defaultCacheFile} from '../../plugins/docusaurus-plugin-roles/src/parse/disk-cache.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/src/options.js';
import type {RolesConfig} from '../../plugins/docusaurus-plugin-roles/src/types.js';
import {docSource, pageResults} from '../support/aggregate-one.js';
import {agrees} from '../support/agreement.js';
import {ANNOTATIONS, siteDocuments} from '../support/corpus.js';
import {aggregatorSettings, compilePage, type PageResult, type SiteSettings} from '../support/reference.js';

const workDir = path.join(import.meta.dirname, '..', '.tmp', 'cache');
const siteDir = path.join(workDir, 'site');
const docsDir = path.join(siteDir, 'docs');
const cacheFile = defaultCacheFile(siteDir, 'default-en');
const DEFAULT_CONFIG = toRolesConfig(DEFAULT_OPTIONS);

/** What the site holds now: relative path → content, in sidebar order. */
const documents = new Map<string, string>();

/** How a step builds the site. */
interface Build {
  config?: RolesConfig;
  settings?: SiteSettings;
  preprocessor?: (content: string) => string;
  /** Whether the configuration is the one the reference compile uses (`DEFAULT_OPTIONS`). */
  reference?: boolean;
}

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(docsDir, relative)), {recursive: true});
  writeFileSync(path.join(docsDir, relative), content);
  documents.set(relative, content);
}

function markdown({settings, preprocessor}: Build): MarkdownSettings {
  return {
    ...aggregatorSettings(settings),
    ...(preprocessor && {preprocessor: ({fileContent}: {fileContent: string}) => preprocessor(fileContent)}),
  };
}

/** One run of a new aggregator (a new process) over the site as it is. */
async function run(build: Build, cache: string | false = cacheFile): Promise<AggregateResult> {
  const docs = [...documents.keys()].map((relative, index) => docSource(docsDir, relative, build.settings, index + 1));
  return new RolesAggregator(build.config ?? DEFAULT_CONFIG, markdown(build), {cacheFile: cache, workers: 0}).run(docs);
}

/** Everything but the counters. */
function table({entries, problems}: AggregateResult) {
  return {entries, problems};
}

/** Each page's compile, remembered by content and settings (most files do not change between steps). */
const compiled = new Map<string, PageResult>();
async function reference(relative: string, content: string, settings: SiteSettings = {}): Promise<PageResult> {
  const key = JSON.stringify([relative, content, settings]);
  let page = compiled.get(key);
  if (!page) {
    page = await compilePage(`/site/docs/${relative}`, content, settings);
    compiled.set(key, page);
  }
  return page;
}

/**
 * Run with the cache file and without; both must give the same table, and
 * (with the reference's configuration) what each page's compile gives.
 */
async function expectCorrect(build: Build = {}): Promise<AggregateResult['stats']> {
  const cached = await run(build);
  const plain = await run(build, false);
  expect(table(cached)).toEqual(table(plain));
  if (build.reference !== false && build.config === undefined) {
    const results = pageResults(cached, [...documents.keys()]);
    for (const [relative, raw] of documents) {
      const content = build.preprocessor ? build.preprocessor(raw) : raw;
      const page = await reference(relative, content, build.settings);
      expect(agrees(page, results.get(relative)!, content), `${relative}: ${JSON.stringify({page, table: results.get(relative)})}`).toBe(true);
    }
  }
  return cached.stats;
}

/** The cache file's rows: `[filePath, stat, content hash, facts]`. */
function rows(): Array<[string, string, string | null, unknown]> {
  const text = readFileSync(cacheFile, 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n') + 1)) as Array<[string, string, string | null, unknown]>;
}

/**
 * Facts as an attacker would alter them: every annotation of another role,
 * area and title than its page shows (well-formed, so only the MAC can
 * tell).
 */
function craft(facts: unknown): unknown {
  const record = facts as {kind?: string; facts?: {candidates: Array<Record<string, unknown>>}} | null;
  if (record?.kind !== 'facts' || !record.facts) return facts;
  return {
    ...record,
    facts: {
      ...record.facts,
      candidates: record.facts.candidates.map((candidate) => ({
        ...candidate,
        title: 'Crafted title',
        attributes: {of: 'radiologist', area: 'reporting'},
      })),
    },
  };
}

/** Documents a run parses (those holding `:role`, once preprocessed). */
function annotated({preprocessor = (content: string) => content}: Build = {}): number {
  return [...documents.values()].filter((content) => preprocessor(content).includes(':role')).length;
}

/**
 * The cache file is valid and whole: a new process parses nothing, takes
 * every annotated file from it, and still gives the right table.
 */
async function expectValidCache(build: Build = {}): Promise<void> {
  const stats = await expectCorrect(build);
  expect(stats.parsed).toBe(0);
  expect(stats.persisted).toBe(annotated(build));
  expect(readdirSync(path.dirname(cacheFile)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

describe('the persistent cache agrees with a cache-less run and with the MDX compile', () => {
  beforeAll(() => {
    rmSync(workDir, {recursive: true, force: true});
    for (const [relative, content] of siteDocuments(20261126, 40, 8)) write(relative, content);
  });

  it('cold, then a restart with nothing changed reuses every file from the cache file', async () => {
    const cold = await expectCorrect();
    expect(cold.persisted).toBe(0);
    expect(cold.parsed).toBe(annotated());
    expect(annotated()).toBeGreaterThan(30);
    await expectValidCache();
  });

  it('edit, rename, delete, touch and revert files', async () => {
    await expectCorrect();
    const [first, second, third, fourth] = [...documents.keys()].filter((relative) => documents.get(relative)!.includes(':role'));
    const original = documents.get(first!)!;

    // Edit: only the edited file is parsed.
    write(first!, `${original}\n\n${ANNOTATIONS[1]}\n`);
    expect((await expectCorrect()).parsed).toBe(1);

    // Rename: parsed under its new name; the old name drops out of the cache file.
    const renamed = second!.replace(/\.mdx?$/, '-renamed.mdx');
    renameSync(path.join(docsDir, second!), path.join(docsDir, renamed));
    documents.set(renamed, documents.get(second!)!);
    documents.delete(second!);
    expect((await expectCorrect()).parsed).toBe(1);
    const paths = rows().map(([filePath]) => filePath);
    expect(paths).toContain(path.join(docsDir, renamed));
    expect(paths).not.toContain(path.join(docsDir, second!));

    // Delete: nothing parsed, and its entry drops out of the cache file.
    rmSync(path.join(docsDir, third!));
    documents.delete(third!);
    expect((await expectCorrect()).parsed).toBe(0);
    expect(rows().map(([filePath]) => filePath)).not.toContain(path.join(docsDir, third!));

    // Same content, new times (a checkout): reused, and the new times are
    // remembered, so the next process need not read it again.
    const touched = path.join(docsDir, fourth!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(touched, documents.get(fourth!)!);
    expect((await expectCorrect()).parsed).toBe(0);
    const info = statSync(touched);
    const row = rows().find(([filePath]) => filePath === touched)!;
    expect(row[1]).toContain(`${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`);

    // Revert the edit: the earlier content again, with new times.
    write(first!, original);
    expect((await expectCorrect()).parsed).toBe(1);
    await expectValidCache();
  });

  it('re-validates from the cache when the roles configuration changes, without a parse', async () => {
    await expectCorrect();
    const aliasRenamed = toRolesConfig({
      ...DEFAULT_OPTIONS,
      roles: {...DEFAULT_OPTIONS.roles, technologist: {...DEFAULT_OPTIONS.roles.technologist!, aliases: ['radiographer', 'rt']}},
    });
    const roleRemoved = toRolesConfig({...DEFAULT_OPTIONS, roles: {radiologist: DEFAULT_OPTIONS.roles.radiologist!}});
    const before = table(await run({}, false));
    for (const config of [aliasRenamed, roleRemoved]) {
      const stats = await expectCorrect({config});
      expect(stats.parsed).toBe(0);
      expect(stats.persisted).toBe(annotated());
      expect(table(await run({config}))).not.toEqual(before);
    }

    // One aggregator, its configuration replaced between runs (`npm start`).
    const aggregator = new RolesAggregator(DEFAULT_CONFIG, markdown({}), {cacheFile, workers: 0});
    const docs = [...documents.keys()].map((relative, index) => docSource(docsDir, relative, {}, index + 1));
    await aggregator.run(docs);
    aggregator.config = roleRemoved;
    const replaced = await aggregator.run(docs);
    // A process's later runs write the cache file in the background.
    await aggregator.flush();
    expect(replaced.stats.parsed).toBe(0);
    expect(table(replaced)).toEqual(table(await run({config: roleRemoved}, false)));
  });

  it('does not reuse results parsed with other markdown settings', async () => {
    await expectValidCache();
    const settings: SiteSettings = {emoji: false, maintainCase: true, mdx1Compat: {headingIds: false}};
    const other = await expectCorrect({settings});
    expect(other.persisted).toBe(0);
    expect(other.parsed).toBe(annotated());
    await expectValidCache({settings});
    // Back to the defaults: the cache file now holds the other settings' results.
    const back = await expectCorrect();
    expect(back.persisted).toBe(0);
    await expectValidCache();
  });

  it("does not trust an earlier process's entry by its file's times when a preprocessor's output changes", async () => {
    let word = 'radiologist';
    const preprocessor = (content: string) => `${content}\n\n:::role[Added by the preprocessor]{of=${word}}\nBody.\n:::\n`;
    await expectCorrect({preprocessor});
    await expectValidCache({preprocessor});
    // The files are untouched; what the preprocessor makes of them is not.
    word = 'pharmacist';
    const changed = await expectCorrect({preprocessor});
    expect(changed.parsed).toBeGreaterThan(0);
    expect(changed.persisted).toBe(0);
    await expectValidCache({preprocessor});
    await expectCorrect();
  });

  it("checks an earlier process's entries against the preprocessor once, then trusts unchanged files by their times", async () => {
    let calls = 0;
    const preprocessor = (content: string) => {
      calls += 1;
      return content.replace('Generated', 'Preprocessed');
    };
    await expectCorrect({preprocessor});
    // `npm start`: one aggregator, loaded from the cache file, runs on every reload.
    const aggregator = new RolesAggregator(DEFAULT_CONFIG, markdown({preprocessor}), {cacheFile, workers: 0});
    const docs = [...documents.keys()].map((relative, index) => docSource(docsDir, relative, {}, index + 1));
    calls = 0;
    const first = await aggregator.run(docs);
    expect(calls).toBe(documents.size);
    expect(first.stats.persisted).toBe(annotated({preprocessor}));
    calls = 0;
    const second = await aggregator.run(docs);
    await aggregator.flush();
    expect(calls).toBe(0);
    expect(table(second)).toEqual(table(first));
    await expectCorrect();
  });

  const body = () => readFileSync(cacheFile, 'utf8').slice(readFileSync(cacheFile, 'utf8').indexOf('\n') + 1);
  const header = () => JSON.parse(readFileSync(cacheFile, 'utf8').split('\n', 1)[0]!) as Record<string, unknown>;
  /** A MAC as `disk-cache.ts` computes it, with a key of the attacker's (who cannot read the user's). */
  const forgedMac = (fields: Record<string, unknown>, text: string) =>
    createHmac('sha256', randomBytes(32))
      .update(JSON.stringify([path.resolve(cacheFile), fields.format, fields.schema, fields.code, fields.settings]))
      .update('\0')
      .update(text)
      .digest('base64url');
  const damages: Array<[string, () => void]> = [
    ['truncated', () => truncateSync(cacheFile, Math.floor(statSync(cacheFile).size / 2))],
    ['cut after its header', () => writeFileSync(cacheFile, `${JSON.stringify(header())}\n`)],
    [
      'bytes flipped in the body',
      () => {
        const bytes = readFileSync(cacheFile);
        for (const at of [0.3, 0.5, 0.7]) bytes[Math.floor(bytes.length * at)]! ^= 0x04;
        writeFileSync(cacheFile, bytes);
      },
    ],
    ['garbage', () => writeFileSync(cacheFile, Buffer.from(Array.from({length: 4096}, (_, index) => (index * 7919) % 256)))],
    ['a valid-looking header, a wrong MAC', () => writeFileSync(cacheFile, `${JSON.stringify({...header(), mac: forgedMac(header(), 'other')})}\n${body()}`)],
    [
      'rows of the wrong shape, its MAC without the key',
      () => {
        const broken = JSON.stringify(rows().map(([filePath, stat, content]) => [filePath, stat, content, {kind: 'facts', fast: 'no'}]));
        writeFileSync(cacheFile, `${JSON.stringify({...header(), mac: forgedMac(header(), broken)})}\n${broken}`);
      },
    ],
    [
      'other roles, areas and titles in well-formed rows, its MAC without the key (a crafted or restored file)',
      () => {
        const crafted = JSON.stringify(rows().map(([filePath, stat, content, facts]) => [filePath, stat, content, craft(facts)]));
        expect(crafted).not.toBe(body());
        writeFileSync(cacheFile, `${JSON.stringify({...header(), mac: forgedMac(header(), crafted)})}\n${crafted}`);
      },
    ],
    ['its MAC taken from the unaltered file, rows altered', () => {
      const crafted = JSON.stringify(rows().map(([filePath, stat, content, facts]) => [filePath, stat, content, craft(facts)]));
      writeFileSync(cacheFile, `${JSON.stringify(header())}\n${crafted}`);
    }],
    ['written by other code', () => writeFileSync(cacheFile, `${JSON.stringify({...header(), code: 'older'})}\n${body()}`)],
    ['a foreign JSON file', () => writeFileSync(cacheFile, JSON.stringify({name: 'some-package', version: '1.0.0'}))],
    ['empty', () => writeFileSync(cacheFile, '')],
  ];

  for (const [name, damage] of damages) {
    it(`ignores a cache file (${name}) and rewrites it`, async () => {
      await expectValidCache();
      damage();
      const stats = await expectCorrect();
      expect(stats.persisted).toBe(0);
      await expectValidCache();
    });
  }

  it('survives a directory where the cache file should be, and writes it once the path is free', async () => {
    rmSync(cacheFile, {force: true});
    mkdirSync(path.join(cacheFile, 'inside'), {recursive: true});
    const stats = await expectCorrect();
    expect(stats.persisted).toBe(0);
    expect(readdirSync(path.dirname(cacheFile)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    rmSync(cacheFile, {recursive: true});
    await expectCorrect();
    await expectValidCache();
  });

  it('ends with a valid cache file when two aggregators write it at once', async () => {
    const aliasRenamed = toRolesConfig({
      ...DEFAULT_OPTIONS,
      roles: {...DEFAULT_OPTIONS.roles, technologist: {...DEFAULT_OPTIONS.roles.technologist!, aliases: []}},
    });
    for (let round = 0; round < 3; round += 1) {
      const [relative, content] = [...documents].find(([, text]) => text.includes(':role'))!;
      write(relative, `${content}\n\nRound ${round}.\n`);
      const [one, two] = await Promise.all([run({}), run({config: aliasRenamed})]);
      expect(table(one)).toEqual(table(await run({}, false)));
      expect(table(two)).toEqual(table(await run({config: aliasRenamed}, false)));
      await expectValidCache();
    }
  });
});
