/**
 * Turn extractor messages into what authors read, the same way whether a
 * problem is found while compiling a page or while gathering the table.
 */
import path from 'node:path';
import {logger} from '@docusaurus/logger';
import type {VFileMessage} from 'vfile-message';
import type {Severity} from '../types.js';
import type {SiteRegistration} from './registry.js';

/** `docs/x.md:9:1: Unknown role …` — the location first, as compilers print it. */
export function formatMessage(message: VFileMessage, displayPath: string): string {
  return `${displayPath}:${message.line ?? 1}:${message.column ?? 1}: ${message.reason}`;
}

/** A file path as authors know it: relative to the site, with `/`. */
export function displayPath(filePath: string, siteDir: string | undefined): string {
  const relative = siteDir ? path.relative(siteDir, filePath) : filePath;
  return relative.split(path.sep).join('/');
}

/** How many problems an error lists before it only counts the rest. */
const LISTED = 50;

/** The error thrown when the severity is `'throw'`: every problem, the first ones listed. */
export class RoleAnnotationError extends Error {
  constructor(readonly lines: string[]) {
    const listed = lines.slice(0, LISTED).map((line) => `- ${line}`);
    if (lines.length > LISTED) listed.push(`- … and ${(lines.length - LISTED).toLocaleString('en-US')} more`);
    super(
      `${lines.length.toLocaleString('en-US')} invalid role annotation${lines.length === 1 ? '' : 's'}:\n${listed.join('\n')}\n(docusaurus-plugin-roles; set \`onInvalidAnnotation\` to 'warn' to build anyway)`,
    );
    this.name = 'RoleAnnotationError';
  }
}

/**
 * Report formatted problems by severity: throw them all at once, or warn
 * about each one not yet reported in this run (a page is compiled twice,
 * for the server and the client, and the aggregator sees it too).
 */
export function reportProblems(
  lines: readonly string[],
  severity: Severity,
  site: SiteRegistration | undefined,
): void {
  if (lines.length === 0 || severity === 'ignore') return;
  if (severity === 'throw') throw new RoleAnnotationError(lines.slice());
  for (const line of lines) {
    if (site?.reported.has(line)) continue;
    site?.reported.add(line);
    logger.warn`${line}`;
  }
}

/** How many findings of one rule the build prints before it only counts the rest. */
const LISTED_FINDINGS = 50;

/** The error thrown when a check's severity is `'throw'`. */
export class RoleCheckError extends Error {
  constructor(readonly lines: string[]) {
    const listed = lines.slice(0, LISTED).map((line) => `- ${line}`);
    if (lines.length > LISTED) listed.push(`- … and ${(lines.length - LISTED).toLocaleString('en-US')} more`);
    super(
      `${lines.length.toLocaleString('en-US')} role check${lines.length === 1 ? '' : 's'} failed:\n${listed.join('\n')}\n(docusaurus-plugin-roles; the severities are the options reviews.on…, readability.severity and nearDuplicates.severity)`,
    );
    this.name = 'RoleCheckError';
  }
}

/**
 * Report the accountability checks' findings by their own severity: those
 * set to `'throw'` fail the build all at once; `'warn'` and `'log'` are
 * printed once per run, at most 50 per rule (then a count: `roles:check`
 * lists them all).
 */
export function reportFindings(
  findings: ReadonlyArray<{severity: string; ruleId: string; line: string}>,
  site: SiteRegistration | undefined,
): void {
  const failing = findings.filter((finding) => finding.severity === 'throw');
  if (failing.length > 0) throw new RoleCheckError(failing.map((finding) => finding.line));
  const printed = new Map<string, number>();
  for (const {severity, ruleId, line} of findings) {
    if (severity !== 'warn' && severity !== 'log') continue;
    if (site?.reported.has(line)) continue;
    site?.reported.add(line);
    const count = (printed.get(ruleId) ?? 0) + 1;
    printed.set(ruleId, count);
    if (count > LISTED_FINDINGS) continue;
    if (severity === 'warn') logger.warn`${line}`;
    else logger.info`${line}`;
  }
  for (const [ruleId, count] of printed) {
    if (count > LISTED_FINDINGS) {
      logger.warn`… and ${count - LISTED_FINDINGS} more ${ruleId} findings: run docusaurus roles:check to list them all.`;
    }
  }
}
