/**
 * Look-ups over the configured roles and areas: alias resolution and the
 * "expected … did you mean …" parts of error messages.
 */
import leven from 'leven';
import type {RolesConfig} from '../types.js';

/** Resolves what authors write in `of=` and `area=` to canonical keys. */
export interface RolesLookup {
  readonly config: RolesConfig;
  /** Canonical role key for a key or alias, or `undefined`. */
  role(name: string): string | undefined;
  /** Whether an area key exists. */
  hasArea(name: string): boolean;
  /** Position of a role in the configured order (for sorting). */
  roleOrder(key: string): number;
}

const lookups = new WeakMap<RolesConfig, RolesLookup>();

/** Build (once per config object) the look-up tables for a config. */
export function createLookup(config: RolesConfig): RolesLookup {
  const cached = lookups.get(config);
  if (cached) return cached;
  const roleByName = new Map<string, string>();
  const order = new Map<string, number>();
  config.roles.forEach((role, index) => {
    order.set(role.key, index);
    roleByName.set(role.key, role.key);
    for (const alias of role.aliases) roleByName.set(alias, role.key);
  });
  const areaKeys = new Set(config.areas.map((area) => area.key));
  const lookup: RolesLookup = {
    config,
    role: (name) => roleByName.get(name),
    hasArea: (name) => areaKeys.has(name),
    roleOrder: (key) => order.get(key) ?? Number.MAX_SAFE_INTEGER,
  };
  lookups.set(config, lookup);
  return lookup;
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const distance = leven(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the word, at least 1 and at most 3 edits: `radiolgist` yes,
  // `pharmacist` for `radiologist` no.
  const limit = Math.min(3, Math.max(1, Math.floor(value.length / 3)));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** `expected one of: a, b (aliases: c, d)` for unknown-role messages. */
export function expectedRoles(config: RolesConfig): string {
  const keys = config.roles.map((role) => role.key).join(', ');
  const aliases = config.roles.flatMap((role) => role.aliases);
  return `expected one of: ${keys}${aliases.length > 0 ? ` (aliases: ${aliases.join(', ')})` : ''}`;
}

/** `expected one of: a, b` for unknown-area messages. */
export function expectedAreas(config: RolesConfig): string {
  return `expected one of: ${config.areas.map((area) => area.key).join(', ')}`;
}

/** Every name that resolves to a role: keys then aliases. */
export function roleNames(config: RolesConfig): string[] {
  return config.roles.flatMap((role) => [role.key, ...role.aliases]);
}
