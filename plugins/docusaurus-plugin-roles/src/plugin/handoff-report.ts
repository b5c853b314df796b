/**
 * Report broken handoffs with the `onBrokenHandoffs` severity, as Docusaurus
 * reports broken links with `onBrokenLinks`: all at once in one error, or a
 * warning or log line each (once per run under `npm start`).
 */
import {logger} from '@docusaurus/logger';
import type {PositionedProblem} from '../parse/aggregate.js';
import type {HandoffSeverity} from '../types.js';
import type {SiteRegistration} from './registry.js';

/** How many problems the error lists before it only counts the rest. */
const LISTED = 50;

/** `docs/a.md:3:1: Unknown page …`, as every other problem is printed. */
export function formatHandoffProblem({source, line, column, reason}: PositionedProblem): string {
  return `${source}:${line}:${column}: ${reason}`;
}

/** The error thrown with `onBrokenHandoffs: 'throw'`: every broken handoff, the first ones listed. */
export class BrokenHandoffsError extends Error {
  constructor(readonly lines: string[]) {
    const listed = lines.slice(0, LISTED).map((line) => `- ${line}`);
    if (lines.length > LISTED) listed.push(`- … and ${(lines.length - LISTED).toLocaleString('en-US')} more`);
    super(
      `${lines.length.toLocaleString('en-US')} broken handoff${lines.length === 1 ? '' : 's'}:\n${listed.join('\n')}\n(docusaurus-plugin-roles; set \`onBrokenHandoffs\` to 'warn' to build anyway)`,
    );
    this.name = 'BrokenHandoffsError';
  }
}

/** Report the run's broken handoffs by severity. */
export function reportHandoffProblems(
  problems: readonly PositionedProblem[],
  severity: HandoffSeverity,
  site: Pick<SiteRegistration, 'reported'> | undefined,
): void {
  if (problems.length === 0 || severity === 'ignore') return;
  const lines = problems.map(formatHandoffProblem);
  if (severity === 'throw') throw new BrokenHandoffsError(lines);
  for (const line of lines) {
    if (site?.reported.has(line)) continue;
    site?.reported.add(line);
    if (severity === 'warn') logger.warn`${line}`;
    else logger.info`${line}`;
  }
}

/** The severity `roles:check` gives a broken handoff, or `undefined` when it is ignored. */
export function handoffCheckSeverity(severity: HandoffSeverity): 'error' | 'warning' | undefined {
  if (severity === 'throw') return 'error';
  return severity === 'warn' ? 'warning' : undefined;
}
