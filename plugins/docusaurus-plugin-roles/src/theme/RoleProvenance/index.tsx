/**
 * Where a duty comes from and when it was last reviewed, in one small line
 * under a callout or a duty's text in the table: "Source: ACR–AAPM
 * Technical Standard · Reviewed 14 March 2025". A source written as a URL
 * is a link; printed, the address is shown in full.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import {useReviewDateFormat} from '@theme/RoleProvenance/date';
import type {Props} from '@theme/RoleProvenance';
import {sourceHref} from 'docusaurus-plugin-roles/client';

import styles from './styles.module.css';

/** Stable class names of the line, for site CSS. */
const CLASS_NAMES = {
  container: 'theme-role-provenance',
  source: 'theme-role-provenance-source',
  reviewed: 'theme-role-provenance-reviewed',
} as const;

/** A URL as a reader scans it: without `https://` and a trailing slash. */
function shownUrl(href: string): string {
  return href.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** The source: a link when it is a URL, else the citation as written. */
function Source({citation}: {citation: string}): ReactNode {
  const href = sourceHref(citation);
  return (
    <span className={CLASS_NAMES.source}>
      <Translate id="theme.roles.provenance.source" description="Label before the source (citation or link) of a duty">
        Source:
      </Translate>{' '}
      {href ? (
        <a href={href} className={styles.link} rel="noopener noreferrer" target="_blank">
          {shownUrl(href)}
        </a>
      ) : (
        <cite className={styles.citation}>{citation}</cite>
      )}
    </span>
  );
}

/** Renders the source and the review date of a duty; nothing when it has neither. */
export default function RoleProvenance({citation, reviewed, className}: Props): ReactNode {
  const formatDate = useReviewDateFormat();
  if (!citation && !reviewed) return null;
  return (
    <p className={clsx(CLASS_NAMES.container, styles.provenance, className)}>
      {citation && <Source citation={citation} />}
      {reviewed && (
        <span className={clsx(CLASS_NAMES.reviewed, citation && styles.separated)}>
          <Translate
            id="theme.roles.provenance.reviewed"
            description="When a duty's text was last reviewed; {date} is the date, written out in the site's language"
            values={{date: <time dateTime={reviewed}>{formatDate(reviewed)}</time>}}>
            {'Reviewed {date}'}
          </Translate>
        </span>
      )}
    </p>
  );
}
