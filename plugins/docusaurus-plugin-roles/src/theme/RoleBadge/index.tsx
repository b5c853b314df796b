/**
 * A role's name with a coloured dot: used by the callouts, the table header
 * and the table page, so a role looks the same everywhere.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {RolesClassNames, roleColor, useRolesData, type CSSVariables} from '@theme/RolesUtils';
import type {Props} from '@theme/RoleBadge';

import styles from './styles.module.css';

/**
 * Shows the label of the role `roleKey`, or the raw key (marked as unknown)
 * when the site has no such role, so an author's typo stays visible.
 */
export default function RoleBadge({roleKey, className}: Props): ReactNode {
  const {roles} = useRolesData();
  const role = roles.find((candidate) => candidate.key === roleKey);
  // The colour goes on a dot, never behind the text, so the label keeps the
  // base text colour and its contrast in light and dark mode.
  const style: CSSVariables = {'--role-color': roleColor(roles, roleKey)};
  return (
    <span
      className={clsx(
        RolesClassNames.badge.container,
        RolesClassNames.badge.role(roleKey),
        !role && RolesClassNames.badge.unknown,
        styles.badge,
        !role && styles.unknown,
        className,
      )}
      style={style}
      title={
        role
          ? undefined
          : translate(
              {
                id: 'theme.roles.badge.unknown',
                description: 'Tooltip of a role badge whose key is not configured',
                message: 'Unknown role: {key}',
              },
              {key: roleKey},
            )
      }>
      <span className={styles.dot} aria-hidden="true" />
      {role?.label ?? roleKey}
    </span>
  );
}
