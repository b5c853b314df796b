/**
 * What a hospital answers for, checked once over the gathered duties (the
 * build's `allContentLoaded` and `roles:check`, never per page, so nothing
 * is said twice): every duty cites a source and has a review date that is
 * not overdue, patient-facing duties read at the target level, and no role
 * has the same duty twice.
 *
 * These are not syntax problems: a duty with an overdue review is valid and
 * listed. Each check has its own severity (`reviews.onOverdue`,
 * `readability.severity`, …), separate from `onInvalidAnnotation`.
 */
import path from 'node:path';
import type {LoadContext} from '@docusaurus/types';
import {formatProblem, type CheckRuleId, type Problem} from '../core/problem.js';
import {daysUntil, reviewStatus, type ReviewStatus} from '../client/reviews.js';
import {similarPairs} from '../core/near-duplicates.js';
import {
  createWordList,
  missesTarget,
  readabilityLanguage,
  scoreText,
  type ReadabilityLanguage,
  type SentenceScore,
  type TextScore,
  type WordList,
} from '../core/readability/index.js';
import {infleszLevel} from '../core/readability/formulas.js';
import type {CheckSeverity, PluginOptions, RoleEntry, RolesConfig} from '../types.js';

/** One thing a check found, positioned at a duty, at the check's own severity. */
export interface Finding extends Omit<Problem, 'ruleId' | 'severity'> {
  ruleId: CheckRuleId;
  severity: CheckSeverity;
}

/** A duty in the "due for review" list. */
export interface ReviewItem {
  file: string;
  line: number;
  column: number;
  permalink: string;
  id: string;
  title: string;
  roles: string[];
  owner: string | null;
  reviewed: string | null;
  reviewDue: string | null;
  status: ReviewStatus;
}

/** One page's reading level: what `roles:check` summarizes. */
export interface PageReadability {
  file: string;
  permalink: string;
  pageTitle: string;
  /** The language of its text (the locale of its file). */
  locale: string;
  /** The formula used, or `null` when the language has none (the page is not scored). */
  formula: 'flesch-kincaid' | 'szigriszt-pazos' | null;
  duties: number;
  /** Duties for a plain-language audience (the ones scored). */
  plainLanguage: number;
  /** Median of those duties' scores (title and text together). */
  median: number | null;
  /** Plain-language duties whose text misses the target. */
  hard: number;
  /** The hardest sentence: highest grade, or lowest INFLESZ score. */
  worst: {text: string; score: number; line: number; column: number} | null;
}

/** Everything the checks found for one locale's duties. */
export interface AccountabilityReport {
  findings: Finding[];
  reviews: ReviewItem[];
  pages: PageReadability[];
}

/** What the checks need besides the duties. */
export interface CheckContext {
  options: Pick<PluginOptions, 'reviews' | 'readability' | 'nearDuplicates'>;
  config: RolesConfig;
  /** The locale a duty's text is written in (its file's). */
  localeOf: (entry: RoleEntry) => string;
  /** Score pages for the summary even when `readability.severity` is `'ignore'` (`roles:check`). */
  summaries?: boolean;
}

/** `"Captures the spine images" (technologist)`, for messages. */
function named(entry: RoleEntry): string {
  return `"${entry.title}" (${entry.roles.join(', ')})`;
}

function at(entry: RoleEntry): Pick<Finding, 'file' | 'line' | 'column'> {
  return {file: entry.source, line: entry.line, column: entry.column};
}

/** Days as words: "in 12 days", "83 days ago", "today". */
function relativeDays(days: number): string {
  if (days === 0) return 'today';
  const count = Math.abs(days);
  const unit = count === 1 ? 'day' : 'days';
  return days > 0 ? `in ${count} ${unit}` : `${count} ${unit} ago`;
}

/** The review findings of one duty, and its place in the review list (when not current). */
function checkReview(entry: RoleEntry, {options, config}: CheckContext): {findings: Finding[]; item: ReviewItem | undefined} {
  const {reviews} = options;
  const today = config.duties.today;
  const findings: Finding[] = [];
  const owner = entry.owner === null ? '' : `; owner: ${entry.owner}`;
  if (entry.citation === null) {
    findings.push({
      ...at(entry),
      ruleId: 'missing-source',
      severity: reviews.onMissingSource,
      reason: `No source for the duty ${named(entry)}, expected \`source=\` (a citation or a URL) on the annotation, \`roles.source\` in the page's front matter, or the \`defaults.source\` option`,
    });
  }
  if (entry.owner === null) {
    findings.push({
      ...at(entry),
      ruleId: 'missing-owner',
      severity: reviews.onMissingOwner,
      reason: `No owner for the duty ${named(entry)}, expected \`owner=\` on the annotation, \`roles.owner\` in the page's front matter, or the \`defaults.owner\` option`,
    });
  }
  const status = reviewStatus(entry.reviewDue, today, reviews.dueSoonDays);
  if (status === 'missing') {
    findings.push({
      ...at(entry),
      ruleId: 'missing-review',
      severity: reviews.onMissingReview,
      reason: `No review date for the duty ${named(entry)}, expected \`reviewed=YYYY-MM-DD\` on the annotation or \`roles.reviewed\` in the page's front matter (the date someone last checked it; a file's date is not one)`,
    });
  } else if (status !== 'current') {
    const days = daysUntil(entry.reviewDue!, today) ?? 0;
    findings.push({
      ...at(entry),
      ruleId: status === 'overdue' ? 'review-overdue' : 'review-due-soon',
      severity: status === 'overdue' ? reviews.onOverdue : reviews.onDueSoon,
      reason: `Review of the duty ${named(entry)} ${status === 'overdue' ? 'overdue' : 'due soon'}: last reviewed ${entry.reviewed}, due ${entry.reviewDue} (${relativeDays(days)}; today is ${today}; cycle ${reviews.cycleMonths} months${owner})`,
    });
  }
  const item: ReviewItem | undefined =
    status === 'current'
      ? undefined
      : {
          ...at(entry),
          permalink: entry.permalink,
          id: entry.id,
          title: entry.title,
          roles: entry.roles,
          owner: entry.owner,
          reviewed: entry.reviewed,
          reviewDue: entry.reviewDue,
          status,
        };
  return {findings, item};
}

/** A sentence quoted in a message, shortened past 120 characters. */
function quote(text: string): string {
  return `"${text.length > 120 ? `${text.slice(0, 119).trimEnd()}…` : text}"`;
}

/** How a sentence's score reads in a message. */
function describeScore(score: number, language: ReadabilityLanguage, target: PluginOptions['readability']): string {
  return language === 'en'
    ? `reads at grade ${score.toFixed(1)} (Flesch–Kincaid), above the target of grade ${target.grade}`
    : `scores ${score.toFixed(1)} on the INFLESZ scale (Szigriszt-Pazos perspicuity: ${infleszLevel(score)}), below the target of ${target.inflesz}`;
}

/** Whether a duty is for an audience that reads plain language. */
function isPlainLanguage(entry: RoleEntry, config: RolesConfig): boolean {
  return config.audiences.some((audience) => audience.plainLanguage && entry.audience.includes(audience.key));
}

/** The text a reader reads: the title when it is not the text's first sentence, then the text. */
function readText(entry: RoleEntry): string {
  if (entry.text.startsWith(entry.title)) return entry.text;
  const title = /[.!?…:;]$/.test(entry.title) ? entry.title : `${entry.title}.`;
  return entry.text === '' ? title : `${title} ${entry.text}`;
}

/** Median of numbers (`null` for none). */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Scores of texts already scored in this process, by language, settings and
 * text: under `npm start` every reload checks every duty again, and most did
 * not change. Bounded: emptied when it grows past `SCORES_KEPT` texts.
 */
const scores = new Map<string, TextScore>();
const SCORES_KEPT = 50_000;

function scoreOnce(text: string, language: ReadabilityLanguage, words: WordList, settings: string, minWords: number): TextScore {
  const key = `${language}\0${settings}\0${text}`;
  let score = scores.get(key);
  if (!score) {
    if (scores.size >= SCORES_KEPT) scores.clear();
    score = scoreText(text, language, {words, minWords});
    scores.set(key, score);
  }
  return score;
}

/** The reading-level findings of every plain-language duty, and each page's summary. */
function checkReadability(entries: readonly RoleEntry[], context: CheckContext): {findings: Finding[]; pages: PageReadability[]} {
  const {readability} = context.options;
  const words = createWordList(readability.words);
  const settings = `${readability.minWords}\0${readability.words.join('\u0001')}`;
  const findings: Finding[] = [];
  const pages = new Map<string, PageReadability & {scores: number[]}>();
  for (const entry of entries) {
    const locale = context.localeOf(entry);
    const language = readabilityLanguage(locale);
    const key = `${entry.permalink}\0${entry.source}`;
    let page = pages.get(key);
    if (!page) {
      page = {
        file: entry.source,
        permalink: entry.permalink,
        pageTitle: entry.pageTitle,
        locale,
        formula: language === 'en' ? 'flesch-kincaid' : language === 'es' ? 'szigriszt-pazos' : null,
        duties: 0,
        plainLanguage: 0,
        median: null,
        hard: 0,
        worst: null,
        scores: [],
      };
      pages.set(key, page);
    }
    page.duties += 1;
    if (!isPlainLanguage(entry, context.config)) continue;
    page.plainLanguage += 1;
    if (!language) continue;
    const scored = scoreOnce(readText(entry), language, words, settings, readability.minWords);
    if (scored.score === null) continue;
    page.scores.push(scored.score);
    let hardest: SentenceScore | undefined;
    for (const sentence of scored.sentences) {
      if (sentence.score === null) continue;
      if (!page.worst || harder(sentence.score, page.worst.score, language)) {
        page.worst = {text: sentence.text, score: sentence.score, line: entry.line, column: entry.column};
      }
      if (!hardest || harder(sentence.score, hardest.score!, language)) hardest = sentence;
    }
    // The formulas are made for passages: the duty's whole text decides,
    // and its hardest sentence says where to start rewriting.
    if (!missesTarget(scored.score, language, readability)) continue;
    page.hard += 1;
    const where = hardest
      ? `; its hardest sentence, ${quote(hardest.text)}, ${language === 'en' ? `reads at grade ${hardest.score!.toFixed(1)}` : `scores ${hardest.score!.toFixed(1)}`}`
      : '';
    findings.push({
      ...at(entry),
      ruleId: 'hard-to-read',
      severity: readability.severity,
      reason: `Hard to read for its audience: the duty ${named(entry)} ${describeScore(scored.score, language, readability)}${where}`,
    });
  }
  return {
    findings,
    pages: [...pages.values()].map(({scores, ...page}) => ({...page, median: median(scores)})),
  };
}

/** Whether a score reads harder than another: a higher grade, a lower INFLESZ score. */
function harder(score: number, than: number, language: ReadabilityLanguage): boolean {
  return language === 'en' ? score > than : score < than;
}

/** Near-duplicate pairs, each positioned at the later duty and naming the earlier one. */
function checkNearDuplicates(entries: readonly RoleEntry[], context: CheckContext): Finding[] {
  const {nearDuplicates} = context.options;
  // Most sites write in one language per locale: the first duty's decides the stemming.
  const language = entries[0] ? readabilityLanguage(context.localeOf(entries[0])) : undefined;
  const inputs = entries.map((entry) => ({
    title: entry.title,
    text: entry.text,
    roles: entry.roles,
    scope: entry.kind === 'docs' && entry.version !== 'current' ? `${entry.pluginId}@${entry.version}` : 'current',
  }));
  return similarPairs(inputs, nearDuplicates, language).map(({first, second, title, text, roles}) => {
    const earlier = entries[first]!;
    const later = entries[second]!;
    return {
      ...at(later),
      ruleId: 'near-duplicate',
      severity: nearDuplicates.severity,
      reason: `The duty "${later.title}" reads almost the same as "${earlier.title}" (${earlier.source}:${earlier.line}:${earlier.column}), both for ${roles.join(', ')} (similarity of titles ${title.toFixed(2)}, of texts ${text.toFixed(2)}): merge them, or say how they differ`,
    };
  });
}

/**
 * Run every check over one locale's duties (all of them, unlisted pages
 * included: a published page answers for its duties too). Findings come in
 * the duties' order, each check's after the other's; those a check's
 * severity ignores are left out, the review list and page summaries are whole.
 */
export function checkAccountability(entries: readonly RoleEntry[], context: CheckContext): AccountabilityReport {
  const findings: Finding[] = [];
  const reviews: ReviewItem[] = [];
  for (const entry of entries) {
    const review = checkReview(entry, context);
    findings.push(...review.findings);
    if (review.item) reviews.push(review.item);
  }
  const scoring = context.options.readability.severity !== 'ignore' || context.summaries === true;
  const readability = scoring ? checkReadability(entries, context) : {findings: [], pages: []};
  // Appended one by one: spreading tens of thousands of findings into
  // `push` overflows the call stack (a large site with many near duplicates).
  for (const finding of readability.findings) findings.push(finding);
  if (context.options.nearDuplicates.severity !== 'ignore') {
    for (const finding of checkNearDuplicates(entries, context)) findings.push(finding);
  }
  const order: Record<ReviewStatus, number> = {overdue: 0, 'due-soon': 1, missing: 2, current: 3};
  reviews.sort(
    (a, b) => order[a.status] - order[b.status] || (a.reviewDue ?? '').localeCompare(b.reviewDue ?? ''),
  );
  return {
    findings: findings.filter((finding) => finding.severity !== 'ignore'),
    reviews,
    pages: readability.pages,
  };
}

/** `file:line:column: reason`, as every problem of the plugin is printed. */
export function formatFinding(finding: Finding): string {
  return formatProblem({...finding, severity: undefined});
}

/**
 * The locale a duty's text is written in: the locale being built when its
 * file is a translation (under the site's `i18n` folder), else the default
 * locale (an untranslated page shows its original text).
 */
export function fileLocale({siteDir, localizationDir, i18n}: Pick<LoadContext, 'siteDir' | 'localizationDir' | 'i18n'>): (entry: RoleEntry) => string {
  // `localizationDir` is the current locale's folder: its parent holds every locale's.
  const translations = `${path.relative(siteDir, localizationDir).split(path.sep).join('/')}/`;
  return (entry) => (entry.source.startsWith(translations) ? i18n.currentLocale : i18n.defaultLocale);
}
