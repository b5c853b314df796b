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
