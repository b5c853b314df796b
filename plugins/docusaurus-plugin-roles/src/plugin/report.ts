/**
 * How the Docusaurus plugin tells authors about problems, the same way
 * whether a problem is found while compiling a page (through the remark
 * plugin's host, `remark/registry.ts`) or while gathering the table.
 */
import {logger} from '@docusaurus/logger';
import {RoleAnnotationError, formatProblem, type Problem} from '../core/problem.js';
import type {Severity} from '../types.js';

/**
 * Report problems by severity: throw them all at once, or warn about each
 * one not yet `reported` in this run (a page is compiled twice, for the
 * server and the client, and the aggregator sees it too).
 */
export function reportProblems(problems: readonly Problem[], severity: Severity, reported: Set<string>): void {
  if (problems.length === 0 || severity === 'ignore') return;
  if (severity === 'throw') throw new RoleAnnotationError(problems);
  for (const problem of problems) {
    const line = formatProblem(problem);
    if (reported.has(line)) continue;
    reported.add(line);
    logger.warn`${line}`;
  }
}
