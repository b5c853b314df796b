/**
 * The handout's footer, printed only: the site's name and the page's full
 * address (so a reader of the paper finds it again), then a note (the
 * `handoutNote` option, translated, or a `note` prop): a disclaimer such as
 * "not medical advice", a phone number.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {useLocation} from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {RolesClassNames, useRolesData} from '@theme/RolesUtils';

import styles from './styles.module.css';

/** The footer: the site and the page's address, then the note when there is one. */
export default function HandoutFooter({note}: {note?: ReactNode}): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const {pathname} = useLocation();
  const {handoutNote} = useRolesData();
  const shownNote = note ?? (handoutNote || undefined);
  return (
    <footer className={clsx(RolesClassNames.handout.footer, styles.footer)}>
      <p className={styles.site}>
        {siteConfig.title} · {siteConfig.url.replace(/\/+$/, '')}
        {pathname}
      </p>
      {shownNote !== undefined && <p className={styles.note}>{shownNote}</p>}
    </footer>
  );
}
