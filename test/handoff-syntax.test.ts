/**
 * Reading `follows=` and `hands-to=` references (`core/handoffs.ts`):
 * properties over generated references, and a differential test against
 * the WHATWG URL parser, which is how a browser reads the same text as a
 * link (the page before `#`, the anchor after it).
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseReference, readHandoffs, referenceKind} from '../plugins/docusaurus-plugin-roles/src/core/handoffs.js';

const idChar = fc.constantFrom(...'abcxyz0189-_.éñ'.split(''));
const id = fc.string({unit: idChar, minLength: 1, maxLength: 12}).filter((value) => !/\.mdx?$/i.test(value));
const segment = fc.string({unit: fc.constantFrom(...'abz09-_é'.split('')), minLength: 1, maxLength: 8});
const file = fc
  .tuple(fc.constantFrom('./', '../', '/', ''), fc.array(segment, {minLength: 1, maxLength: 3}), fc.constantFrom('.md', '.mdx'))
  .map(([prefix, segments, extension]) => `${prefix}${segments.join('/')}${extension}`);
const permalink = fc.array(segment, {minLength: 0, maxLength: 3}).map((segments) => `/${segments.join('/')}`);

/** `decodeURIComponent`, or the text itself when it is not valid percent-encoding. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe('references as written (fast-check)', () => {
  it('reads back what it names: an id on the page, a file and an id, a permalink and an id', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(''), file, permalink), id, fc.boolean(), (page, anchor, hash) => {
        const written = page === '' && !hash ? anchor : `${page}#${anchor}`;
        const parsed = parseReference(written);
        expect(parsed).toEqual({written, page, id: anchor});
        const kind = referenceKind({page});
        expect(kind).toBe(page === '' ? 'same-page' : /\.mdx?$/.test(page) ? 'file' : 'permalink');
      }),
    );
  });

  it('splits any reference where a browser splits the same link: the page before the first #, the anchor after it', () => {
    const unit = fc.constantFrom(...'ab./#%:?-_é 2F'.split(''));
    const base = 'https://site.invalid/docs/scs/page';
    fc.assert(
      fc.property(fc.string({unit, minLength: 1, maxLength: 16}).filter((text) => !/\s/.test(text)), (written) => {
        const parsed = parseReference(written);
        if ('problem' in parsed) {
          // Refused: another site, a query, no anchor or an empty one, a page that is neither a file nor a path,
          // or one that decodes to a path (`%2F…`) but is not written as one.
          const hash = written.indexOf('#');
          expect(
            /^([a-z][a-z\d+.-]*:|\/\/)/i.test(written) ||
              written.includes('?') ||
              (hash === -1 && /\/|\.mdx?$/i.test(written)) ||
              hash === written.length - 1 ||
              (hash > 0 && !/^\/|\.mdx?$/i.test(decode(written.slice(0, hash)))) ||
              (hash > 0 && !written.startsWith('/') && decode(written.slice(0, hash)).startsWith('/')),
          ).toBe(true);
          return;
        }
        // Invalid percent-encoding is kept as written, which a browser spells differently.
        fc.pre(decode(written) !== written || !written.includes('%'));
        const url = new URL(written, base);
        // The anchor a browser scrolls to.
        expect(parsed.id).toBe(decode(url.hash.slice(1) || written));
        if (parsed.page === '') return;
        // The path a browser requests, resolved like a relative link from the page's folder.
        const resolved = parsed.page.startsWith('/') ? parsed.page : `/docs/scs/${parsed.page}`;
        expect(removeDotSegments(resolved)).toBe(decode(url.pathname));
      }),
      {numRuns: 2_000},
    );
  });
});

/**
 * A path with its `.` and `..` segments resolved as a URL's are (RFC 3986,
 * 5.2.4): unlike `path.posix.normalize`, a path ending in such a segment
 * keeps its last slash (`/a/.` is `/a/`), and empty segments stay (`/a//`
 * is requested as written).
 */
function removeDotSegments(pathname: string): string {
  const kept: string[] = [];
  const segments = pathname.split('/').slice(1);
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment !== '.' && segment !== '..') kept.push(segment);
    else {
      if (segment === '..') kept.pop();
      if (last) kept.push('');
    }
  });
  return `/${kept.join('/')}`;
}

describe('references a browser reads otherwise than they decode', () => {
  it('keeps empty path segments, and refuses a page that starts with an encoded slash', () => {
    // The browser requests `/a//`: the page is kept as written.
    expect(parseReference('/a//#a')).toEqual({written: '/a//#a', page: '/a//', id: 'a'});
    // The browser requests `./%2F` (a relative path), not the permalink `/`.
    for (const written of ['%2F#a', '%2f%2Fhost#a', '%2Fdocs/x.md#a']) {
      const parsed = parseReference(written);
      expect(parsed, written).toHaveProperty('problem');
      expect((parsed as {problem: string}).problem, written).toMatch(/^Unexpected encoded slash at the start of `%2f/i);
    }
  });
});

describe('attributes', () => {
  it('keeps each reference once, in the order written, and reports each bad one', () => {
    const problems: string[] = [];
    const read = readHandoffs({'hands-to': 'a  ./b.md#c #a ./b.md#c https://x#y', follows: ''}, (reason) => problems.push(reason));
    expect(read).toEqual({
      follows: undefined,
      handsTo: [
        {written: 'a', page: '', id: 'a'},
        {written: './b.md#c', page: './b.md', id: 'c'},
      ],
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Missing value of `follows`/);
    expect(problems[1]).toMatch(/^Unexpected external reference `https:\/\/x#y`/);
  });
});
