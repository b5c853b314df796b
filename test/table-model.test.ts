// The table modules declare one another as @theme modules: load those declarations.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../plugins/docusaurus-plugin-roles/src/theme/roles.d.ts" />
/**
 * The comparison table's pure parts: narrowing by page, path prefix and
 * category; the rows of each grouping in reading order; the `group` URL
 * parameter; the handout's first sentence.
 */
import {describe, expect, it} from 'vitest';
import {buildModel, groupDuties, groupRows, withBaseUrl} from '../plugins/docusaurus-plugin-roles/src/theme/RoleComparisonTable/model.js';
import {NO_FILTERS, filtersToSearch, parseFilters} from '../plugins/docusaurus-plugin-roles/src/theme/RoleComparisonTable/filters.js';
import {splitLead, textAfterTitle} from '../plugins/docusaurus-plugin-roles/src/theme/RoleComparisonTable/lead.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';
import type {RoleEntry} from '../plugins/docusaurus-plugin-roles/src/types.js';
import {roleEntry} from './support/entry.js';

const {roles, areas} = toRolesConfig(DEFAULT_OPTIONS);

/** An entry of `/base/<page>`, at `line`, in section `section` (or none). */
function entry(page: string, line: number, section: string | null, extra: Partial<RoleEntry> = {}): RoleEntry {
  return roleEntry({
    id: `${page.replaceAll('/', '-')}-${line}`,
    roles: ['radiologist'],
    area: 'imaging',
    title: `Duty at ${page}:${line}`,
    text: 'Text.',
    permalink: `/base/${page}`,
    source: `docs/${page}.md`,
    line,
    pageTitle: page.split('/').at(-1)!.toUpperCase(),
    pagePosition: 1,
    sectionId: section,
    sectionTitle: section === null ? null : section.replace(/-/g, ' '),
    ...extra,
  });
}

// The aggregator's order: pages in reading order, duties in document order.
const journey = [
  entry('scs/before', 10, 'imaging-first', {pagePosition: 2, categories: ['Guide', 'Stimulator'], area: 'imaging'}),
  entry('scs/before', 20, 'mri-screening', {pagePosition: 2, categories: ['Guide', 'Stimulator'], area: 'patient-care'}),
  entry('scs/during', 5, null, {pagePosition: 3, categories: ['Guide', 'Stimulator'], roles: ['technologist']}),
  entry('scs/during', 30, 'placing', {pagePosition: 3, categories: ['Guide', 'Stimulator'], roles: ['radiologist', 'technologist']}),
  entry('scs/after', 12, 'follow-up', {pagePosition: 4, categories: ['Guide', 'Stimulator', 'Later']}),
];
const other = entry('scs-other/page', 3, null, {pagePosition: 9, categories: ['Elsewhere']});
const all = [entry('intro', 8, 'welcome', {pagePosition: 1}), ...journey, other];

describe('narrowing', () => {
  const scope = (props: Parameters<typeof buildModel>[3]) =>
    buildModel(all, roles, areas, props, '/base/').entries.map((each) => `${each.permalink}:${each.line}`);

  it('takes a path prefix segment by segment, with or without the baseUrl', () => {
    const expected = journey.map((each) => `${each.permalink}:${each.line}`);
    expect(scope({path: '/scs'})).toEqual(expected);
    expect(scope({path: '/base/scs/'})).toEqual(expected);
    // `/scs` is not a prefix of `/scs-other`.
    expect(scope({path: '/scs'})).not.toContain('/base/scs-other/page:3');
    expect(scope({path: '/'})).toHaveLength(all.length);
  });

  it('takes a page with or without the baseUrl, and a sidebar category at any depth', () => {
    expect(scope({page: '/scs/during/'})).toEqual(['/base/scs/during:5', '/base/scs/during:30']);
    expect(scope({page: '/base/scs/during'})).toEqual(['/base/scs/during:5', '/base/scs/during:30']);
    expect(scope({category: 'Stimulator'})).toHaveLength(journey.length);
    expect(scope({category: 'Later'})).toEqual(['/base/scs/after:12']);
    expect(scope({category: 'Nowhere'})).toEqual([]);
  });

  it('adds the baseUrl to a path only when it lacks it', () => {
    expect(withBaseUrl('/scs', '/base/')).toBe('/base/scs');
    expect(withBaseUrl('/base/scs', '/base/')).toBe('/base/scs');
    expect(withBaseUrl('/base', '/base/')).toBe('/base');
    expect(withBaseUrl('/basement', '/base/')).toBe('/base/basement');
    expect(withBaseUrl('/scs', '/')).toBe('/scs');
  });
});

describe('rows of each grouping', () => {
  const model = buildModel(all, roles, areas, {}, '/base/');
  const rows = (groupBy: 'area' | 'page' | 'section', entries = model.entries) =>
    groupRows(entries, groupBy, model.rows).map(({label, href, context}) => [label, href, context ?? '']);

  it('lists pages as the reader meets them, whatever the order of the entries, with the categories the rows do not share', () => {
    const expected = [
      ['INTRO', '/base/intro', ''],
      ['BEFORE', '/base/scs/before', 'Guide › Stimulator'],
      ['DURING', '/base/scs/during', 'Guide › Stimulator'],
      ['AFTER', '/base/scs/after', 'Guide › Stimulator › Later'],
      ['PAGE', '/base/scs-other/page', 'Elsewhere'],
    ];
    expect(rows('page')).toEqual(expected);
    expect(rows('page', [...model.entries].reverse())).toEqual(expected);
    // Within one category, the category is said once, by the table's scope.
    const narrowed = buildModel(all, roles, areas, {category: 'Stimulator'}, '/base/');
    expect(groupRows(narrowed.entries, 'page', narrowed.rows).map((row) => row.context ?? '')).toEqual(['', '', 'Later']);
  });

  it("keeps blog posts and Markdown pages apart from each other and after the docs, each in their plugin's order", () => {
    const mixed = [
      // Same plugin id and no version: only the kind tells them apart.
      entry('visit', 1, null, {kind: 'page', version: null, pageTitle: 'VISIT', pagePosition: 2}),
      entry('blog/new', 1, null, {kind: 'blog', version: null, pageTitle: 'NEW', pagePosition: 1}),
      entry('blog/old', 1, null, {kind: 'blog', version: null, pageTitle: 'OLD', pagePosition: 3}),
      entry('intro', 1, null, {pagePosition: 5}),
    ];
    // Each kind, instance and version is its own scope, in the order the entries bring them (the plugin lists docs first).
    expect(groupRows([mixed[3]!, ...mixed.slice(0, 3)], 'page', []).map((row) => row.label)).toEqual([
      'INTRO',
      'VISIT',
      'NEW',
      'OLD',
    ]);
  });

  it('lists sections in page order then document order, the top of a page as the page, linked to their headings', () => {
    expect(rows('section', [...model.entries].reverse())).toEqual([
      ['welcome', '/base/intro#welcome', 'INTRO'],
      ['imaging first', '/base/scs/before#imaging-first', 'BEFORE'],
      ['mri screening', '/base/scs/before#mri-screening', 'BEFORE'],
      ['DURING', '/base/scs/during', ''],
      ['placing', '/base/scs/during#placing', 'DURING'],
      ['follow up', '/base/scs/after#follow-up', 'AFTER'],
      ['PAGE', '/base/scs-other/page', ''],
    ]);
    // One page: its title needs no repeating.
    const page = buildModel(all, roles, areas, {page: '/scs/before'}, '/base/');
    expect(groupRows(page.entries, 'section', page.rows).map((row) => row.context)).toEqual([undefined, undefined]);
  });

  it('keeps areas in configured order and counts each duty once per row, under each of its roles', () => {
    expect(rows('area').map(([label]) => label)).toEqual(['Imaging', 'Patient care']);
    const grouped = groupDuties(journey, new Set(['radiologist', 'technologist']), 'page');
    expect([...grouped.byRow].map(([key, group]) => [key, group.count, [...group.cells.keys()]])).toEqual([
      ['/base/scs/before', 2, ['radiologist']],
      ['/base/scs/during', 2, ['technologist', 'radiologist']],
      ['/base/scs/after', 1, ['radiologist']],
    ]);
    expect(grouped.shared).toBe(1);
    expect(grouped.byColumn.get('technologist')).toBe(2);
  });
});

describe('the group parameter', () => {
  it('round-trips through the query string, and an unknown value means the table default', () => {
    expect(parseFilters('?group=section').group).toBe('section');
    expect(parseFilters('?group=pages').group).toBeNull();
    expect(filtersToSearch('?x=1', {...NO_FILTERS, group: 'page', q: 'dose'})).toBe('?x=1&q=dose&group=page');
    expect(filtersToSearch('?group=page', NO_FILTERS)).toBe('');
  });
});

describe('splitLead', () => {
  it.each([
    ['One. Two three.', 'One.', 'Two three.'],
    ['Only one sentence.', 'Only one sentence.', ''],
    ['e.g. lower case goes on. Next one.', 'e.g. lower case goes on.', 'Next one.'],
    ['Says “stop.” Then waits.', 'Says “stop.”', 'Then waits.'],
    ['Pulse at 2.5 per second. 3 views follow.', 'Pulse at 2.5 per second.', '3 views follow.'],
    ['第一句。第二句。', '第一句。', '第二句。'],
    ['¿Duele? ¡Avise!', '¿Duele?', '¡Avise!'],
    ['No full stop', 'No full stop', ''],
  ])('%j', (text, lead, rest) => {
    expect(splitLead(text)).toEqual({lead, rest});
  });
});

describe('textAfterTitle', () => {
  it("drops the title when it is the text's first sentence, so nothing reads twice", () => {
    expect(textAfterTitle('Sends the report.', 'Sends the report. Then calls if urgent.')).toBe('Then calls if urgent.');
    expect(textAfterTitle('Sends the report.', 'Sends the report.')).toBe('');
    expect(textAfterTitle('Reads the images', 'Looks at every view.')).toBe('Looks at every view.');
    expect(textAfterTitle('', 'Text.')).toBe('Text.');
  });
});
