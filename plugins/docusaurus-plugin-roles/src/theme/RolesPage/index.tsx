/**
 * The page at the plugin's `tablePath` route: a title, the roles explained,
 * and the comparison table of every duty of the site.
 */
import type {ReactNode} from 'react';
import {HtmlClassNameProvider, PageMetadata} from '@docusaurus/theme-common';
import Translate, {translate} from '@docusaurus/Translate';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import RoleBadge from '@theme/RoleBadge';
import RoleComparisonTable from '@theme/RoleComparisonTable';
import {RolesClassNames, useRolesData} from '@theme/RolesUtils';
import type {Props} from '@theme/RolesPage';

import styles from './styles.module.css';

/** What the table is, then each role with its description. */
function RolesIntro(): ReactNode {
  const {roles} = useRolesData();
  return (
    <>
      <p>
        <Translate id="theme.roles.page.intro" description="Introduction of the roles comparison page">
          Every duty described in these docs: each column is a role, each row an area of work (or, with Group by, a
          page or a section of the docs), and each duty links to its place in the docs.
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

/** Renders the comparison page for every entry of the site. */
export default function RolesPage({entries}: Props): ReactNode {
  const title = translate({
    id: 'theme.roles.page.title',
    description: 'Title of the roles comparison page',
    message: 'Who does what',
  });
  const description = translate({
    id: 'theme.roles.page.description',
    description: 'Meta description of the roles comparison page',
    message: 'Every duty described in these docs, compared role by role and area by area.',
  });
  return (
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
  );
}
