/**
 * Anchor ids shared by the callouts and the table, so a link from one always
 * lands on the other. Pure and dependency-free: runs in Node and the browser.
 */

/**
 * Normalize a page path so `/docs/a/`, `/docs/a` and `/docs/a/index.html`
 * name the same page (the site's `trailingSlash` setting must not matter).
 */
export function normalizePagePath(pathname: string): string {
  const withoutIndex = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  const trimmed = withoutIndex.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * Id of a duty's row in the comparison table: unique across the site because
 * it joins the page path and the callout id, which is unique within a page.
 */
export function tableRowId(permalink: string, id: string): string {
  const page = normalizePagePath(permalink)
    .replace(/^\/+/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .toLowerCase();
  return `role-${page || 'index'}--${id}`;
}
