/**
 * A table entry for unit tests: what the test is about, given; every other
 * field as a plain duty has it (a docs page of the default instance, no
 * section, provenance or handoffs, for every audience).
 */
import type {RoleEntry} from '../../plugins/docusaurus-plugin-roles/src/types.js';

/** The fields each test names: who, what and where. */
type Named = Pick<RoleEntry, 'id' | 'roles' | 'area' | 'title' | 'text' | 'permalink' | 'source' | 'line' | 'pageTitle' | 'pagePosition'>;

/** An entry with `fields`, the rest as a plain duty has them. */
export function roleEntry(fields: Named & Partial<RoleEntry>): RoleEntry {
  return {
    kind: 'docs',
    pluginId: 'default',
    version: 'current',
    categories: [],
    sectionId: null,
    sectionTitle: null,
    column: 1,
    citation: null,
    owner: null,
    reviewed: null,
    reviewDue: null,
    audience: ['patient', 'staff'],
    follows: [],
    handsTo: [],
    ...fields,
  };
}
