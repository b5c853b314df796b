/**
 * Audiences in the table: which duties a table shows by default (a journey
 * or a handout is for patients), and whether a duty is for an audience.
 */
import type {AudienceInfo, RoleEntry} from 'docusaurus-plugin-roles';

/** The `audience` prop: a key, keys, or `'all'`. */
export type AudienceProp = string | readonly string[] | undefined;

/**
 * The audience keys a table keeps, or `null` for every duty. Without the
 * prop, a handout or a journey (rows are pages) keeps the duties of the
 * plain-language audiences, any other table every duty.
 */
export function audienceScope(
  prop: AudienceProp,
  {handout, groupBy}: {handout: boolean; groupBy: string},
  audiences: readonly AudienceInfo[],
): readonly string[] | null {
  if (prop === 'all') return null;
  if (typeof prop === 'string') return [prop];
  if (prop !== undefined) return prop;
  if (!handout && groupBy !== 'page') return null;
  const plain = audiences.filter((audience) => audience.plainLanguage).map((audience) => audience.key);
  return plain.length > 0 ? plain : null;
}

/** Whether a duty is for one of the keys (a duty of older data, without `audience`, is for everyone). */
export function inAudience(entry: RoleEntry, keys: readonly string[] | null): boolean {
  if (keys === null) return true;
  const audience = entry.audience as readonly string[] | undefined;
  return audience === undefined || audience.some((key) => keys.includes(key));
}
