/**
 * The one shape a problem has from the parser to the reader, and its one
 * written form.
 *
 * The extractor speaks unified's language (`VFileMessage`, with a `place`),
 * because the remark plugin hands its messages to unified. Everything past
 * it (the aggregator, the build's report, the CLI's text and JSON, the
 * post-build check) carries a `Problem`, converted once by
 * `problemFromMessage`, and prints it with `formatProblem`:
 *
 * ```txt
 * docs/contrast.md:7:1: Unknown role `pharmacist`, expected one of: radiologist, technologist
 * ```
 */
import path from 'node:path';
import type {VFileMessage} from 'vfile-message';
import type {RuleId} from './extract.js';
import type {HandoffRuleId} from './handoff-graph.js';

/**
 * What kind of problem it is: one of the extractor's rules, a broken
 * handoff (found once every page is read), or a problem found around them
 * (a file that cannot be read or parsed, a content plugin without
 * `remarkRoles`, a built page that disagrees with the table).
 */
export type ProblemRuleId =
  | RuleId
  | HandoffRuleId
  | 'unparsable'
  | 'missing-remark-plugin'
  | 'partial-in-code'
  | 'partial-cycle'
  | 'partial-without-remark'
  | 'built-page-disagrees'
  | CheckRuleId;

/** The accountability checks' rules: sources, owners, reviews, reading level, near duplicates. */
export type CheckRuleId =
  | 'missing-source'
  | 'missing-owner'
  | 'missing-review'
  | 'review-overdue'
  | 'review-due-soon'
  | 'hard-to-read'
  | 'near-duplicate';

/**
 * How a problem is reported: `error` fails the build (and `roles:check`);
 * `warning` does not; `info` is an accountability check set to `'log'`.
 */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** A problem, positioned in the file an author edits. */
export interface Problem {
  /** The file as authors know it: site-relative and `/`-separated in a site, else as given. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** What is wrong and what was expected, as one sentence (no position). */
  reason: string;
  ruleId: ProblemRuleId;
  /** Set once the options decided it (`onInvalidAnnotation`); absent while undecided. */
  severity?: ProblemSeverity;
}

/** `docs/x.md:9:1: Unknown role …`: the location first, as compilers print it. */
export function formatProblem({file, line, column, reason}: Problem): string {
  return `${file}:${line}:${column}: ${reason}`;
}

/** An extractor message as a `Problem` of `file` (at 1:1 when it has no position). */
export function problemFromMessage(message: VFileMessage, file: string): Problem {
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    reason: message.reason,
    ruleId: (message.ruleId ?? 'unparsable') as ProblemRuleId,
  };
}

/** A file path as authors know it: relative to the site (when known), with `/`. */
export function displayPath(filePath: string, siteDir: string | undefined): string {
  const relative = siteDir ? path.relative(siteDir, filePath) : filePath;
  return relative.split(path.sep).join('/');
}

/** How many problems an error lists before it only counts the rest. */
const LISTED = 50;

/** `- a\n- b\n- … and 3 more`: problems as the list an error message holds. */
export function listProblems(problems: readonly Problem[], listed = LISTED): string {
  const lines = problems.slice(0, listed).map((problem) => `- ${formatProblem(problem)}`);
  if (problems.length > listed) lines.push(`- … and ${(problems.length - listed).toLocaleString('en-US')} more`);
  return lines.join('\n');
}

/** `3 invalid role annotations`, `1 invalid role annotation`. */
export function countAnnotations(count: number): string {
  return `${count.toLocaleString('en-US')} invalid role annotation${count === 1 ? '' : 's'}`;
}

/**
 * The error for invalid annotations under `onInvalidAnnotation: 'throw'`:
 * every problem, the first ones listed, and how to build anyway.
 *
 * It carries nothing but its message: where it was thrown tells an author
 * nothing, and what prints it (Node's `inspect`, the MDX loader's
 * `Cause: … Details: <own properties, else stack>`) would print a stack or
 * its problems a second time. Its problems are kept, not enumerable.
 */
export class RoleAnnotationError extends Error {
  /** The problems, every one (the message lists the first ones). */
  declare readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], message?: string) {
    super(
      message ??
        `${countAnnotations(problems.length)}:\n${listProblems(problems)}\n(docusaurus-plugin-roles; set \`onInvalidAnnotation\` to 'warn' to build anyway)`,
    );
    Object.defineProperty(this, 'problems', {value: problems});
    this.stack = '';
  }
}
// On the prototype: an own `name` would be printed as a property.
RoleAnnotationError.prototype.name = 'RoleAnnotationError';
