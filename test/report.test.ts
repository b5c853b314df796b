/**
 * The Docusaurus plugin's reporter (`plugin/report.ts`): each problem said
 * once, by the first gathering or by a page's compile, once per change of
 * the file; builds stop without a stack trace. The real output of builds and
 * of `docusaurus start` is tested in `build.test.ts`,
 * `long/build-sites.test.ts` and `e2e/dev-server.test.ts`.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {inspect, stripVTControlCharacters} from 'node:util';
import {ProblemReporter} from '../plugins/docusaurus-plugin-roles/src/plugin/report.js';
import type {Problem} from '../plugins/docusaurus-plugin-roles/src/core/problem.js';

const unknownRole: Problem = {file: 'docs/a.md', line: 3, column: 1, reason: 'Unknown role `pharmacist`', ruleId: 'unknown-role'};
const unknownArea: Problem = {file: 'docs/a.md', line: 7, column: 1, reason: 'Unknown area `imagng`', ruleId: 'unknown-area'};

let said: string[];

beforeEach(() => {
  said = [];
  const record = (...values: unknown[]) => said.push(stripVTControlCharacters(values.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(record);
  vi.spyOn(console, 'warn').mockImplementation(record);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ProblemReporter', () => {
  it('says every problem of the first gathering, then stops the build with a short error and no stack trace', () => {
    const reporter = new ProblemReporter(false);
    const error = (() => {
      try {
        reporter.reportGathered([unknownRole, unknownArea], 'throw', {first: true});
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(said).toEqual(['[ERROR] docs/a.md:3:1: Unknown role `pharmacist`', '[ERROR] docs/a.md:7:1: Unknown area `imagng`']);
    expect(error?.message).toBe(
      "2 invalid role annotations, listed above (docusaurus-plugin-roles; set `onInvalidAnnotation` to 'warn' to build anyway)",
    );
    // As Docusaurus prints it: the message, no frames, no second copy of the problems.
    const wrapper = new Error('Unable to build website for locale en.', {cause: error});
    const printed = inspect(wrapper, {depth: Infinity});
    expect(printed).not.toMatch(/^\s+at /m);
    expect(printed).not.toContain('pharmacist');
  });

  it('says nothing more when the pages compile the same files (a build under warn)', () => {
    const reporter = new ProblemReporter(false);
    reporter.reportGathered([unknownRole], 'warn', {first: true});
    reporter.reportCompiled('docs/a.md', 'content', [unknownRole], 'warn');
    reporter.reportCompiled('docs/a.md', 'content', [unknownRole], 'warn');
    expect(said).toEqual(['[WARNING] docs/a.md:3:1: Unknown role `pharmacist`']);
  });

  it('under npm start, says a page’s problems once per change of its file, and never fails the compile', () => {
    const reporter = new ProblemReporter(true);
    reporter.reportGathered([], 'throw', {first: true});
    // A change, then its second compile after the plugins reload; a later gathering says nothing.
    reporter.reportCompiled('docs/a.md', 'v1', [unknownRole], 'throw');
    reporter.reportGathered([unknownRole], 'throw', {first: false});
    reporter.reportCompiled('docs/a.md', 'v1', [unknownRole], 'throw');
    expect(said).toEqual(['[ERROR] docs/a.md:3:1: Unknown role `pharmacist`']);
    // Another change to the file, the problem still there: said again.
    reporter.reportCompiled('docs/a.md', 'v2', [unknownRole], 'throw');
    expect(said).toHaveLength(2);
    // Fixed: nothing; broken again: said.
    reporter.reportCompiled('docs/a.md', 'v3', [], 'throw');
    reporter.reportCompiled('docs/a.md', 'v4', [unknownRole], 'throw');
    expect(said).toHaveLength(3);
  });

  it('fails a page compile in a build under throw, with the problems once and no stack', () => {
    const reporter = new ProblemReporter(false);
    let error: (Error & {problems?: Problem[]}) | undefined;
    try {
      reporter.reportCompiled('docs/a.md', 'v1', [unknownRole], 'throw');
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.stack).toBe('');
    expect(JSON.stringify(error)).toBe('{}');
    expect(error?.message.split('pharmacist')).toHaveLength(2);
    expect(error?.problems).toEqual([unknownRole]);
    expect(said).toEqual([]);
  });

  it('says nothing under ignore', () => {
    const reporter = new ProblemReporter(false);
    reporter.reportGathered([unknownRole], 'ignore', {first: true});
    reporter.reportCompiled('docs/a.md', 'v1', [unknownRole], 'ignore');
    expect(said).toEqual([]);
  });
});
