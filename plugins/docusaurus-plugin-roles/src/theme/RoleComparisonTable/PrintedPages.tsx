/**
 * For paper: the pages the table's duties come from, numbered, each with its
 * title and full address. Each duty (or page row) prints its page's number,
 * like a footnote, instead of a bare site path. Not shown on screen.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {RolesClassNames} from '@theme/RolesUtils';
import type {RoleEntry} from 'docusaurus-plugin-roles';

import styles from './styles.module.css';

/** Each page's number (1-based, in the entries' reading order), by permalink. */
export function numberPages(entries: readonly RoleEntry[]): Map<string, number> {
  const refs = new Map<string, number>();
  for (const entry of entries) if (!refs.has(entry.permalink)) refs.set(entry.permalink, refs.size + 1);
  return refs;
}

/** The numbered list of pages, with their titles and full addresses. */
export function PrintedPages({entries, pageRefs}: {entries: readonly RoleEntry[]; pageRefs: ReadonlyMap<string, number>}): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const origin = siteConfig.url.replace(/\/+$/, '');
  const titles = new Map<string, string>();
  for (const entry of entries) if (!titles.has(entry.permalink)) titles.set(entry.permalink, entry.pageTitle);
  return (
    <section className={clsx(RolesClassNames.table.printedPages, styles.printedPages)}>
      <p className={styles.printedPagesTitle}>
        <Translate
          id="theme.roles.table.printedPages"
          description="Heading, on the printed roles table, of the numbered list of the pages its duties come from">
          Where each duty is explained
        </Translate>
      </p>
      <ol>
        {[...pageRefs].map(([permalink, number]) => (
          <li key={permalink} value={number}>
            {titles.get(permalink)} — {origin}
            {permalink}
          </li>
        ))}
      </ol>
    </section>
  );
}
