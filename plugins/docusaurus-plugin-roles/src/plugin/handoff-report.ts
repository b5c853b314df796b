/**
 * Report broken handoffs with the `onBrokenHandoffs` severity, as Docusaurus
 * reports broken links with `onBrokenLinks`: all at once in one error, or a
 * warning or log line each (once per run under `npm start`).
 */
import {logger} from '@docusaurus/logger';
import {formatProblem, listProblems, type Problem} from '../core/problem.js';
import type {HandoffSeverity} from '../types.js';

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

/** Report the run's broken handoffs by severity; `reported` holds what this run already printed. */
export function reportHandoffProblems(problems: readonly Problem[], severity: HandoffSeverity, reported: Set<string>): void {
  if (problems.length === 0 || severity === 'ignore') return;
  if (severity === 'throw') throw new BrokenHandoffsError(problems);
  for (const problem of problems) {
    const line = formatProblem(problem);
    if (reported.has(line)) continue;
    reported.add(line);
    if (severity === 'warn') logger.warn`${line}`;
    else logger.info`${line}`;
  }
}
