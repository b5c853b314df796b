/**
 * The size above which a document's annotations are not gathered.
 *
 * Parsing Markdown costs memory in proportion to the text (micromark keeps
 * every token of a document until the tree is built: about 400 MB per
 * million characters of annotations), so one huge document could exhaust
 * the memory of the whole build. Above this size the aggregator reports the
 * document instead of parsing it, and the page lists none of its callouts in
 * the table, so both still agree.
 */
export const MAX_DOCUMENT_CHARACTERS = 1_000_000;

/** The problem reported for a document above the limit (at line 1, column 1). */
export function documentTooLargeReason(characters: number): string {
  return `Unexpected document of ${characters.toLocaleString('en-US')} characters, expected at most ${MAX_DOCUMENT_CHARACTERS.toLocaleString('en-US')}: role annotations are not gathered from larger documents; split it into several pages`;
}
