/**
 * The flow's model: steps (pages or sections, in reading order), one lane per
 * role, each duty with a handoff as a card in its role's lane, and the
 * arrows between them. Pure, so the server renders the same flow the
 * browser hydrates, and a test can read it without a browser.
 *
 * Every handoff inside the journey is drawn once, into the card that
 * receives it (from the giver's lane to the receiver's). A handoff with one
 * end outside the journey is drawn on the inside end, naming the outside
 * duty and its page. An arrow names its giver unless the giver is the card
 * just above, so the flow reads right even when the duties are far apart.
 */
import type {RoleEntry} from 'docusaurus-plugin-roles';
import {groupRows, rowKeyOf, type Row} from '@theme/RoleComparisonTable/model';

/** A lane: one role, in configured order. */
export interface FlowLane {
  key: string;
  label: string;
}

/** An arrow into a card (from the giver) or out of it (to a duty outside the journey). */
export interface FlowArrow {
  /** The other end's `permalink#id`. */
  key: string;
  /** The other end, when the table was given it. */
  other: RoleEntry | undefined;
  /** Lane the arrow starts in, and lane it ends in (equal: straight down). */
  from: number;
  to: number;
  /** Name the other end on the arrow: it is not the card just above (or below), or it is outside. */
  named: boolean;
  /** The other end is not in the journey. */
  outside: boolean;
}

/** A duty with a handoff, as a card in its lanes. */
export interface FlowCard {
  entry: RoleEntry;
  /** `permalink#id`. */
  key: string;
  /** First and last lane of its roles (a shared duty spans its roles' lanes). */
  start: number;
  end: number;
  incoming: FlowArrow[];
  outgoing: FlowArrow[];
}

/** A step: a page or a section, and its cards in document order. */
export interface FlowStep {
  row: Row;
  cards: FlowCard[];
}

/** The whole flow. */
export interface FlowModel {
  lanes: FlowLane[];
  steps: FlowStep[];
}

/** `permalink#id`: how entries name each other. */
function keyOf(entry: RoleEntry): string {
  return `${entry.permalink}#${entry.id}`;
}

/** Whether any of the entries has a handoff. */
export function hasHandoffs(entries: readonly RoleEntry[]): boolean {
  return entries.some((entry) => (entry.follows?.length ?? 0) > 0 || (entry.handsTo?.length ?? 0) > 0);
}

/** The lane of `lanes` closest to `near` among a duty's roles, or `undefined` when none has a lane. */
function closestLane(roles: readonly string[], laneOf: ReadonlyMap<string, number>, near: number): number | undefined {
  let best: number | undefined;
  for (const role of roles) {
    const lane = laneOf.get(role);
    if (lane !== undefined && (best === undefined || Math.abs(lane - near) < Math.abs(best - near))) best = lane;
  }
  return best;
}

/**
 * A step's duties with each giver before its receivers, otherwise in
 * document order (Kahn's algorithm, the earliest ready duty first), so an
 * arrow inside a step comes from above. Handoffs declare an order; a cycle
 * (reported by the build) keeps the rest in document order.
 */
export function givingOrder(entries: readonly RoleEntry[]): RoleEntry[] {
  const position = new Map(entries.map((entry, index) => [keyOf(entry), index] as const));
  const waiting = entries.map((entry) => (entry.follows ?? []).filter((key) => position.has(key)).length);
  const receivers = entries.map((entry) => (entry.handsTo ?? []).flatMap((key) => position.get(key) ?? []));
  // Each link counted once, whichever side lists it: `follows` and `handsTo` are both complete.
  const ready: number[] = [];
  const insert = (index: number): void => {
    let low = 0;
    let high = ready.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ready[middle]! < index) low = middle + 1;
      else high = middle;
    }
    ready.splice(low, 0, index);
  };
  waiting.forEach((count, index) => count === 0 && insert(index));
  const ordered: RoleEntry[] = [];
  const placed = new Set<number>();
  while (ordered.length < entries.length) {
    // A cycle: take the earliest duty not placed yet.
    const next = ready.shift() ?? entries.findIndex((_, index) => !placed.has(index));
    if (placed.has(next)) continue;
    placed.add(next);
    ordered.push(entries[next]!);
    for (const receiver of receivers[next]!) {
      waiting[receiver]! -= 1;
      if (waiting[receiver] === 0 && !placed.has(receiver)) insert(receiver);
    }
  }
  return ordered;
}

/**
 * Build the flow of `entries` (the journey, in reading order): the duties
 * with a handoff, grouped into steps, in lanes by role. `allEntries` names
 * the other end of a handoff that leaves the journey; `roles` orders the
 * lanes (roles the site does not configure come after, as in the table).
 */
export function buildFlow(
  entries: readonly RoleEntry[],
  allEntries: readonly RoleEntry[],
  roles: readonly FlowLane[],
  groupBy: 'page' | 'section',
): FlowModel {
  const inFlow = entries.filter((entry) => (entry.follows?.length ?? 0) > 0 || (entry.handsTo?.length ?? 0) > 0);
  const inJourney = new Set(entries.map(keyOf));
  const byKey = new Map(allEntries.map((entry) => [keyOf(entry), entry] as const));
  for (const entry of entries) if (!byKey.has(keyOf(entry))) byKey.set(keyOf(entry), entry);

  const used = new Set(inFlow.flatMap((entry) => entry.roles));
  const lanes = [
    ...roles.filter((role) => used.has(role.key)),
    ...[...used].filter((key) => !roles.some((role) => role.key === key)).map((key) => ({key, label: key})),
  ];
  const laneOf = new Map(lanes.map((lane, index) => [lane.key, index] as const));

  // The cards in flow order: by step, then by document order within a step.
  const rows = groupRows(inFlow, groupBy, []);
  const byRow = new Map<string, RoleEntry[]>();
  for (const entry of inFlow) {
    const key = rowKeyOf(entry, groupBy);
    const list = byRow.get(key);
    if (list) list.push(entry);
    else byRow.set(key, [entry]);
  }
  let previous: string | undefined;
  const steps = rows.map((row): FlowStep => {
    const cards = givingOrder(byRow.get(row.key) ?? []).map((entry): FlowCard => {
      const key = keyOf(entry);
      const own = entry.roles.map((role) => laneOf.get(role)!);
      const start = own.reduce((low, lane) => Math.min(low, lane), own[0] ?? 0);
      const end = own.reduce((high, lane) => Math.max(high, lane), own[0] ?? 0);
      const arrow = (otherKey: string, incoming: boolean, justBefore: boolean): FlowArrow => {
        const other = byKey.get(otherKey);
        const outside = !inJourney.has(otherKey);
        const otherLane = other ? closestLane(other.roles, laneOf, start) : undefined;
        const ownLane = otherLane === undefined ? start : otherLane <= start ? start : otherLane >= end ? end : otherLane;
        const far = otherLane ?? ownLane;
        return {
          key: otherKey,
          other,
          from: incoming ? far : ownLane,
          to: incoming ? ownLane : far,
          named: outside || !justBefore,
          outside,
        };
      };
      const card: FlowCard = {
        entry,
        key,
        start,
        end,
        incoming: (entry.follows ?? []).map((other) => arrow(other, true, other === previous)),
        // Handoffs inside the journey are drawn into their receiver.
        outgoing: (entry.handsTo ?? []).filter((other) => !inJourney.has(other)).map((other) => arrow(other, false, false)),
      };
      previous = key;
      return card;
    });
    return {row, cards};
  });
  return {lanes, steps};
}
