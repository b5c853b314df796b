/**
 * The staff's "due for review" view of the table page (`?view=review`): the
 * duties whose review is overdue, due soon or missing, most urgent first,
 * with their owner, last review and source, so a team can plan its reviews.
 * Shown only once hydrated, with the reader's own date.
 */
import {useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {useReviewDateFormat} from '@theme/RoleProvenance/date';
import type {Props} from '@theme/RoleReviewList';
import {useListFormat} from '@theme/RolesUtils';
import {reviewStatus, sourceHref, type ReviewStatus} from 'docusaurus-plugin-roles/client';

import styles from './styles.module.css';

/** Stable class names of the view, for site CSS. */
const CLASS_NAMES = {
  container: 'theme-role-review',
  row: (status: ReviewStatus): string => `theme-role-review--${status}`,
} as const;

const ORDER: Record<ReviewStatus, number> = {overdue: 0, 'due-soon': 1, missing: 2, current: 3};

/** The status in words. */
function statusLabel(status: ReviewStatus): string {
  switch (status) {
    case 'overdue':
      return translate({id: 'theme.roles.review.overdue', description: 'Review status of a duty whose review date has passed', message: 'Overdue'});
    case 'due-soon':
      return translate({id: 'theme.roles.review.dueSoon', description: 'Review status of a duty whose review falls due soon', message: 'Due soon'});
    case 'missing':
      return translate({id: 'theme.roles.review.missing', description: 'Review status of a duty with no review date', message: 'Never reviewed'});
    default:
      return translate({id: 'theme.roles.review.current', description: 'Review status of a duty reviewed within its cycle', message: 'Current'});
  }
}

/** The duties due for review as a table, most urgent first. */
export default function RoleReviewList({entries, today, dueSoonDays, labels}: Props): ReactNode {
  const formatDate = useReviewDateFormat();
  const formatList = useListFormat();
  const captionId = useId();
  const rows = useMemo(
    () =>
      entries
        .map((entry) => ({entry, status: reviewStatus(entry.reviewDue ?? null, today, dueSoonDays)}))
        .filter(({status}) => status !== 'current')
        .sort(
          (a, b) =>
            ORDER[a.status] - ORDER[b.status] || (a.entry.reviewDue ?? '').localeCompare(b.entry.reviewDue ?? ''),
        ),
    [entries, today, dueSoonDays],
  );
  if (rows.length === 0) {
    return (
      <p className={clsx(CLASS_NAMES.container, styles.empty)}>
        <Translate id="theme.roles.review.none" description="Shown in the review view when no duty is due for review">
          No duty is due for review: every duty shown was reviewed within its cycle.
        </Translate>
      </p>
    );
  }
  return (
    <div className={styles.wrapper} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={clsx(CLASS_NAMES.container, styles.table)}>
        <caption id={captionId} className={styles.caption}>
          <Translate
            id="theme.roles.review.caption"
            description="Caption of the review view; {today} is the date the view counts from"
            values={{today: formatDate(today)}}>
            {'Duties due for review, most urgent first (today: {today})'}
          </Translate>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="theme.roles.review.status" description="Column header of the review view: the review status">
                Status
              </Translate>
            </th>
            <th scope="col">
              <Translate id="theme.roles.review.due" description="Column header of the review view: the date the next review is due">
                Review due
              </Translate>
            </th>
            <th scope="col">
              <Translate id="theme.roles.review.duty" description="Column header of the review view: the duty">
                Duty
              </Translate>
            </th>
            <th scope="col">
              <Translate id="theme.roles.review.owner" description="Column header of the review view: who answers for the duty's text">
                Owner
              </Translate>
            </th>
            <th scope="col">
              <Translate id="theme.roles.review.reviewed" description="Column header of the review view: the date of the last review">
                Last reviewed
              </Translate>
            </th>
            <th scope="col">
              <Translate id="theme.roles.review.source" description="Column header of the review view: the duty's source">
                Source
              </Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({entry, status}) => {
            const href = entry.citation ? sourceHref(entry.citation) : undefined;
            return (
              <tr key={`${entry.permalink}#${entry.id}`} className={clsx(CLASS_NAMES.row(status), styles[status])}>
                <td>
                  <span className={styles.status}>{statusLabel(status)}</span>
                </td>
                <td>{entry.reviewDue ? <time dateTime={entry.reviewDue}>{formatDate(entry.reviewDue)}</time> : '–'}</td>
                <th scope="row">
                  <a href={`${entry.permalink}#${entry.id}`}>{entry.title}</a>
                  <span className={styles.roles}>{formatList(entry.roles.map((key) => labels.get(key) ?? key))}</span>
                </th>
                <td>{entry.owner ?? '–'}</td>
                <td>{entry.reviewed ? <time dateTime={entry.reviewed}>{formatDate(entry.reviewed)}</time> : '–'}</td>
                <td className={styles.source}>
                  {entry.citation ? href ? <a href={href}>{entry.citation}</a> : entry.citation : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
