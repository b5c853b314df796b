/**
 * The journey as a flow: one lane per role, the steps (pages or sections)
 * from top to bottom, each duty that hands work over as a card in its
 * role's lane, and the handoffs drawn as arrows from the giver's lane to
 * the receiver's.
 *
 * Plain HTML and CSS, rendered on the server: it reads without JavaScript,
 * prints, and needs no diagram library. The markup is the text equivalent:
 * an ordered list of steps, each an ordered list of duties, each saying in
 * words (for screen readers) what it comes after and hands over to; the
 * arrows are drawn for the eye only. On a narrow column (a phone), the
 * lanes fold into one column and each arrow says whose work it carries.
 */
import {useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import RoleBadge from '@theme/RoleBadge';
import {RolesClassNames, roleColor, useListFormat, useRolesData, visuallyHiddenClassName, type CSSVariables} from '@theme/RolesUtils';
import type {Props} from '@theme/RoleFlow';
import {buildFlow, type FlowArrow, type FlowCard} from '@theme/RoleFlow/model';
import type {RoleEntry} from 'docusaurus-plugin-roles';

import styles from './styles.module.css';

/** Grid columns from lane `a` to lane `b`, either way round. */
function span(a: number, b: number): {gridColumn: string; lanes: number} {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return {gridColumn: `${low + 1} / ${high + 2}`, lanes: high - low + 1};
}

/** "Reads the images (on After placement)": the other end, named on its arrow. */
function arrowLabel(arrow: FlowArrow, card: FlowCard, incoming: boolean): string {
  const title = arrow.other?.title ?? arrow.key;
  const page = arrow.other && arrow.other.permalink !== card.entry.permalink ? arrow.other.pageTitle : undefined;
  const named = page
    ? translate(
        {id: 'theme.roles.flow.onPage', description: 'A duty named on a flow arrow, with the page it is on', message: '{title} (on {page})'},
        {title, page},
      )
    : title;
  return incoming
    ? translate({id: 'theme.roles.flow.from', description: 'Label of a flow arrow: the duty whose work it brings', message: 'from {duty}'}, {duty: named})
    : translate({id: 'theme.roles.flow.to', description: 'Label of a flow arrow: the duty outside this flow that it hands over to', message: 'to {duty}'}, {duty: named});
}

/** One arrow, drawn for the eye (the card says the same in words). */
function Arrow({arrow, card, incoming}: {arrow: FlowArrow; card: FlowCard; incoming: boolean}): ReactNode {
  const {gridColumn, lanes} = span(arrow.from, arrow.to);
  const direction = arrow.from === arrow.to ? 'down' : arrow.from < arrow.to ? 'right' : 'left';
  const style: CSSVariables = {gridColumn, '--role-flow-span': String(lanes)};
  return (
    <div
      aria-hidden="true"
      className={clsx(RolesClassNames.flow.arrow, styles.arrow, styles[direction], arrow.outside && styles.outside)}
      style={style}>
      <span className={styles.line}>
        <span className={styles.head} />
      </span>
      {arrow.named && <span className={styles.arrowLabel}>{arrowLabel(arrow, card, incoming)}</span>}
    </div>
  );
}

/** "Reads the images (Radiologist)", for the sentence a screen reader reads. */
function useDutyNames(): (keys: readonly string[], byKey: ReadonlyMap<string, RoleEntry>) => string {
  const {roles} = useRolesData();
  const formatList = useListFormat();
  return (keys, byKey) =>
    formatList(
      keys.map((key) => {
        const other = byKey.get(key);
        if (!other) return key;
        const labels = other.roles.map((role) => roles.find((candidate) => candidate.key === role)?.label ?? role);
        return `${other.title} (${formatList(labels)})`;
      }),
    );
}

/** A duty's card: its roles, its title linked to its callout, and its handoffs in words. */
function Card({card, byKey}: {card: FlowCard; byKey: ReadonlyMap<string, RoleEntry>}): ReactNode {
  const {roles} = useRolesData();
  const names = useDutyNames();
  const {entry} = card;
  const style: CSSVariables = {
    gridColumn: span(card.start, card.end).gridColumn,
    '--role-flow-accent': roleColor(roles, entry.roles[0] ?? ''),
  };
  const follows = entry.follows ?? [];
  const handsTo = entry.handsTo ?? [];
  return (
    <li className={clsx(RolesClassNames.flow.duty, styles.duty)}>
      {card.incoming.map((arrow) => (
        <Arrow key={`in:${arrow.key}`} arrow={arrow} card={card} incoming />
      ))}
      <div className={styles.card} style={style}>
        <span className={styles.badges}>
          {entry.roles.map((key) => (
            <RoleBadge key={key} roleKey={key} />
          ))}
        </span>
        <Link to={`${entry.permalink}#${entry.id}`} className={styles.title}>
          {entry.title}
        </Link>
        <span className={visuallyHiddenClassName}>
          {follows.length > 0 &&
            ` ${translate(
              {id: 'theme.roles.flow.comesAfter', description: 'Screen-reader text of a flow card: the duties it comes after', message: 'Comes after: {duties}.'},
              {duties: names(follows, byKey)},
            )}`}
          {handsTo.length > 0 &&
            ` ${translate(
              {id: 'theme.roles.flow.handsTo', description: 'Screen-reader text of a flow card: the duties it hands over to', message: 'Hands over to: {duties}.'},
              {duties: names(handsTo, byKey)},
            )}`}
        </span>
      </div>
      {card.outgoing.map((arrow) => (
        <Arrow key={`out:${arrow.key}`} arrow={arrow} card={card} incoming={false} />
      ))}
    </li>
  );
}

/** Renders the flow of the journey's handoffs, or a short paragraph when it has none. */
export default function RoleFlow({entries, allEntries = entries, groupBy = 'page', caption, className}: Props): ReactNode {
  const {roles} = useRolesData();
  const captionId = useId();
  const model = useMemo(
    () => buildFlow(entries, allEntries, roles.map(({key, label}) => ({key, label})), groupBy),
    [entries, allEntries, roles, groupBy],
  );
  const byKey = useMemo(
    () => new Map([...allEntries, ...entries].map((entry) => [`${entry.permalink}#${entry.id}`, entry] as const)),
    [entries, allEntries],
  );
  if (model.steps.length === 0) {
    return (
      <p className={clsx(RolesClassNames.flow.container, styles.empty, className)}>
        <Translate id="theme.roles.flow.empty" description="Shown instead of the flow when no duty here hands work over">
          No handoffs have been described here yet.
        </Translate>
      </p>
    );
  }
  const style: CSSVariables = {'--role-flow-lanes': String(model.lanes.length)};
  return (
    <figure className={clsx(RolesClassNames.flow.container, styles.flow, className)} aria-labelledby={captionId} style={style}>
      <figcaption id={captionId} className={styles.caption}>
        {caption ?? (
          <Translate id="theme.roles.flow.caption" description="Default caption of the flow of handoffs between roles">
            How the work is handed over, step by step
          </Translate>
        )}
      </figcaption>
      <div className={clsx(RolesClassNames.flow.lanes, styles.lanes)} aria-hidden="true">
        {model.lanes.map((lane) => (
          <span key={lane.key} className={styles.lane}>
            <RoleBadge roleKey={lane.key} />
          </span>
        ))}
      </div>
      <ol className={styles.steps}>
        {model.steps.map((step) => (
          <li key={step.row.key} className={clsx(RolesClassNames.flow.step, styles.step)}>
            <p className={styles.stepTitle}>
              {step.row.href ? <Link to={step.row.href}>{step.row.label}</Link> : step.row.label}
            </p>
            <ol className={styles.duties}>
              {step.cards.map((card) => (
                <Card key={card.key} card={card} byKey={byKey} />
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </figure>
  );
}
