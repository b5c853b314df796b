/** The duty links' plain-anchor handling: one delegated handler gives them `<Link>`'s navigation and preloading. */
import {useCallback, useRef, type MouseEvent, type SyntheticEvent} from 'react';
import {useHistory} from '@docusaurus/router';

/** Marks the table's duty links for the delegated navigation handler. */
export const DUTY_LINK_ATTRIBUTE = 'data-role-duty-link';

/** The duty link an event happened in, if any, inside `container`. */
function dutyLinkOf(event: SyntheticEvent<HTMLElement>): HTMLAnchorElement | undefined {
  const target = event.target;
  if (!(target instanceof Element)) return undefined;
  const anchor = target.closest(`a[${DUTY_LINK_ATTRIBUTE}]`);
  return anchor instanceof HTMLAnchorElement && event.currentTarget.contains(anchor) ? anchor : undefined;
}

/**
 * What `<Link>` does for each link, done once for the whole table: a plain
 * left click navigates client-side (modified clicks open tabs as usual), and
 * hovering, touching or focusing a link preloads its page.
 */
export function useDutyLinkNavigation(): {
  onClick: (event: MouseEvent<HTMLElement>) => void;
  onPreload: (event: SyntheticEvent<HTMLElement>) => void;
} {
  const history = useHistory();
  const preloaded = useRef(new Set<string>());
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = dutyLinkOf(event);
      if (!anchor || (anchor.target && anchor.target !== '_self')) return;
      const url = new URL(anchor.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      history.push(`${url.pathname}${url.search}${url.hash}`);
    },
    [history],
  );
  const onPreload = useCallback((event: SyntheticEvent<HTMLElement>) => {
    const anchor = dutyLinkOf(event);
    if (!anchor) return;
    const {pathname} = new URL(anchor.href);
    if (preloaded.current.has(pathname)) return;
    preloaded.current.add(pathname);
    // Absent outside a real Docusaurus client (a test renderer).
    void window.docusaurus?.preload(pathname);
  }, []);
  return {onClick, onPreload};
}
