/**
 * One duty in a cell of the table: its title is the control that opens its
 * text (a native disclosure), and the link to its callout is inside. One Tab
 * stop per duty (two once it is open), one large target to tap, and the text
 * read in place.
 */
import {memo, useContext, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import Translate, {translate} from '@docusaurus/Translate';
import RoleProvenance from '@theme/RoleProvenance';
import {HandoffIndex, dutyHandoffs} from '@theme/RoleHandoffs/table';
import {RolesClassNames, useListFormat} from '@theme/RolesUtils';
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {tableRowId} from 'docusaurus-plugin-roles/client';
import {splitLead, textAfterTitle} from '@theme/RoleComparisonTable/lead';
import {DUTY_LINK_ATTRIBUTE} from '@theme/RoleComparisonTable/links';

import styles from './styles.module.css';

/** What a printed handout keeps of each duty: its title and first sentence, or its title. */
export type HandoutDetail = 'lead' | 'titles';

/** "Shared" marker of a duty done by several roles: text, not colour only. */
function SharedMarker({entry, labels}: {entry: RoleEntry; labels: ReadonlyMap<string, string>}): ReactNode {
  const formatList = useListFormat();
  return (
    <span
      className={clsx(RolesClassNames.table.shared, styles.shared)}
      title={translate(
        {
          id: 'theme.roles.table.sharedWith',
          description: 'Tooltip of the "Shared" marker: the roles that share the duty',
          message: 'Shared by {roles}',
        },
        {roles: formatList(entry.roles.map((key) => labels.get(key) ?? key))},
      )}>
      <Translate id="theme.roles.table.shared" description="Marker of a duty shared by several roles">
        Shared
      </Translate>
    </span>
  );
}

/**
 * The page a duty comes from, for groupings whose rows do not say it. A plain
 * function, not a component: a large table holds thousands of duties, and
 * each component would be one more fiber to mount. `data-ref` is the page's
 * number in the printed list of pages.
 */
function dutyPage(entry: RoleEntry, pageRef: number | undefined): ReactNode {
  return (
    <span className={RolesClassNames.table.dutyPage} data-ref={pageRef}>
      {translate(
        {
          id: 'theme.roles.table.dutyPage',
          description: 'Under a duty in the roles table: the title of the page the duty comes from',
          message: 'Page: {page}',
        },
        {page: entry.pageTitle},
      )}
    </span>
  );
}

/**
 * The text as a printed handout shows it: its first sentence (`'lead'`), or
 * none (`'titles'`); on screen the whole text, as everywhere.
 */
function HandoutText({text, detail}: {text: string; detail: HandoutDetail}): ReactNode {
  if (detail === 'titles') return <span className={styles.handoutRest}>{text}</span>;
  const {lead, rest} = splitLead(text);
  return (
    <>
      {lead}
      {rest && <span className={styles.handoutRest}> {rest}</span>}
    </>
  );
}

/** The duty's link to its callout, by the page it is on: it says where it leads, on screen and on paper. */
function dutyLink(entry: RoleEntry, href: string, plainLinks: boolean): ReactNode {
  const label = translate(
    {
      id: 'theme.roles.table.dutyLink',
      description: 'Link, under the text of a duty in the roles table, to the duty on its page; {page} is the page title',
      message: 'Read it on “{page}”',
    },
    {page: entry.pageTitle},
  );
  const className = RolesClassNames.table.dutyLink;
  return plainLinks ? (
    <a href={href} className={className} {...{[DUTY_LINK_ATTRIBUTE]: ''}}>
      {label}
    </a>
  ) : (
    <Link to={href} className={className}>
      {label}
    </Link>
  );
}

/** What a duty shows, once the table has decided its place. */
export interface DutyProps {
  entry: RoleEntry;
  /** Only the first shown occurrence of a shared duty takes the id: ids are unique. */
  anchored: boolean;
  /** The URL hash points at this duty: its text opens. */
  targeted: boolean;
  labels: ReadonlyMap<string, string>;
  plainLinks: boolean;
  /** Say which page the duty comes from (the row is an area). */
  showPage: boolean;
  /** The table prints as a handout: each duty's first sentence (`'lead'`) or its title only (`'titles'`). */
  handout: HandoutDetail | false;
  /** The docs version's label, when the table shows several versions of the duty's docs. */
  versionLabel?: string | undefined;
  /** The number of the duty's page in the printed list of pages. */
  pageRef?: number | undefined;
}

/**
 * One duty: its title opens its text and the link to its callout, anchored
 * so that the callout can link back.
 *
 * The link is a plain `<a>`, not `<Link>`: a large table holds thousands, and
 * each `<Link>` subscribes to the router (re-rendering on every filter change
 * written to the URL) and sets up its own IntersectionObserver. The table's
 * single delegated handler (`useDutyLinkNavigation`) gives them the same
 * client-side navigation and preloading. `plainLinks` is false only for the
 * hash router, where `<Link>` must rewrite the URL. The markup is lean for
 * the same reason: stable class names only.
 */
export const Duty = memo(function Duty({
  entry,
  anchored,
  targeted,
  labels,
  plainLinks,
  showPage,
  handout,
  versionLabel,
  pageRef,
}: DutyProps): ReactNode {
  const rowId = tableRowId(entry.permalink, entry.id);
  // The permalink already has the baseUrl and the site's trailing-slash form.
  const href = `${entry.permalink}#${entry.id}`;
  const brokenLinks = useBrokenLinks();
  const handoffIndex = useContext(HandoffIndex);
  // Registers the row anchor with Docusaurus's broken-anchor check, so a
  // callout's "compare" link to a missing row fails the build.
  if (anchored) brokenLinks.collectAnchor(rowId);
  // And the link itself, as `<Link>` would, so a duty pointing at a missing
  // callout fails the build too.
  if (plainLinks) brokenLinks.collectLink(href);
  const text = textAfterTitle(entry.title, entry.text);
  return (
    <li
      id={anchored ? rowId : undefined}
      className={clsx(
        RolesClassNames.table.duty,
        styles.duty,
        targeted && anchored && [RolesClassNames.table.dutyTarget, styles.targeted],
      )}>
      {/* Open when linked to from its callout: the reader sees the text and the way back. */}
      <details className={RolesClassNames.table.dutyText} open={(targeted && anchored) || undefined}>
        <summary>
          <span className={RolesClassNames.table.dutyTitle}>{entry.title}</span>
          {entry.roles.length > 1 && (
            <>
              {' '}
              <SharedMarker entry={entry} labels={labels} />
            </>
          )}
          {versionLabel !== undefined && (
            <>
              {' '}
              <span className={clsx(RolesClassNames.table.dutyVersion, styles.version)}>{versionLabel}</span>
            </>
          )}
          {showPage && dutyPage(entry, pageRef)}
        </summary>
        {text !== '' && (handout ? <HandoutText text={text} detail={handout} /> : text)}
        {/* Where the duty comes from; a one-page handout leaves it out. */}
        {!handout && <RoleProvenance citation={entry.citation} reviewed={entry.reviewed} />}
        {/* What it comes after and hands over to; the handout leaves it out too. */}
        {!handout && dutyHandoffs(entry, handoffIndex, labels, plainLinks ? (link) => brokenLinks.collectLink(link) : undefined)}
        {dutyLink(entry, href, plainLinks)}
      </details>
    </li>
  );
});
