/**
 * The page at the plugin's `tablePath` route: a title, the roles explained,
 * and the comparison table of every duty of the site.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {HtmlClassNameProvider, PageMetadata} from '@docusaurus/theme-common';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {useLocation} from '@docusaurus/router';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import RoleBadge from '@theme/RoleBadge';
import RoleComparisonTable from '@theme/RoleComparisonTable';
import {RolesClassNames, RolesInstance, useRolesData} from '@theme/RolesUtils';
import type {Props} from '@theme/RolesPage';
import type {RolesTablePageLink} from 'docusaurus-plugin-roles';
import {normalizePagePath} from 'docusaurus-plugin-roles/client';

import styles from './styles.module.css';

/** What the table is, then each role with its description. */
function RolesIntro(): ReactNode {
  const {roles} = useRolesData();
  return (
    <>
      <p>
        <Translate id="theme.roles.page.intro" description="Introduction of the roles comparison page">
          Every duty described on this site: each column is a role, each row an area of work (or, with Group by, a
          page or a section), and each duty links to the page that explains it.
        </Translate>
      </p>
      {roles.length > 0 && (
        <ul className={styles.roles}>
          {roles.map((role) => (
            <li key={role.key} className={styles.role}>
              <RoleBadge roleKey={role.key} />
              {role.description && <span className={styles.roleDescription}>{role.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The docs versions, when there are several: this page's named, the others'
 * table pages linked, as the docs' own version menu does.
 */
function VersionMenu({versions}: {versions: readonly RolesTablePageLink[]}): ReactNode {
  const {pathname} = useLocation();
  if (versions.length < 2) return null;
  const current = versions.find((version) => normalizePagePath(version.path) === normalizePagePath(pathname))?.path;
  return (
    <nav
      className={clsx(RolesClassNames.versions, styles.versions)}
      aria-label={translate({
        id: 'theme.roles.page.versions',
        description: 'Accessible name of the links to the table page of each docs version',
        message: 'Docs versions',
      })}>
      <span className={styles.versionsLabel} aria-hidden="true">
        <Translate id="theme.roles.page.versionsLabel" description="Label before the links to the table page of each docs version">
          Docs version:
        </Translate>
      </span>
      <ul className={styles.versionList}>
        {versions.map((version) => (
          <li key={version.path}>
            {version.path === current ? (
              <span aria-current="page" className={styles.versionCurrent}>
                {version.label}
              </span>
            ) : (
              <Link to={version.path}>{version.label}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Renders the comparison page for every entry of the site. Its title and
 * description are options (`tableTitle`, `tableDescription`), translated
 * with the plugin's labels in `i18n/<locale>/docusaurus-plugin-roles/`.
 */
export default function RolesPage({entries, metadata: {title, description, versions = [], instance}}: Props): ReactNode {
  return (
    <RolesInstance instance={instance}>
      <HtmlClassNameProvider className={RolesClassNames.page.container}>
        <PageMetadata title={title} description={description} />
        <Layout>
          <main className="container margin-vert--lg">
            <header className="margin-bottom--lg">
              <Heading as="h1">{title}</Heading>
              <RolesIntro />
              <VersionMenu versions={versions} />
            </header>
            {/* The page keeps the filters in the URL: shareable, reloadable, and back/forward undo them.
                Its entries are its docs version's already (one page per version): show them all. */}
            <RoleComparisonTable entries={entries} version="all" syncWithUrl />
          </main>
        </Layout>
      </HtmlClassNameProvider>
    </RolesInstance>
  );
}
