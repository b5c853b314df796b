/**
 * The flow's model (`@theme/RoleFlow/model`): which duties it draws, in
 * which steps and lanes, and each arrow from the giver's lane to the
 * receiver's, named when the giver is not the card just above or is
 * outside the journey.
 */
import {describe, expect, it} from 'vitest';
import {buildFlow, givingOrder, hasHandoffs} from '../plugins/docusaurus-plugin-roles/src/theme/RoleFlow/model.js';
import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';
import {roleEntry} from './support/entry.js';

const LANES = [
  {key: 'scheduler', label: 'Scheduler'},
  {key: 'technologist', label: 'Radiologic technologist'},
  {key: 'radiologist', label: 'Radiologist'},
  {key: 'physician', label: 'Pain medicine physician'},
];

/** A duty at `page#id`, by `roles`, on the page at `position` in reading order. */
function duty(key: string, roles: string[], position: number, line: number, links: Partial<Pick<RoleEntry, 'follows' | 'handsTo'>> = {}): RoleEntry {
  const [permalink, id] = key.split('#') as [string, string];
  return roleEntry({
    id,
    roles,
    area: 'imaging',
    title: `Title of ${id}`,
    text: '',
    permalink,
    source: `docs${permalink}.md`,
    line,
    pageTitle: permalink.slice(1),
    pagePosition: position,
    ...links,
  });
}

const before = [
  duty('/before#books', ['scheduler'], 1, 3, {handsTo: ['/before#screens']}),
  duty('/before#screens', ['technologist'], 1, 7, {follows: ['/before#books'], handsTo: ['/during#captures']}),
  duty('/before#reads-mri', ['radiologist'], 1, 11),
];
const during = [
  duty('/during#captures', ['technologist'], 2, 4, {follows: ['/before#screens'], handsTo: ['/during#places', '/after#reads']}),
  duty('/during#places', ['physician'], 2, 9, {follows: ['/during#captures']}),
];
const after = [duty('/after#reads', ['radiologist'], 3, 5, {follows: ['/during#captures']})];
const all = [...before, ...during, ...after];

describe('the flow of a journey', () => {
  it('draws the duties with a handoff, page by page, in lanes of the roles they use', () => {
    const flow = buildFlow(all, all, LANES, 'page');
    expect(flow.lanes.map((lane) => lane.key)).toEqual(['scheduler', 'technologist', 'radiologist', 'physician']);
    expect(flow.steps.map((step) => [step.row.label, step.cards.map((card) => card.entry.id)])).toEqual([
      ['before', ['books', 'screens']],
      ['during', ['captures', 'places']],
      ['after', ['reads']],
    ]);
  });

  it('draws each handoff once, into its receiver, from the giver lane, naming a giver that is not just above', () => {
    const flow = buildFlow(all, all, LANES, 'page');
    const arrows = flow.steps.flatMap((step) =>
      step.cards.flatMap((card) => card.incoming.map(({key, from, to, named}) => `${key} → ${card.key} [${from}→${to}]${named ? ' named' : ''}`)),
    );
    expect(arrows).toEqual([
      '/before#books → /before#screens [0→1]',
      '/before#screens → /during#captures [1→1]',
      '/during#captures → /during#places [1→3]',
      // The physician's card is between them.
      '/during#captures → /after#reads [1→2] named',
    ]);
    expect(flow.steps.flatMap((step) => step.cards.flatMap((card) => card.outgoing))).toEqual([]);
  });

  it('names the other end of a handoff that leaves the journey, on the inside end', () => {
    const flow = buildFlow(during, all, LANES, 'page');
    const [captures, places] = flow.steps[0]!.cards;
    // Only the lanes the journey's cards use: an outside end with no lane is drawn straight down.
    expect(flow.lanes.map((lane) => lane.key)).toEqual(['technologist', 'physician']);
    expect(captures!.incoming).toMatchObject([{key: '/before#screens', from: 0, to: 0, named: true, outside: true}]);
    expect(captures!.outgoing).toMatchObject([{key: '/after#reads', from: 0, to: 0, named: true, outside: true}]);
    expect(places!.incoming).toMatchObject([{key: '/during#captures', from: 0, to: 1, named: false, outside: false}]);
  });

  it('spans a shared duty over its lanes, and lands an arrow on its nearest lane', () => {
    const shared = [
      duty('/a#x', ['scheduler'], 1, 1, {handsTo: ['/a#y']}),
      duty('/a#y', ['technologist', 'physician'], 1, 5, {follows: ['/a#x']}),
    ];
    const flow = buildFlow(shared, shared, LANES, 'page');
    const [, card] = flow.steps[0]!.cards;
    expect([card!.start, card!.end]).toEqual([1, 2]);
    expect(card!.incoming[0]).toMatchObject({from: 0, to: 1});
  });

  it('puts a giver before its receivers within a step, else keeps document order', () => {
    const page = [
      duty('/during#captures', ['technologist'], 1, 28, {handsTo: ['/during#places']}),
      duty('/during#places', ['physician'], 1, 38, {follows: ['/during#captures', '/during#turns']}),
      duty('/during#turns', ['technologist'], 1, 42, {handsTo: ['/during#places']}),
      duty('/during#beam', ['technologist'], 1, 56, {handsTo: ['/after#x']}),
    ];
    expect(givingOrder(page).map((entry) => entry.id)).toEqual(['captures', 'turns', 'places', 'beam']);
    // A cycle (the build reports it) keeps document order.
    const cycle = [
      duty('/a#x', ['technologist'], 1, 1, {follows: ['/a#y'], handsTo: ['/a#y']}),
      duty('/a#y', ['physician'], 1, 5, {follows: ['/a#x'], handsTo: ['/a#x']}),
    ];
    expect(givingOrder(cycle).map((entry) => entry.id)).toEqual(['x', 'y']);
  });

  it('has nothing to draw without handoffs', () => {
    expect(hasHandoffs(before.slice(2))).toBe(false);
    expect(hasHandoffs(all)).toBe(true);
    expect(buildFlow(before.slice(2), all, LANES, 'page').steps).toEqual([]);
  });
});
