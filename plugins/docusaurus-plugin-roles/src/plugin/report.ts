/**
 * How the Docusaurus plugin tells authors about problems: each one once,
 * positioned, without a stack trace, in a build and under `npm start`.
 *
 * Two places find problems: the table's gathering (`allContentLoaded`, every
 * file) and each page's compile (`remarkRoles`, through its host). They
 * agree, so a problem must be said by one of them only:
 *
 * - the first gathering of a process (a build, the start of `npm start`)
 *   says every problem, and under `throw` stops there, before any bundling;
 * - a page's compile says its file's problems when the file changed since
 *   they were last said, else nothing (a build compiles a page once for the
 *   client and the server; under `npm start` a change compiles it once,
 *   and again after the plugins reload, and a page that failed would be
 *   compiled, and printed, after every later change). So under `npm start`
 *   a compile never fails on an annotation: it says the problem once per
 *   change, at the severity's level, and the page shows the callout as it
 *   does under `warn`. In a build (the table agreeing, this does not
 *   happen) it fails under `throw`;
 * - later gatherings (`npm start` reloads after each change) say nothing:
 *   the changed file's compile does.
 */
import {createHash} from 'node:crypto';
import {logger} from '@docusaurus/logger';
import {RoleAnnotationError, countAnnotations, formatProblem, type Problem} from '../core/problem.js';
import type {Finding} from './accountability.js';
import type {Severity} from '../types.js';

/** What was last said about a file: its problems, and the content they came from when known. */
interface Said {
  lines: Set<string>;
  content: string | undefined;
}

/** Reports problems for one plugin instance, remembering what each file last said. */
export class ProblemReporter {
  /** Per file (as shown). */
  private readonly said = new Map<string, Said>();

  /** @param development Under `npm start` (Docusaurus's test: `NODE_ENV` is not `production`). */
  constructor(private readonly development = process.env.NODE_ENV !== 'production') {}

  /**
   * The problems of a gathering: every one said (the first gathering of
   * the process), and under `throw` an error that stops the build. Later
   * gatherings say nothing.
   */
  reportGathered(problems: readonly Problem[], severity: Severity, {first}: {first: boolean}): void {
    if (!first || severity === 'ignore') return;
    const byFile = new Map<string, Problem[]>();
    for (const problem of problems) {
      const list = byFile.get(problem.file);
      if (list) list.push(problem);
      else byFile.set(problem.file, [problem]);
    }
    for (const [file, list] of byFile) this.say(file, undefined, list, severity);
    if (severity === 'throw' && problems.length > 0) throw stopBuild(problems);
  }

  /**
   * The problems of one page's compile (all of its file's, possibly none),
   * from `content`: said when the file changed since they were last said,
   * or when they are new; in a build under `throw`, the compile fails.
   */
  reportCompiled(file: string, content: string, problems: readonly Problem[], severity: Severity): void {
    if (severity === 'ignore') return;
    if (severity === 'throw' && !this.development && problems.length > 0) {
      // The MDX loader wraps this error in its own, with a stack.
      quietStackTraces();
      throw new RoleAnnotationError(problems);
    }
    this.say(file, createHash('sha1').update(content).digest('base64'), problems, severity);
  }

  /**
   * Say a file's problems: all of them when its content changed since they
   * were last said, else only the new ones; remember them.
   */
  private say(file: string, content: string | undefined, problems: readonly Problem[], severity: Exclude<Severity, 'ignore'>): void {
    const before = this.said.get(file);
    const changed = content !== undefined && before?.content !== undefined && before.content !== content;
    const lines = new Set(problems.map(formatProblem));
    for (const line of lines) {
      if (!changed && before?.lines.has(line)) continue;
      if (severity === 'throw') logger.error(line);
      else logger.warn(line);
    }
    this.said.set(file, {lines, content: content ?? before?.content});
  }
}

/** How many findings of one rule the build prints before it only counts the rest. */
const LISTED_FINDINGS = 50;

/** The error that stops a build when a check's severity is `'throw'` (its findings printed above). */
export class RoleCheckError extends Error {
  /** The findings, every one. */
  declare readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `${problems.length.toLocaleString('en-US')} role check${problems.length === 1 ? '' : 's'} failed, listed above (docusaurus-plugin-roles; the severities are the options reviews.on…, readability.severity and nearDuplicates.severity)`,
    );
    this.name = 'RoleCheckError';
    Object.defineProperty(this, 'problems', {value: problems});
  }
}

/**
 * Report the accountability checks' findings, each at its own severity and
 * once per process, at most 50 per rule (then a count: `roles:check` lists
 * them all); those set to `'throw'` then stop the build, without a stack trace.
 */
export function reportFindings(findings: readonly Finding[], said: Set<string>): void {
  const printed = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity === 'ignore') continue;
    const line = formatProblem({...finding, severity: undefined});
    if (said.has(line)) continue;
    said.add(line);
    // What stops the build is listed whole.
    if (finding.severity === 'throw') {
      logger.error(line);
      continue;
    }
    const count = (printed.get(finding.ruleId) ?? 0) + 1;
    printed.set(finding.ruleId, count);
    if (count > LISTED_FINDINGS) continue;
    if (finding.severity === 'warn') logger.warn(line);
    else logger.info(line);
  }
  for (const [ruleId, count] of printed) {
    if (count > LISTED_FINDINGS) {
      logger.warn`… and ${count - LISTED_FINDINGS} more ${ruleId} findings: run docusaurus roles:check to list them all.`;
    }
  }
  const failing = findings.filter((finding) => finding.severity === 'throw');
  if (failing.length > 0) stopWith(new RoleCheckError(failing.map((finding) => ({...finding, severity: 'error' as const}))));
}

/**
 * The error that stops a build whose problems were just printed: short,
 * without a stack trace.
 */
function stopBuild(problems: readonly Problem[]): RoleAnnotationError {
  quietStackTraces();
  return new RoleAnnotationError(
    problems,
    `${countAnnotations(problems.length)}, listed above (docusaurus-plugin-roles; set \`onInvalidAnnotation\` to 'warn' to build anyway)`,
  );
}

/**
 * Stop the build with `error` (a setup mistake found while gathering, its
 * message saying the fix), printed without a stack trace.
 */
export function stopWith(error: Error): never {
  quietStackTraces();
  error.stack = `${error.name}: ${error.message}`;
  throw error;
}

/**
 * Docusaurus prints a failed build as `inspect(error)`: the stack of its
 * own "Unable to build website for locale …" error, then ours as its
 * cause; the MDX loader wraps a page's error in its "MDX compilation
 * failed" error, whose stack the bundler prints. None of these stacks tells
 * an author anything about their Markdown, so stack traces are off while
 * the failure travels up to where the wrapping error is created (the same
 * turn of the event loop), and on again right after.
 */
function quietStackTraces(): void {
  if (quietUntilRestored) return;
  const limit = Error.stackTraceLimit;
  quietUntilRestored = true;
  Error.stackTraceLimit = 0;
  setImmediate(() => {
    Error.stackTraceLimit = limit;
    quietUntilRestored = false;
  });
}

/** Whether stack traces are off already, waiting to be turned on again. */
let quietUntilRestored = false;
