/**
 * The agreement rule the fuzzing and regression tests hold the aggregator
 * to: for each document of a site, what the aggregator found equals what
 * the page's compile found (see `reference.ts`).
 */
import {aggregateDocuments} from './aggregate-one.js';
import {compilePage, type PageResult, type SiteSettings} from './reference.js';

/** One document where the table and the page disagree. */
export interface Disagreement {
  document: string;
  content: string;
  settings: SiteSettings;
  page: PageResult;
  table: PageResult | {crash: string};
}

/** What a check compared, so a run can say how much it exercised. */
export interface AgreementStats {
  documents: number;
  /** Documents that are not valid MDX (the page does not compile). */
  invalid: number;
  /** Valid annotations and problems compared. */
  annotations: number;
  problems: number;
}

/**
 * Run the aggregator on the whole site (so documents are batched together,
 * as in a real site) and compile each page; return every disagreement.
 *
 * A page that does not compile has no annotations: the aggregator must then
 * report the page's error at the same position, or nothing when the file
 * holds no `:role` at all (it is never parsed, and the build fails on the
 * page's own error anyway).
 */
export async function checkAgreement(
  dir: string,
  contents: readonly string[],
  settings: SiteSettings,
  stats?: AgreementStats,
): Promise<Disagreement[]> {
  const documents = new Map(contents.map((content, index) => [`doc-${index}.mdx`, content]));
  let tables: Map<string, PageResult> | undefined;
  let crash: string | undefined;
  try {
    tables = await aggregateDocuments(dir, documents, settings);
  } catch (error) {
    crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  const disagreements: Disagreement[] = [];
  for (const [name, content] of documents) {
    const page = await compilePage(`/site/docs/${name}`, content, settings);
    if (stats) {
      stats.documents += 1;
      if (page.error !== undefined) stats.invalid += 1;
      stats.annotations += page.annotations.length;
      stats.problems += page.problems.length;
    }
    const table = tables?.get(name);
    if (!table) {
      disagreements.push({document: name, content, settings, page, table: {crash: crash ?? 'no result'}});
      continue;
    }
    if (!agrees(page, table, content)) disagreements.push({document: name, content, settings, page, table});
  }
  return disagreements;
}

/** Whether the table says of a document (`content`) what its page says. */
export function agrees(page: PageResult, table: PageResult, content: string): boolean {
  // The page parsed, then a transform of Docusaurus's own failed before
  // remarkRoles ran: the build stops on that error; the table parsed it too.
  if (page.failedAfterParse) return table.error === undefined;
  if (page.error !== undefined) {
    const silent = table.error === undefined && !content.includes(':role');
    return (
      table.annotations.length === 0 &&
      table.problems.length === 0 &&
      (silent || (table.error === page.error && table.errorReason === page.errorReason))
    );
  }
  return (
    table.error === undefined &&
    JSON.stringify(table.annotations) === JSON.stringify(page.annotations) &&
    JSON.stringify(table.problems) === JSON.stringify(page.problems)
  );
}
