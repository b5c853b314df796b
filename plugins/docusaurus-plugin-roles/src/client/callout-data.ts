/**
 * What a rendered callout says about itself in the page's HTML, for the
 * check after the build (`plugin/verify-build.ts`): its id, roles, area,
 * title, page and whether the table lists it, in one attribute,
 *
 * ```html
 * <aside id="reads-the-ct" data-role-callout="eyJpIjoicmVhZHMtdGhlLWN0Ii…">
 * ```
 *
 * JSON in base64url: letters, digits, `-` and `_` only, so the attribute
 * survives any HTML minifier unchanged and is found without parsing the
 * page, whatever a title holds (quotes, `<`, `>`). Pure and dependency-free:
 * the same bytes on the server render and on hydration.
 */

/** A callout as rendered: what the table must agree with. */
export interface CalloutData {
  id: string;
  /** Role keys as the callout shows them, in order (unknown ones included). */
  roles: string[];
  area: string;
  title: string;
  /** The page whose table row it links to (its own, or the page it is rendered on). */
  page: string;
  /** Whether the table lists it (`false`: invalid, or on an unlisted page). */
  listed: boolean;
}

/** The attribute's name. */
export const CALLOUT_DATA_ATTRIBUTE = 'data-role-callout';

/** `data` as the attribute's value. */
export function encodeCalloutData({id, roles, area, title, page, listed}: CalloutData): string {
  const bytes = new TextEncoder().encode(JSON.stringify([id, roles, area, title, page, listed ? 1 : 0]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // base64url (RFC 4648 §5), without padding.
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The attribute's value read back; `undefined` when it is not one this module wrote. */
export function decodeCalloutData(text: string): CalloutData | undefined {
  if (!/^[\w-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    const [id, roles, area, title, page, listed] = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes)) as unknown[];
    if (
      typeof id !== 'string' ||
      !Array.isArray(roles) ||
      !roles.every((role) => typeof role === 'string') ||
      typeof area !== 'string' ||
      typeof title !== 'string' ||
      typeof page !== 'string'
    ) {
      return undefined;
    }
    return {id, roles: roles as string[], area, title, page, listed: listed === 1};
  } catch {
    return undefined;
  }
}
