/** A duty's text split after its first sentence: the short text a printed handout shows. */

/**
 * End of the first sentence: `.`, `!`, `?` or `…` (and closing quotes or
 * brackets) followed by white space and what starts a sentence (a capital,
 * a digit, an opening quote or bracket), or a CJK full stop. Deterministic
 * (no `Intl.Segmenter`, whose data may differ between the server and the
 * browser), so the server's markup and the hydrated markup always match.
 */
const SENTENCE_END = /^(.+?(?:[.!?…]["'”’»)\]]*(?=\s+["'“‘«([¿¡]?[\p{Lu}\p{Lt}\p{N}])|[。！？]))\s*/su;

/** The first sentence of `text`, and the rest (`''` when there is one sentence). */
export function splitLead(text: string): {lead: string; rest: string} {
  const match = SENTENCE_END.exec(text);
  if (!match || match[0].length >= text.length) return {lead: text, rest: ''};
  return {lead: match[1]!, rest: text.slice(match[0].length)};
}

/**
 * A duty's text without its title when the title is the text's own first
 * sentence (an annotation without a `[label]`), so that a reader, on screen
 * or on paper, never reads the same sentence twice.
 */
export function textAfterTitle(title: string, text: string): string {
  return title !== '' && text.startsWith(title) ? text.slice(title.length).trimStart() : text;
}
