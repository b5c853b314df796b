/**
 * The syntax of handoffs: which duties an annotation follows and which it
 * hands over to, as authors write them.
 *
 * ```md
 * :::role[Reads the images]{of=radiologist follows="./during-placement.md#captures-the-spine-images"}
 * :::
 * ```
 *
 * A reference names one duty: `id` (or `#id`) on the same page, a Markdown
 * file and an id as Docusaurus Markdown links are written
 * (`./during-placement.md#captures-the-spine-images`, `../a.mdx#x`, or
 * `/a.md#x` from the content folder's root), or a permalink and an id
 * (`/spinal-cord-stimulator/during-placement#captures-the-spine-images`).
 * This module only reads what is written; `handoff-graph.ts` resolves it
 * against the site.
 */

/** The attributes, as written in `{…}`, and the annotation field each fills. */
export const HANDOFF_ATTRIBUTES = {follows: 'follows', 'hands-to': 'handsTo'} as const;

/** An attribute that declares handoffs. */
export type HandoffAttribute = keyof typeof HANDOFF_ATTRIBUTES;

/** One reference as written, split into the page it names and the duty's id. */
export interface HandoffReference {
  /** The reference as the author wrote it (for messages). */
  written: string;
  /**
   * What names the page: `''` for the same page, a Markdown file path
   * (ends in `.md` or `.mdx`; relative to the file, or to the content root
   * when it starts with `/`), or a permalink (starts with `/`, no extension).
   */
  page: string;
  /** The duty's anchor id on that page. */
  id: string;
}

/** How a reference names its page. */
export type ReferenceKind = 'same-page' | 'file' | 'permalink';

/** Whether a reference's page part is the same page, a Markdown file or a permalink. */
export function referenceKind(reference: Pick<HandoffReference, 'page'>): ReferenceKind {
  if (reference.page === '') return 'same-page';
  return MARKDOWN_FILE.test(reference.page) ? 'file' : 'permalink';
}

const MARKDOWN_FILE = /\.mdx?$/i;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** `decodeURIComponent`, or the text as written when it is not valid percent-encoding. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Read one reference. Returns the reference, or the reason it cannot be one
 * (`Unexpected …, expected …`), for the extractor to report.
 */
export function parseReference(written: string): HandoffReference | {problem: string} {
  const expected =
    'expected an id on this page (`reads-the-images`), a Markdown file and an id (`./during-placement.md#reads-the-images`) or a permalink and an id (`/during-placement#reads-the-images`)';
  // `https:…`, `mailto:…`, and `//host/…` (another host, with this page's scheme).
  if (SCHEME.test(written) || written.startsWith('//')) {
    return {problem: `Unexpected external reference \`${written}\`, ${expected}: a handoff links two duties of this site`};
  }
  if (written.includes('?')) {
    return {problem: `Unexpected query in \`${written}\`, ${expected}`};
  }
  const hash = written.indexOf('#');
  if (hash === -1) {
    if (written.includes('/') || MARKDOWN_FILE.test(written)) {
      return {problem: `Missing id in \`${written}\`, expected \`${written}#id\`: a reference names one duty of the page`};
    }
    return {written, page: '', id: decode(written)};
  }
  const writtenPage = written.slice(0, hash);
  const page = decode(writtenPage);
  const id = decode(written.slice(hash + 1));
  if (id === '') {
    return {problem: `Missing id after \`#\` in \`${written}\`, expected the anchor id of a duty`};
  }
  // A browser takes `%2F…` as a relative path, not the permalink `/…` it decodes to.
  if (page.startsWith('/') && !writtenPage.startsWith('/')) {
    return {problem: `Unexpected encoded slash at the start of \`${writtenPage}\` in \`${written}\`, expected a permalink starting with \`/\` as written (\`${page}#${id}\`) or a Markdown file path`};
  }
  if (page !== '' && !page.startsWith('/') && !MARKDOWN_FILE.test(page)) {
    return {
      problem: `Unexpected page \`${page}\` in \`${written}\`, expected a Markdown file path ending in \`.md\` or \`.mdx\` (\`./${page}.md#${id}\`) or a permalink starting with \`/\``,
    };
  }
  return {written, page, id};
}

/**
 * Read the handoff attributes of an annotation: each reference of
 * `follows` and `hands-to`, in the order written, repeats dropped. Problems
 * go to `report`, one per bad reference.
 */
export function readHandoffs(
  attributes: Readonly<Record<string, string | null>>,
  report: (reason: string) => void,
): {follows?: HandoffReference[]; handsTo?: HandoffReference[]} {
  const result: {follows?: HandoffReference[]; handsTo?: HandoffReference[]} = {};
  for (const [attribute, field] of Object.entries(HANDOFF_ATTRIBUTES)) {
    if (!Object.hasOwn(attributes, attribute)) continue;
    const value = attributes[attribute] ?? '';
    const written = value.split(/\s+/).filter(Boolean);
    if (written.length === 0) {
      report(
        `Missing value of \`${attribute}\`, expected one or more duty references separated by spaces, for example \`${attribute}="./during-placement.md#captures-the-spine-images"\``,
      );
      continue;
    }
    const references: HandoffReference[] = [];
    const seen = new Set<string>();
    for (const token of written) {
      const parsed = parseReference(token);
      if ('problem' in parsed) {
        report(`${parsed.problem} (in \`${attribute}\`)`);
        continue;
      }
      const key = `${parsed.page}#${parsed.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      references.push(parsed);
    }
    result[field] = references;
  }
  return result;
}
