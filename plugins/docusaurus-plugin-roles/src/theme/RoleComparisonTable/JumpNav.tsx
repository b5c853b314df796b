/**
 * "Jump to" links above a table with controls: one per row (area, page or
 * section). Following one scrolls its row below the sticky headers and moves
 * the keyboard focus to its header, so that Tab goes on from there instead
 * of crossing every duty above it.
 */
import type {MouseEvent, ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {RolesClassNames} from '@theme/RolesUtils';
import type {GroupBy, Row} from '@theme/RoleComparisonTable/model';

import styles from './styles.module.css';

/** The navigation's accessible name, by what the rows are. */
function jumpLabel(groupBy: GroupBy): string {
  if (groupBy === 'page') {
    return translate({
      id: 'theme.roles.table.jumpToPage',
      description: 'Accessible name and visible label of the links that jump to a page row of the roles table',
      message: 'Jump to a page',
    });
  }
  if (groupBy === 'section') {
    return translate({
      id: 'theme.roles.table.jumpToSection',
      description: 'Accessible name and visible label of the links that jump to a section row of the roles table',
      message: 'Jump to a section',
    });
  }
  return translate({
    id: 'theme.roles.table.jumpToArea',
    description: 'Accessible name and visible label of the links that jump to an area row of the roles table',
    message: 'Jump to an area',
  });
}

/** Moves the focus to the row header the link points at (the hash alone would only scroll). */
function focusTarget(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const target = document.getElementById(id);
  if (!target) return;
  // Not a page navigation: the URL keeps the table's filters and no new history entry.
  event.preventDefault();
  target.focus({preventScroll: true});
  target.scrollIntoView({block: 'start'});
}

/** The links, one per row shown, in the table's order. */
export function JumpNav({rows, groupBy, headerIds}: {rows: readonly Row[]; groupBy: GroupBy; headerIds: ReadonlyMap<string, string>}): ReactNode {
  const label = jumpLabel(groupBy);
  return (
    <nav aria-label={label} className={clsx(RolesClassNames.table.jump, styles.jump)}>
      <span className={styles.jumpLabel} aria-hidden="true">
        {label}:
      </span>
      <ul className={styles.jumpList}>
        {rows.map((row) => (
          <li key={row.key}>
            <a href={`#${headerIds.get(row.key) ?? ''}`} onClick={focusTarget}>
              {row.context && groupBy === 'section' ? `${row.context} › ${row.label}` : row.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
