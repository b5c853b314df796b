/**
 * Where a duty stands in its review cycle, and whether its source is a link:
 * decided the same way by the checks (Node.js) and the table's review view
 * (the browser). Pure and dependency-free.
 */

/** A duty's review status on a given day. */
export type ReviewStatus = 'missing' | 'overdue' | 'due-soon' | 'current';

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or `undefined` when it is not one. */
function dayOf(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000);
}

/** Days from `today` to `due` (negative when overdue); `undefined` for a malformed date. */
export function daysUntil(due: string, today: string): number | undefined {
  const a = dayOf(today);
  const b = dayOf(due);
  return a === undefined || b === undefined ? undefined : b - a;
}

/**
 * `missing` without a due date; `overdue` once the due date has passed;
 * `due-soon` from `dueSoonDays` days before it to the day itself; else `current`.
 */
export function reviewStatus(reviewDue: string | null, today: string, dueSoonDays: number): ReviewStatus {
  if (reviewDue === null) return 'missing';
  const days = daysUntil(reviewDue, today);
  if (days === undefined) return 'missing';
  if (days < 0) return 'overdue';
  return days <= dueSoonDays ? 'due-soon' : 'current';
}

/** Today in the local time zone, `YYYY-MM-DD` (the browser's, in the table). */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The URL of a source written as one (`https://…`, `http://…`), else
 * `undefined`: a citation is shown as text. No other scheme is ever a link.
 */
export function sourceHref(citation: string): string | undefined {
  const trimmed = citation.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
