/**
 * Handoffs in a real `docusaurus build` of `test/sites/handoffs` (English;
 * the Spanish resolution is checked by `handoff-check.test.ts` without
 * bundling), asserting on the HTML on disk:
 *
 * - each callout lists what it comes after and hands over to, with the
 *   other side's role, a link to its callout and its page, and a link
 *   declared on one side only shows on both;
 * - docs version 1.0 links within itself; a blog post's callouts too;
 * - the table lists each duty's handoffs; the embedded journey draws them
 *   as a flow (steps, lanes, arrows, and the same in words);
 * - `roles.json` (schemaVersion 3) and `roles.csv` carry the links.
 */
import {readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {load, type CheerioAPI} from 'cheerio';
import {parse} from 'csv-parse/sync';
import {beforeAll, describe, expect, it} from 'vitest';
import type {RolesExport} from '../../plugins/docusaurus-plugin-roles/src/plugin/exports.js';
import {runDocusaurus} from '../docusaurus-cli.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const siteDir = path.join(repo, 'test', 'sites', 'handoffs');
const outDir = path.join(repo, 'test', '.tmp', 'handoffs');
const pages = new Map<string, CheerioAPI>();
let exported: RolesExport;

beforeAll(async () => {
  rmSync(outDir, {recursive: true, force: true});
  const {code, stdout, stderr} = await runDocusaurus(siteDir, ['build', siteDir, '--locale', 'en', '--out-dir', outDir], {
    // Its own generated folder, so it never races another build of the site.
    DOCUSAURUS_GENERATED_FILES_DIR_NAME: path.join(repo, 'test', '.tmp', 'handoffs-generated'),
  });
  expect(code, stdout + stderr).toBe(0);
  for (const file of readdirSync(outDir, {recursive: true}) as string[]) {
    if (!file.endsWith('index.html')) continue;
    pages.set(`/${file.replace(/index\.html$/, '')}`.replace(/(.)\/$/, '$1'), load(readFileSync(path.join(outDir, file), 'utf8')));
  }
  exported = JSON.parse(readFileSync(path.join(outDir, 'roles.json'), 'utf8')) as RolesExport;
});

/** A callout's handoffs as text: `Comes after: role · title · page | …`. */
function calloutHandoffs(pathname: string, id: string): {follows: string[]; handsTo: string[]} {
  const $ = pages.get(pathname)!;
  const callout = $(`aside#${id}`);
  expect(callout.length, `${pathname}#${id}`).toBe(1);
  const read = (selector: string) =>
    callout
      .find(`${selector} li`)
      .map((_, item) => {
        const link = $(item).find('a');
        const role = $(item).find('.theme-role-badge').text();
        return `${role} | ${link.text()} -> ${link.attr('href')}${$(item).text().includes('(on ') ? ` | ${/\(on ([^)]+)\)/.exec($(item).text())![1]}` : ''}`;
      })
      .get();
  return {follows: read('.theme-role-handoffs-follows'), handsTo: read('.theme-role-handoffs-hands-to')};
}

describe('callouts', () => {
  it('show what comes before and what they hand over to, with the role, a link and the page of the other side', () => {
    expect(calloutHandoffs('/journey/during', 'captures')).toEqual({
      follows: ['Radiologic technologist | Screens for MRI safety -> /journey/before#screens | Before'],
      handsTo: [
        'Pain medicine physician | Places the lead -> /journey/during#places',
        'Radiologist | Reads the follow-up images -> /journey/after#reads | After',
      ],
    });
    const $ = pages.get('/journey/during')!;
    expect($('aside#captures .theme-role-handoffs p').map((_, label) => $(label).text()).get()).toEqual(['Comes after', 'Hands over to']);
  });

  it('show a link declared on one side on both ends, and once when both sides declare it', () => {
    // `reads` declares `follows` only (by root-relative file); `captures` declares nothing about it.
    expect(calloutHandoffs('/journey/after', 'reads').follows).toEqual([
      'Radiologic technologist | Captures the spine images -> /journey/during#captures | During',
      'Radiologic technologist | Takes follow-up X-rays -> /journey/after#follow-up',
    ]);
    // `follow-up` hands-to `reads`, and nothing else declares it: once on each end.
    expect(calloutHandoffs('/journey/after', 'follow-up').handsTo).toEqual(['Radiologist | Reads the follow-up images -> /journey/after#reads']);
    // The unlisted page's link shows on both callouts.
    expect(calloutHandoffs('/journey/after', 'reports').follows).toEqual([
      'Radiologist | Reads the follow-up images -> /journey/after#reads',
      'Radiologist | Checks the unlisted page -> /unlisted#checks | Unlisted',
    ]);
    expect(calloutHandoffs('/unlisted', 'checks').handsTo).toEqual(['Radiologist | Reports the lead position -> /journey/after#reports | After']);
  });

  it('link within their docs version and their blog', () => {
    expect(calloutHandoffs('/1.0/journey/during', 'captures')).toEqual({
      follows: ['Radiologic technologist | Screens for MRI safety -> /1.0/journey/before#screens | Before'],
      handsTo: ['Pain medicine physician | Places the lead -> /1.0/journey/during#places'],
    });
    expect(calloutHandoffs('/blog/2024/05/01/a-day', 'takes').handsTo).toEqual(['Radiologist | Reads the chest X-ray -> /blog/2024/05/01/a-day#reads']);
  });

  it('show nothing without a handoff', () => {
    const $ = pages.get('/journey/after')!;
    expect($('aside .theme-role-handoffs').length).toBe(3);
    expect(pages.get('/journey/before')!('aside#books .theme-role-handoffs-follows').length).toBe(0);
  });
});

describe('the table', () => {
  it("lists each duty's handoffs in its disclosure, linked to the other callout, with its role", () => {
    const $ = pages.get('/roles')!;
    const duty = $('.theme-role-table li.theme-role-table-duty').filter(
      (_, item) => $(item).find('a.theme-role-table-duty-link').attr('href') === '/journey/during#captures',
    );
    const handoffs = duty.find('.theme-role-table-handoffs');
    expect(handoffs.text()).toBe(
      'Comes after: Screens for MRI safety (Radiologic technologist)Hands over to: Places the lead (Pain medicine physician), Reads the follow-up images (Radiologist)',
    );
    expect(handoffs.find('a').map((_, link) => $(link).attr('href')).get()).toEqual([
      '/journey/before#screens',
      '/journey/during#places',
      '/journey/after#reads',
    ]);
    // Grouped by area (the table page's default), no flow is drawn.
    expect($('.theme-role-flow').length).toBe(0);
  });
});

describe('the journey as a flow', () => {
  const flow = () => pages.get('/journey')!('figure.theme-role-flow');

  it('draws the steps in reading order, one lane per role, each card in its lane', () => {
    const $ = pages.get('/journey')!;
    expect(flow().length).toBe(1);
    expect(flow().find('figcaption').text()).toBe('How the work is handed over, step by step');
    expect(flow().find('.theme-role-flow-lanes').attr('aria-hidden')).toBe('true');
    expect(flow().find('.theme-role-flow-lanes .theme-role-badge').map((_, badge) => $(badge).text()).get()).toEqual([
      'Scheduler',
      'Radiologic technologist',
      'Radiologist',
      'Pain medicine physician',
    ]);
    const steps = flow()
      .find('> ol > li.theme-role-flow-step')
      .map((_, step) => ({
        step: $(step).find('> p a').text(),
        duties: $(step)
          .find('li.theme-role-flow-duty')
          .map((__, card) => `${$(card).find('a').last().text()} @ ${/grid-column:\s*([^;]+)/.exec($(card).children('div').last().attr('style') ?? '')?.[1]}`)
          .get(),
      }))
      .get();
    expect(steps).toEqual([
      {step: 'Before', duties: ['Books the appointments @ 1 / 2', 'Screens for MRI safety @ 2 / 3']},
      {step: 'During', duties: ['Captures the spine images @ 2 / 3', 'Places the lead @ 4 / 5']},
      {step: 'After', duties: ['Takes follow-up X-rays @ 2 / 3', 'Reads the follow-up images @ 3 / 4', 'Reports the lead position @ 3 / 4']},
    ]);
  });

  it('draws each handoff once, into its receiver, and says each one in words for screen readers', () => {
    const $ = pages.get('/journey')!;
    const arrows = flow().find('.theme-role-flow-arrow');
    // 7 links inside the journey (the unlisted page is outside the table's entries).
    expect(arrows.length).toBe(7);
    arrows.each((_, arrow) => expect($(arrow).attr('aria-hidden')).toBe('true'));
    expect(arrows.filter((_, arrow) => $(arrow).text() !== '').map((_, arrow) => $(arrow).text()).get()).toEqual([
      'from Captures the spine images (on During)',
    ]);
    const card = flow().find('li.theme-role-flow-duty').filter((_, item) => $(item).find('a').last().text() === 'Captures the spine images');
    expect(card.find('.theme-role-flow-arrow').length).toBe(1);
    expect(card.text()).toContain(
      'Comes after: Screens for MRI safety (Radiologic technologist). Hands over to: Places the lead (Pain medicine physician) and Reads the follow-up images (Radiologist).',
    );
  });

  it('sits above the table of the same journey, in the static HTML', () => {
    const $ = pages.get('/journey')!;
    const container = $('.theme-role-table').first();
    expect(container.children().first().is('figure.theme-role-flow')).toBe(true);
    expect(container.find('table').length).toBe(1);
  });
});

describe('the exports', () => {
  it('carry the links in roles.json (schema 3) and roles.csv', () => {
    expect(exported.schemaVersion).toBe(3);
    const entry = exported.entries.find((candidate) => candidate.permalink === '/journey/after' && candidate.id === 'reads')!;
    expect(entry).toMatchObject({follows: ['/journey/during#captures', '/journey/after#follow-up'], handsTo: ['/journey/after#reports']});
    const rows = parse(readFileSync(path.join(outDir, 'roles.csv'), 'utf8'), {columns: true, bom: true}) as Record<string, string>[];
    const row = rows.find((candidate) => candidate.permalink === '/journey/after' && candidate.id === 'reads')!;
    expect([row.follows, row.handsTo]).toEqual(['/journey/during#captures /journey/after#follow-up', '/journey/after#reports']);
  });
});
