/**
 * Calendar dates as authors write review dates: `YYYY-MM-DD`, a day in the
 * proleptic Gregorian calendar, without a time or a time zone. Computed on
 * the numbers, never through `Date` parsing (which reads `2025-02-30` as
 * March 2nd and a bare date as UTC midnight).
 */

/** `YYYY-MM-DD`, four-digit year from 1000. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as numbers: month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Days in a month of a year (February of leap years has 29). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date a `YYYY-MM-DD` string names, or `undefined` when it is not one (`2025-02-30`, `2025-1-5`). */
export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return {year, month, day};
}

/** Whether a string is a date written `YYYY-MM-DD` that exists. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

/** `YYYY-MM-DD` of a calendar date. */
export function formatIsoDate({year, month, day}: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today (or `now`) in the machine's time zone, `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  return formatIsoDate({year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate()});
}

/**
 * `months` months after a date; a day the target month lacks becomes its
 * last day (2024-01-31 plus one month is 2024-02-29), as calendars and
 * spreadsheets (`EDATE`) count.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return {year, month, day: Math.min(date.day, daysInMonth(year, month))};
}

/** Days since 1970-01-01 (a day number, for differences between dates). */
export function dayNumber({year, month, day}: CalendarDate): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new Error(`Expected two dates written YYYY-MM-DD, got "${from}" and "${to}"`);
  return dayNumber(b) - dayNumber(a);
}

/**
 * A front matter date as `YYYY-MM-DD`: YAML reads an unquoted `2025-03-14`
 * as a `Date` at UTC midnight, a quoted one as a string. Anything else is
 * returned as written (a string) for the caller to reject.
 */
export function frontMatterDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return formatIsoDate({year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate()});
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
