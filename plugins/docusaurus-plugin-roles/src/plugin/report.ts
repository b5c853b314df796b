/**
 * How the Docusaurus plugin tells authors about problems, the same way
 * whether a problem is found while compiling a page (through the remark
 * plugin's host, `remark/registry.ts`) or while gathering the table.
 */
import {logger} from '@docusaurus/logger';
import {RoleAnnotationError, formatProblem, listProblems, type Problem} from '../core/problem.js';
import type {Finding} from './accountability.js';
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

/** How many findings of one rule the build prints before it only counts the rest. */
const LISTED_FINDINGS = 50;

/** The error thrown when a check's severity is `'throw'`. */
export class RoleCheckError extends Error {
  /** The findings, every one (the message lists the first ones). */
  declare readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `${problems.length.toLocaleString('en-US')} role check${problems.length === 1 ? '' : 's'} failed:\n${listProblems(problems)}\n(docusaurus-plugin-roles; the severities are the options reviews.on…, readability.severity and nearDuplicates.severity)`,
    );
    this.name = 'RoleCheckError';
    Object.defineProperty(this, 'problems', {value: problems});
  }
}

/**
 * Report the accountability checks' findings by their own severity: those
 * set to `'throw'` fail the build all at once; `'warn'` and `'log'` are
 * printed once per run, at most 50 per rule (then a count: `roles:check`
 * lists them all).
 */
export function reportFindings(findings: readonly Finding[], reported: Set<string>): void {
  const failing = findings.filter((finding) => finding.severity === 'throw');
  if (failing.length > 0) throw new RoleCheckError(failing.map((finding) => ({...finding, severity: 'error' as const})));
  const printed = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity !== 'warn' && finding.severity !== 'log') continue;
    const line = formatProblem({...finding, severity: undefined});
    if (reported.has(line)) continue;
    reported.add(line);
    const count = (printed.get(finding.ruleId) ?? 0) + 1;
    printed.set(finding.ruleId, count);
    if (count > LISTED_FINDINGS) continue;
    if (finding.severity === 'warn') logger.warn`${line}`;
    else logger.info`${line}`;
  }
  for (const [ruleId, count] of printed) {
    if (count > LISTED_FINDINGS) {
      logger.warn`… and ${count - LISTED_FINDINGS} more ${ruleId} findings: run docusaurus roles:check to list them all.`;
    }
  }
}
