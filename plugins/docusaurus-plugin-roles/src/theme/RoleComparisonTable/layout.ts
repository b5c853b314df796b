/**
 * Hooks that adapt the table to where it is shown: whether it fits its
 * column (then its headers stick below the navbar), whether the page is
 * printing (then each row prints as its own table, so that its name and the
 * column headers repeat on every sheet it spans), and how much of it the
 * first render paints when there is no server-rendered HTML to hydrate.
 */
import {startTransition, useEffect, useLayoutEffect, useState, type RefObject} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {renderNow} from 'docusaurus-plugin-roles/client';

// `useLayoutEffect` warns on the server; nothing to measure there anyway.
const useBrowserLayoutEffect = ExecutionEnvironment.canUseDOM ? useLayoutEffect : useEffect;

/** How the table sits in its column, once measured in the browser. */
export interface TableFit {
  /**
   * Whether the table is wider than its box (`undefined` until measured). A
   * wider table needs a scroll box, which is then also what its sticky
   * headers stick to; a table that fits needs none, and its headers stick
   * below the navbar instead.
   */
  overflows: boolean | undefined;
  /** Height of the column headers in px, so that a row's sticky name stays below them. */
  headHeight: number;
}

/** Measures the table (`content`) against its box, again whenever either resizes. */
export function useTableFit(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): TableFit {
  const [fit, setFit] = useState<TableFit>({overflows: undefined, headHeight: 0});
  useBrowserLayoutEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (!outer || !inner || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => {
      const overflows = inner.scrollWidth > outer.clientWidth + 1;
      const headHeight = Math.round(inner.querySelector('thead')?.getBoundingClientRect().height ?? 0);
      setFit((current) =>
        current.overflows === overflows && current.headHeight === headHeight ? current : {overflows, headHeight},
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(outer);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [box, content]);
  return fit;
}

/**
 * Whether the page is being printed: set synchronously in `beforeprint`
 * (browsers lay the page out for print after the event), cleared after.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => renderNow(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/** How many duties per cell the first paint shows when the table is not hydrated from server HTML. */
export const FIRST_PAINT_DUTIES = 12;
/** How many rows the first paint shows then. */
export const FIRST_PAINT_ROWS = 4;

/**
 * The duties per cell and rows to render, `Infinity` for all. Hydrating the
 * server's HTML renders everything (the markup must match). Rendering in the
 * browser without it (`docusaurus start`, which renders no HTML, or a
 * client-side navigation to the page) first paints the top of the table and
 * renders the rest in an interruptible background render right after: on a
 * large site the reader sees the table at once instead of a blank page.
 * `serverMarkerId` is the id of an element the server renders; `whole`
 * renders everything at once anyway (the URL points at a duty, which the
 * browser scrolls to as soon as the page renders).
 */
export function useFirstPaintLimit(serverMarkerId: string, whole: boolean): number {
  const [limited] = useState(
    () => !whole && ExecutionEnvironment.canUseDOM && document.getElementById(serverMarkerId) === null,
  );
  const [limit, setLimit] = useState(limited ? FIRST_PAINT_DUTIES : Infinity);
  useEffect(() => {
    if (!limited) return undefined;
    // After the first paint, not in the same frame.
    const frame = requestAnimationFrame(() => {
      setTimeout(() => startTransition(() => setLimit(Infinity)), 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [limited]);
  return limit;
}
