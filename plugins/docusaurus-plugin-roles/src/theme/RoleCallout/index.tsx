/**
 * The callout a `:::role[Title]{of=… area=…}` directive becomes: who does the
 * duty, in which area, the duty itself, and a link to its row in the table.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {useLocation} from '@docusaurus/router';
import Translate from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import RoleHandoffs from '@theme/RoleHandoffs';
import RoleProvenance from '@theme/RoleProvenance';
import {
  RolesClassNames,
  RolesInstance,
  roleColor,
  useRolesData,
  useTablePath,
  useTargetId,
  visuallyHiddenClassName,
  type CSSVariables,
} from '@theme/RolesUtils';
import type {Props} from '@theme/RoleCallout';
import {encodeCalloutData, tableRowId} from 'docusaurus-plugin-roles/client';

import styles from './styles.module.css';

/** Splits the `roles` prop, dropping blanks and repeats but keeping order. */
function parseRoles(roles: string): string[] {
  return [...new Set(roles.split(/\s+/).filter(Boolean))];
}

/** Role badges, "Shared duty" when several roles do it, and the area. */
function CalloutMeta({roleKeys, area}: {roleKeys: string[]; area: string}): ReactNode {
  const {areas} = useRolesData();
  const areaLabel = areas.find((candidate) => candidate.key === area)?.label ?? area;
  return (
    <div className={styles.meta}>
      {roleKeys.map((key) => (
        <RoleBadge key={key} roleKey={key} />
      ))}
      {roleKeys.length > 1 && (
        // Said in words, not only shown by two badges or two colours.
        <span className={styles.shared}>
          <Translate id="theme.roles.callout.shared" description="Marks a duty done by several roles">
            Shared duty
          </Translate>
        </span>
      )}
      {areaLabel && (
        <span className={styles.area}>
          <span className={visuallyHiddenClassName}>
            <Translate
              id="theme.roles.callout.areaPrefix"
              description="Hidden label read before the area name of a role callout">
              Area:
            </Translate>{' '}
          </span>
          {areaLabel}
        </span>
      )}
    </div>
  );
}

/** Link to this duty's row in the comparison table. */
function CompareLink({href, titleId}: {href: string; titleId: string}): ReactNode {
  return (
    <div className={clsx(RolesClassNames.callout.footer, styles.footer, styles.noPrint)}>
      {/* Every callout has this same link text; the description names the duty. */}
      <Link to={href} aria-describedby={titleId} className={RolesClassNames.callout.compareLink}>
        <Translate
          id="theme.roles.callout.compare"
          description="Link from a role callout to its row in the comparison table">
          Compare in the table
        </Translate>
        <span aria-hidden="true"> →</span>
      </Link>
    </div>
  );
}

/**
 * Renders one role annotation as an `<aside>` named by its title, anchored
 * at `id` so the table can link back to it.
 */
export default function RoleCallout({instance, ...props}: Props): ReactNode {
  return (
    <RolesInstance instance={instance}>
      <Callout {...props} />
    </RolesInstance>
  );
}

/** The callout, inside its plugin instance. */
function Callout({
  id,
  roles,
  area,
  title,
  page,
  unlisted = false,
  citation,
  reviewed,
  handoffs,
  children,
}: Omit<Props, 'instance'>): ReactNode {
  const data = useRolesData();
  // The table page of the docs version this page belongs to.
  const tablePath = useTablePath();
  const {pathname} = useLocation();
  const targetId = useTargetId();
  // Registers the anchor with Docusaurus's broken-anchor check, so a table
  // link to a callout that is not on its page fails the build.
  useBrokenLinks().collectAnchor(id);
  const roleKeys = parseRoles(roles);
  const titleId = `${id}-title`;
  const firstRole = roleKeys[0] ?? '';
  // Two accents so a shared duty's stripe shows both roles' colours.
  const style: CSSVariables = {
    '--role-callout-accent': roleColor(data.roles, firstRole),
    '--role-callout-accent-2': roleColor(data.roles, roleKeys[1] ?? firstRole),
  };
  // An unlisted annotation (invalid, or on an unlisted page) has no row to
  // compare with. The row is keyed by the callout's own page, which is not
  // the URL's on a blog list page that shows the whole post.
  const compareHref =
    !unlisted && tablePath !== null ? `${tablePath}#${tableRowId(page ?? pathname, id)}` : undefined;
  // What the check after the build compares with the table (invisible).
  const witness = encodeCalloutData({id, roles: roleKeys, area, title, page: page ?? pathname, listed: !unlisted});
  return (
    <aside
      id={id}
      data-role-callout={witness}
      aria-labelledby={titleId}
      style={style}
      className={clsx(
        RolesClassNames.callout.container,
        roleKeys.map(RolesClassNames.callout.role),
        roleKeys.length > 1 && RolesClassNames.callout.shared,
        styles.callout,
        targetId === id && [RolesClassNames.callout.target, styles.targeted],
      )}>
      <header className={styles.header}>
        <CalloutMeta roleKeys={roleKeys} area={area} />
        <p id={titleId} className={clsx(RolesClassNames.callout.title, styles.title)}>
          {title}
        </p>
      </header>
      {children ? <div className={clsx(RolesClassNames.callout.body, styles.body)}>{children}</div> : null}
      {handoffs && <RoleHandoffs {...handoffs} />}
      <RoleProvenance citation={citation} reviewed={reviewed} />
      {compareHref && <CompareLink href={compareHref} titleId={titleId} />}
    </aside>
  );
}
