/**
 * Broken handoffs are said once (`plugin/handoff-report.ts`): the first
 * gathering under 'throw' stops with one error listing them, without a
 * stack trace; later gatherings (`npm start` reloads) never stop the server
 * and say only the broken handoffs the previous one did not have.
 */
import {logger} from '@docusaurus/logger';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {BrokenHandoffsError, HandoffReporter} from '../plugins/docusaurus-plugin-roles/src/plugin/handoff-report.js';
import type {Problem} from '../plugins/docusaurus-plugin-roles/src/core/problem.js';

const broken = (file: string): Problem => ({file, line: 3, column: 1, reason: `Unknown duty in ${file}`, ruleId: 'unknown-handoff'});

/** What the logger was asked to print, by level. */
function spyOnLogger() {
  const said = {error: [] as string[], warn: [] as string[], info: [] as string[]};
  for (const level of ['error', 'warn', 'info'] as const) {
    vi.spyOn(logger, level).mockImplementation(((line: unknown) => {
      said[level].push(String(line));
    }) as never);
  }
  return said;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HandoffReporter', () => {
  it("stops the first gathering under 'throw' with every broken handoff in one error, and prints nothing else", () => {
    const said = spyOnLogger();
    const reporter = new HandoffReporter();
    let caught: unknown;
    try {
      reporter.report([broken('docs/a.md'), broken('docs/b.md')], 'throw', {first: true});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BrokenHandoffsError);
    const error = caught as BrokenHandoffsError;
    expect(error.message).toMatch(/^2 broken handoffs:\n- docs\/a\.md:3:1: Unknown duty in docs\/a\.md\n- docs\/b\.md:3:1: /);
    expect(error.stack).toBe(`BrokenHandoffsError: ${error.message}`);
    expect(said).toEqual({error: [], warn: [], info: []});
  });

  it('never stops a later gathering, and says each new broken handoff once, at the severity\'s level', () => {
    const said = spyOnLogger();
    const reporter = new HandoffReporter();
    reporter.report([], 'throw', {first: true});
    reporter.report([broken('docs/a.md')], 'throw', {first: false});
    reporter.report([broken('docs/a.md'), broken('docs/b.md')], 'throw', {first: false});
    // Fixed, then broken again: said again.
    reporter.report([broken('docs/b.md')], 'throw', {first: false});
    reporter.report([broken('docs/a.md'), broken('docs/b.md')], 'throw', {first: false});
    expect(said.error).toEqual([
      'docs/a.md:3:1: Unknown duty in docs/a.md',
      'docs/b.md:3:1: Unknown duty in docs/b.md',
      'docs/a.md:3:1: Unknown duty in docs/a.md',
    ]);
  });

  it("says them as warnings or info lines under 'warn' and 'log', and nothing under 'ignore'", () => {
    const said = spyOnLogger();
    new HandoffReporter().report([broken('docs/a.md')], 'warn', {first: true});
    new HandoffReporter().report([broken('docs/b.md')], 'log', {first: true});
    new HandoffReporter().report([broken('docs/c.md')], 'ignore', {first: true});
    expect(said).toEqual({error: [], warn: ['docs/a.md:3:1: Unknown duty in docs/a.md'], info: ['docs/b.md:3:1: Unknown duty in docs/b.md']});
  });
});
