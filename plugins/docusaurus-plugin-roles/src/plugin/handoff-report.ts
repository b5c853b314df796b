/**
 * Report broken handoffs with the `onBrokenHandoffs` severity, as Docusaurus
 * reports broken links with `onBrokenLinks`, each problem said once
 * (`report.ts` says why and how for annotations):
 *
 * - the first gathering of a process (a build, the start of `npm start`)
 *   under `'throw'` stops with one error listing every broken handoff,
 *   before any bundling, without a stack trace; under `'warn'` or `'log'`
 *   it says each one;
 * - later gatherings (`npm start` reloads) never fail: no page's compile
 *   can tell a handoff broken by another page, so they say the broken
 *   handoffs the previous gathering did not have, at the severity's level.
 */
import {logger} from '@docusaurus/logger';
import {formatProblem, listProblems, type Problem} from '../core/problem.js';
import type {HandoffSeverity} from '../types.js';
import {stopWith} from './report.js';

/** The error thrown with `onBrokenHandoffs: 'throw'`: every broken handoff, the first ones listed. */
export class BrokenHandoffsError extends Error {
  /** The problems, every one (the message lists the first ones). */
  declare readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `${problems.length.toLocaleString('en-US')} broken handoff${problems.length === 1 ? '' : 's'}:\n${listProblems(problems)}\n(docusaurus-plugin-roles; set \`onBrokenHandoffs\` to 'warn' to build anyway)`,
    );
    this.name = 'BrokenHandoffsError';
    // Not enumerable, as RoleAnnotationError's: Node's `inspect` would print them twice.
    Object.defineProperty(this, 'problems', {value: problems});
  }
}

/** Reports one plugin instance's broken handoffs, remembering what the last gathering had. */
export class HandoffReporter {
  /** The broken handoffs of the last gathering, as written. */
  private said = new Set<string>();

  /** Report a gathering's broken handoffs by severity (see the module's comment). */
  report(problems: readonly Problem[], severity: HandoffSeverity, {first}: {first: boolean}): void {
    const before = this.said;
    this.said = new Set(problems.map(formatProblem));
    if (problems.length === 0 || severity === 'ignore') return;
    if (severity === 'throw' && first) stopWith(new BrokenHandoffsError(problems));
    for (const line of this.said) {
      if (before.has(line)) continue;
      if (severity === 'throw') logger.error(line);
      else if (severity === 'warn') logger.warn(line);
      else logger.info(line);
    }
  }
}
