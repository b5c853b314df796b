/**
 * The page at the plugin's `tablePath` route: a title, the roles explained,
 * and the comparison table of every duty of the site.
 */
import type {ReactNode} from 'react';
import {HtmlClassNameProvider, PageMetadata} from '@docusaurus/theme-common';
import Translate from '@docusaurus/Translate';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import RoleBadge from '@theme/RoleBadge';
import RoleComparisonTable from '@theme/RoleComparisonTable';
import {RolesClassNames, RolesInstance, useRolesData} from '@theme/RolesUtils';
import type {Props} from '@theme/RolesPage';

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
 * Renders the comparison page for every entry of the site. Its title and
 * description are options (`tableTitle`, `tableDescription`), translated
 * with the plugin's labels in `i18n/<locale>/docusaurus-plugin-roles/`.
 */
export default function RolesPage({entries, metadata: {title, description, instance}}: Props): ReactNode {
  return (
    <RolesInstance instance={instance}>
      <HtmlClassNameProvider className={RolesClassNames.page.container}>
        <PageMetadata title={title} description={description} />
        <Layout>
          <main className="container margin-vert--lg">
            <header className="margin-bottom--lg">
              <Heading as="h1">{title}</Heading>
              <RolesIntro />
            </header>
            {/* The page keeps the filters in the URL: shareable, reloadable, and back/forward undo them. */}
            <RoleComparisonTable entries={entries} syncWithUrl />
          </main>
        </Layout>
      </HtmlClassNameProvider>
    </RolesInstance>
  );
}
