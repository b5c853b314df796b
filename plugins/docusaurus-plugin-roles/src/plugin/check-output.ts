/**
 * The sections `roles:check` prints after the problems: each page's reading
 * level, and (with `--reviews`) the duties due for review.
 */
import type {PageReadability, ReviewItem} from './accountability.js';
import type {PluginOptions, RolesConfig} from '../types.js';

/** What a section needs of one locale's table. */
interface Table {
  locale: string;
  options: PluginOptions;
  config: RolesConfig;
  pages: PageReadability[];
  reviews: ReviewItem[];
}

/** A sentence shortened for one line. */
function short(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** A score as the page's formula names it. */
function scoreLabel(score: number, formula: PageReadability['formula']): string {
  return formula === 'flesch-kincaid' ? `grade ${score.toFixed(1)}` : `${score.toFixed(1)} INFLESZ`;
}

/**
 * One line per page of a locale's table: its duties, those for a
 * plain-language audience, their median score and the hardest sentence; the
 * text's language when it is not the locale's (an untranslated page).
 */
export function formatSummary(page: PageReadability, tableLocale: string = page.locale): string {
  const language = page.locale === tableLocale ? '' : ` (${page.locale} text)`;
  const head = `[${tableLocale}] ${page.file}${language}: ${page.duties} ${page.duties === 1 ? 'duty' : 'duties'}, ${page.plainLanguage} plain-language`;
  if (page.plainLanguage === 0) return head;
  if (page.formula === null) return `${head}; not scored: no formula for ${page.locale} (English and Spanish only)`;
  const median = page.median === null ? 'no text' : `median ${scoreLabel(page.median, page.formula)}`;
  const worst = page.worst
    ? `; hardest: ${scoreLabel(page.worst.score, page.formula)} at ${page.worst.line}:${page.worst.column} "${short(page.worst.text)}"`
    : '';
  return `${head}; ${median}, ${page.hard} off target${worst}`;
}

/** The reading-level section: every page with duties, locale by locale. */
export function printSummaries(tables: readonly Table[]): void {
  if (tables.every((table) => table.pages.length === 0)) return;
  const {grade, inflesz} = tables[0]!.options.readability;
  console.log(`\nReading level of plain-language duties (target: grade ${grade} or below in English, ${inflesz} or above on the INFLESZ scale in Spanish):`);
  for (const table of tables) {
    for (const page of table.pages) console.log(`  ${formatSummary(page, table.locale)}`);
  }
}

const STATUS_LABEL: Record<ReviewItem['status'], string> = {
  overdue: 'overdue',
  'due-soon': 'due soon',
  missing: 'never reviewed',
  current: 'current',
};

/** One line per duty due for review. */
export function formatReview(item: ReviewItem): string {
  const due = item.reviewDue ? `due ${item.reviewDue}` : 'no review date';
  const owner = item.owner ? `, owner: ${item.owner}` : ', no owner';
  const reviewed = item.reviewed ? `, last reviewed ${item.reviewed}` : '';
  return `${STATUS_LABEL[item.status].padEnd(14)} ${due.padEnd(14)} ${item.file}:${item.line}:${item.column} "${item.title}" (${item.roles.join(', ')})${owner}${reviewed}`;
}

/** The review section: overdue first, then due soon, then never reviewed. */
export function printReviews(tables: readonly Table[]): void {
  for (const table of tables) {
    console.log(`\nDue for review (${table.locale}; today is ${table.config.duties.today}, cycle ${table.options.reviews.cycleMonths} months):`);
    if (table.reviews.length === 0) console.log('  nothing: every duty was reviewed within its cycle');
    for (const item of table.reviews) console.log(`  ${formatReview(item)}`);
  }
}
