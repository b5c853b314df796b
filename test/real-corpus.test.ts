/**
 * The real corpus of the differential tests (`support/real-corpus.ts`) is
 * there in any clone: run its discovery in a copy of the repository in the
 * system temp folder, with nothing beside it, as a newcomer's clone is; then
 * with a Redux folder beside it, as CI's machine has. And the table agrees
 * with the pages on a few of those documents, read as CommonMark (as they
 * are written) and as MDX (what a site with the default `markdown.format`
 * makes of a `.md` file: many are not valid MDX, and both sides must report
 * the same error), so that `npm test` meets real Markdown too; the long
 * suite's `long/differential.test.ts` compares many more.
 */
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkAgreement, type AgreementStats} from './support/agreement.js';
import {annotate, random} from './support/corpus.js';
import * as discovery from './support/real-corpus.js';

type Discovery = typeof discovery;

describe('the real corpus, in a clone with nothing beside it', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'roles-real-corpus-'));
  const clone = path.join(parent, 'clone');
  let copy: Discovery;

  beforeAll(async () => {
    // What discovery needs: its own module, and the installed packages
    // (linked: read-only, and too large to copy).
    mkdirSync(path.join(clone, 'test', 'support'), {recursive: true});
    cpSync(path.join(import.meta.dirname, 'support', 'real-corpus.ts'), path.join(clone, 'test', 'support', 'real-corpus.ts'));
    symlinkSync(path.join(discovery.REPO, 'node_modules'), path.join(clone, 'node_modules'));
    copy = (await import(path.join(clone, 'test', 'support', 'real-corpus.ts'))) as Discovery;
  });

  afterAll(() => rmSync(parent, {recursive: true, force: true}));

  it('finds a bounded, varied, deterministic selection of the Markdown packages ship', () => {
    expect(copy.REPO).toBe(clone);
    const {documents, missing} = copy.discoverRealCorpus({nodeModules: 80});
    expect(documents).toHaveLength(80);
    expect(missing).toEqual([`${path.join(parent, 'shared', 'corpora', 'redux-docs')}: absent (optional: the Redux docs, beside the repository in CI)`]);
    for (const document of documents) {
      expect(document.origin).toBe('node_modules');
      expect(document.filePath).toBe(path.join(clone, document.name));
      expect(document.name).not.toMatch(/(^|\/)licen[cs]e/i);
      const size = Buffer.byteLength(readFileSync(document.filePath, 'utf8'));
      expect(size, document.name).toBeGreaterThanOrEqual(300);
      expect(size, document.name).toBeLessThanOrEqual(64 * 1024);
    }
    // Varied: many packages and scopes, not only READMEs; never this repository's own plugin.
    const groups = new Set(documents.map((document) => document.name.split('/')[1]));
    expect(groups.size).toBeGreaterThan(50);
    expect(documents.some((document) => !/readme\.md$/i.test(document.name))).toBe(true);
    expect(documents.some((document) => document.name.includes('docusaurus-plugin-roles'))).toBe(false);
    // Deterministic, and the same wherever the repository is.
    expect(copy.discoverRealCorpus({nodeModules: 80})).toEqual({documents, missing});
    expect(discovery.packageMarkdown(80).map((document) => document.name)).toEqual(documents.map((document) => document.name));
  });

  it('adds the Redux docs where they are beside the repository', () => {
    const redux = path.join(parent, 'shared', 'corpora', 'redux-docs');
    mkdirSync(path.join(redux, 'api'), {recursive: true});
    writeFileSync(path.join(redux, 'intro.md'), '# Intro\n');
    writeFileSync(path.join(redux, 'api', 'store.mdx'), '# Store\n');
    writeFileSync(path.join(redux, 'notes.txt'), 'not Markdown\n');
    const {documents, missing} = copy.discoverRealCorpus({nodeModules: 5});
    expect(missing).toEqual([]);
    expect(documents.filter((document) => document.origin === 'node_modules')).toHaveLength(5);
    expect(documents.filter((document) => document.origin === 'redux-docs')).toEqual([
      {name: 'redux-docs/api/store.mdx', filePath: path.join(redux, 'api', 'store.mdx'), format: 'mdx', origin: 'redux-docs'},
      {name: 'redux-docs/intro.md', filePath: path.join(redux, 'intro.md'), format: 'mdx', origin: 'redux-docs'},
    ]);
  });
});

describe('the table agrees with the pages on real Markdown from node_modules', () => {
  const workDir = path.join(import.meta.dirname, '.tmp', 'real-corpus');
  const documents = discovery.packageMarkdown(24);

  it.each([
    ['as CommonMark (markdown.format md)', 'md'],
    ['as MDX (the default markdown.format)', 'mdx'],
  ] as const)('%s', async (_, format) => {
    const next = random(20261126);
    // Between CommonMark blocks in both cases: a README need not parse as MDX.
    const contents = documents.map((document) => annotate(readFileSync(document.filePath, 'utf8'), next, 'md'));
    const stats: AgreementStats = {documents: 0, invalid: 0, annotations: 0, problems: 0};
    expect(await checkAgreement(path.join(workDir, format), contents, {format}, stats)).toEqual([]);
    expect(stats.annotations).toBeGreaterThan(documents.length);
    // READMEs are CommonMark: all compile as such; as MDX some do not, and that path is compared too.
    if (format === 'md') expect(stats.invalid).toBe(0);
    else expect(stats.invalid).toBeGreaterThan(0);
  });
});
