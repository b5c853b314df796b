/**
 * What comes before a duty and what it hands over to, under its callout:
 * each other duty with its role and a link to its callout, so a reader
 * follows the work from one person to the next.
 */
import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames} from '@theme/RolesUtils';
import type {Props} from '@theme/RoleHandoffs';
import type {HandoffSide} from 'docusaurus-plugin-roles';

import styles from './styles.module.css';

/** One other duty: its role, its title as a link, and its page when it is another one. */
function Side({side}: {side: HandoffSide}): ReactNode {
  return (
    <li className={styles.side}>
      {side.roles.map((key) => (
        <RoleBadge key={key} roleKey={key} className={styles.badge} />
      ))}{' '}
      <span>
        <Link to={side.href}>{side.title}</Link>
        {side.pageTitle !== null && (
          <span className={styles.page}>
            {' '}
            <Translate
              id="theme.roles.handoffs.onPage"
              description="After a duty a callout links to, when it is on another page: the page's title"
              values={{page: side.pageTitle}}>
              {'(on {page})'}
            </Translate>
          </span>
        )}
      </span>
    </li>
  );
}

/** "Comes after" or "Hands over to", and its duties. */
function Group({label, sides, className}: {label: ReactNode; sides: readonly HandoffSide[]; className: string}): ReactNode {
  const labelId = useId();
  return (
    <div className={clsx(className, styles.group)}>
      <p id={labelId} className={styles.label}>
        {label}
      </p>
      <ul aria-labelledby={labelId} className={styles.list}>
        {sides.map((side) => (
          <Side key={side.href} side={side} />
        ))}
      </ul>
    </div>
  );
}

/** Renders nothing when the duty has no handoff. */
export default function RoleHandoffs({follows = [], handsTo = [], className}: Props): ReactNode {
  if (follows.length === 0 && handsTo.length === 0) return null;
  return (
    <div className={clsx(RolesClassNames.handoffs.container, styles.handoffs, className)}>
      {follows.length > 0 && (
        <Group
          className={RolesClassNames.handoffs.follows}
          sides={follows}
          label={
            <Translate
              id="theme.roles.handoffs.follows"
              description="Label of the duties a role callout comes after (the work handed over to it)">
              Comes after
            </Translate>
          }
        />
      )}
      {handsTo.length > 0 && (
        <Group
          className={RolesClassNames.handoffs.handsTo}
          sides={handsTo}
          label={
            <Translate
              id="theme.roles.handoffs.handsTo"
              description="Label of the duties a role callout hands its work over to">
              Hands over to
            </Translate>
          }
        />
      )}
    </div>
  );
}
