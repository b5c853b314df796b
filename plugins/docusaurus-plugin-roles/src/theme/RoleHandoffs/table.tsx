/**
 * A duty's handoffs in the comparison table (`@theme/RoleComparisonTable`), after its text: what it comes after and
 * what it hands over to, each linked to its callout with its role. The
 * entries carry the other ends as `permalink#id` keys; `HandoffIndex` finds
 * them among every entry the table was given.
 */
import {createContext, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import {RolesClassNames} from '@theme/RolesUtils';
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {DUTY_LINK_ATTRIBUTE} from '@theme/RoleComparisonTable/links';

import styles from './styles.module.css';

/** Every entry the table was given, by `permalink#id`. */
export const HandoffIndex = createContext<ReadonlyMap<string, RoleEntry>>(new Map());

/** The other ends, linked, with their roles: "Reads the images (Radiologist)". */
function ends(
  keys: readonly string[],
  index: ReadonlyMap<string, RoleEntry>,
  labels: ReadonlyMap<string, string>,
  collect: ((href: string) => void) | undefined,
): ReactNode[] {
  return keys.map((key, at) => {
    const other = index.get(key);
    collect?.(key);
    const roles = other?.roles.map((role) => labels.get(role) ?? role).join(', ');
    const title = other?.title ?? key;
    return (
      <span key={key}>
        {at > 0 && ', '}
        {collect ? (
          <a href={key} {...{[DUTY_LINK_ATTRIBUTE]: ''}}>
            {title}
          </a>
        ) : (
          <Link to={key}>{title}</Link>
        )}
        {roles && <span className={styles.tableRole}> ({roles})</span>}
      </span>
    );
  });
}

/**
 * The handoffs of one duty, or nothing. A plain function, like the table's
 * `dutyText`: a large table holds thousands of duties. With `collect`, the
 * links are plain anchors (the table's delegated navigation handles them)
 * registered with Docusaurus's broken-link check; without it, `<Link>`s
 * (the hash router).
 */
export function dutyHandoffs(
  entry: RoleEntry,
  index: ReadonlyMap<string, RoleEntry>,
  labels: ReadonlyMap<string, string>,
  collect: ((href: string) => void) | undefined,
): ReactNode {
  const follows = entry.follows ?? [];
  const handsTo = entry.handsTo ?? [];
  if (follows.length === 0 && handsTo.length === 0) return null;
  return (
    <p className={clsx(RolesClassNames.handoffs.table, styles.tableHandoffs)}>
      {follows.length > 0 && (
        <span className={styles.tableGroup}>
          <span className={styles.tableLabel}>
            {translate({
              id: 'theme.roles.table.follows',
              description: 'In the roles table, before the duties a duty comes after',
              message: 'Comes after:',
            })}
          </span>{' '}
          {ends(follows, index, labels, collect)}
        </span>
      )}
      {handsTo.length > 0 && (
        <span className={styles.tableGroup}>
          <span className={styles.tableLabel}>
            {translate({
              id: 'theme.roles.table.handsTo',
              description: 'In the roles table, before the duties a duty hands its work over to',
              message: 'Hands over to:',
            })}
          </span>{' '}
          {ends(handsTo, index, labels, collect)}
        </span>
      )}
    </p>
  );
}
