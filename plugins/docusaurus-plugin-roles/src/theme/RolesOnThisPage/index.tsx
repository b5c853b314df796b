/**
 * "Roles on this page": a short navigation box listing, role by role, the
 * duties annotated on the current doc, with links to their callouts and to
 * the site-wide comparison table. The remark plugin fills `duties` from the
 * page's annotations; authors may also place `<RolesOnThisPage />` by hand.
 */
import {useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, RolesInstance, useDutyCount, useRolesData, useTablePath} from '@theme/RolesUtils';
import type {Duty, Props} from '@theme/RolesOnThisPage';

import styles from './styles.module.css';

/** One role and its duties on the page, in page order. */
interface RoleGroup {
  key: string;
  duties: Duty[];
}

/**
 * Groups the duties by role: configured roles in configured order, then any
 * key the configuration lacks (first-seen order), so nothing goes missing.
 * A shared duty appears under each of its roles.
 */
function groupByRole(duties: readonly Duty[], configured: readonly string[]): RoleGroup[] {
  const keys = [...new Set([...configured, ...duties.flatMap((duty) => duty.roles)])];
  return keys
    .map((key) => ({key, duties: duties.filter((duty) => duty.roles.includes(key))}))
    .filter((group) => group.duties.length > 0);
}

/** Renders the summary, or nothing when the page has no duties. */
export default function RolesOnThisPage({instance, ...props}: Props): ReactNode {
  return (
    <RolesInstance instance={instance}>
      <Summary {...props} />
    </RolesInstance>
  );
}

/** The summary, inside its plugin instance. */
function Summary({duties = [], className}: Omit<Props, 'instance'>): ReactNode {
  const {roles} = useRolesData();
  // The table page of the docs version this page belongs to.
  const tablePath = useTablePath();
  const dutyCount = useDutyCount();
  const id = useId();
  const groups = useMemo(
    () =>
      groupByRole(
        duties,
        roles.map((role) => role.key),
      ),
    [duties, roles],
  );
  if (groups.length === 0) {
    return null;
  }
  const titleId = `${id}-title`;
  return (
    <nav className={clsx(RolesClassNames.summary.container, styles.summary, className)} aria-labelledby={titleId}>
      {/* Not a heading: the summary must not add an entry to the page's table of contents. */}
      <p id={titleId} className={clsx(RolesClassNames.summary.title, styles.title)}>
        <Translate id="theme.roles.summary.title" description="Title of the box listing the roles' duties on a doc page">
          Roles on this page
        </Translate>
      </p>
      <div className={styles.groups}>
        {groups.map((group, index) => {
          const labelId = `${id}-role-${index}`;
          return (
            <div key={group.key} className={clsx(RolesClassNames.summary.role(group.key), styles.group)}>
              <p id={labelId} className={styles.roleName}>
                <RoleBadge roleKey={group.key} />
                <span className={styles.count}>{dutyCount(group.duties.length)}</span>
              </p>
              <ul className={styles.duties} aria-labelledby={labelId}>
                {group.duties.map((duty) => (
                  <li key={duty.id}>
                    <Link to={`#${duty.id}`}>{duty.title}</Link>
                    {duty.roles.length > 1 && (
                      <>
                        {' '}
                        <span className={styles.shared}>
                          <Translate
                            id="theme.roles.summary.shared"
                            description="Marker, in the page summary, of a duty shared by several roles">
                            (shared)
                          </Translate>
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {tablePath !== null && (
        <p className={styles.tableLink}>
          <Link to={tablePath} className={RolesClassNames.summary.tableLink}>
            <Translate
              id="theme.roles.summary.tableLink"
              description="Link from the page summary of roles to the comparison table">
              See every duty in the comparison table
            </Translate>
          </Link>
        </p>
      )}
    </nav>
  );
}
