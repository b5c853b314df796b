/**
 * The remark plugin's behaviour around the fixtures: severities, custom
 * configuration in a standalone pipeline, and what MDX makes of its output.
 */
import {describe, expect, it} from 'vitest';
import {remark} from 'remark';
import remarkMdx from 'remark-mdx';
import remarkDirective from 'remark-directive';
import {compile} from '@mdx-js/mdx';
import {VFile} from 'vfile';
import {remarkRoles, type RemarkRolesOptions} from '../plugins/docusaurus-plugin-roles/src/remark/index.js';
import type {Problem} from '../plugins/docusaurus-plugin-roles/src/core/problem.js';

const BAD = `# Pharmacy

:::role[Prepares the contrast]{of=pharmacist area=imaging}
Not a configured role.
:::

:::role[Wrong area]{of=technologist area=imagng}
Close to imaging.
:::
`;

function run(source: string, options?: RemarkRolesOptions) {
  const file = new VFile({value: source, path: '/site/docs/pharmacy.md'});
  return remark().use(remarkMdx).use(remarkDirective).use(remarkRoles, options).process(file);
}

describe('remarkRoles', () => {
  it('throws by default, listing every problem with its file, line and column', async () => {
    const error = await run(BAD).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toContain(
      '/site/docs/pharmacy.md:3:1: Unknown role `pharmacist`, expected one of: radiologist, technologist (aliases: radiographer, rad-tech)',
    );
    expect(error?.message).toContain(
      '/site/docs/pharmacy.md:7:1: Unknown area `imagng`, expected one of: imaging, interpretation, patient-care, radiation-safety, procedure-guidance, reporting, general; did you mean `imaging`?',
    );
    expect(error?.message).toMatch(/^2 invalid role annotations:/);
  });

  it("keeps the author's content and records vfile messages when told to ignore", async () => {
    const file = await run(BAD, {onInvalidAnnotation: 'ignore'});
    expect(file.messages.map((message) => [message.line, message.ruleId])).toEqual([
      [3, 'unknown-role'],
      [7, 'unknown-area'],
    ]);
    expect(String(file)).toContain('Not a configured role.');
    expect(String(file)).toContain('unlisted');
  });

  it('reads custom roles and areas when used without Docusaurus', async () => {
    const file = await run(':::role[Checks the IV line]{of=rn area=triage}\nBefore contrast.\n:::\n', {
      roles: {nurse: {label: 'Nurse', aliases: ['rn']}},
      areas: {triage: {label: 'Triage'}, general: {label: 'General'}},
    });
    expect(String(file)).toContain(
      '<RolesPluginCallout id="checks-the-iv-line" roles="nurse" area="triage" title="Checks the IV line">',
    );
  });

  it('rejects invalid options when the pipeline is built', () => {
    expect(() => remark().use(remarkRoles, {onInvalidAnnotation: 'loud'} as never).freeze()).toThrow(
      '"onInvalidAnnotation" must be one of [throw, warn, ignore]',
    );
  });

  it('wires an embedded table to the entries module without an import in the doc', async () => {
    const file = await run('<RoleComparisonTable areas={["imaging"]} />\n', {entriesModule: '/data/entries.json'});
    const output = String(file);
    expect(output).toContain('import RolesPluginTable from "@theme/RoleComparisonTable"');
    expect(output).toContain('import RolesPluginEntries from "/data/entries.json"');
    expect(output).toContain('<RolesPluginTable areas={["imaging"]} entries={RolesPluginEntries} />');
  });

  it('leaves a table the doc imports itself alone', async () => {
    const source = "import RoleComparisonTable from './MyTable';\n\n<RoleComparisonTable />\n";
    const output = String(await run(source, {entriesModule: '/data/entries.json'}));
    expect(output).not.toContain('RolesPlugin');
  });

  it("fills <RolesOnThisPage /> with the page's valid duties", async () => {
    const source = `:::role[Reads the images]{of=radiologist area=interpretation}
R.
:::

:::role[Shared check]{of="technologist radiologist"}
S.
:::

<RolesOnThisPage />
`;
    const output = String(await run(source));
    expect(output).toContain('import RolesPluginSummary from "@theme/RolesOnThisPage"');
    expect(output).toContain(
      '<RolesPluginSummary duties={[{"id":"reads-the-images","title":"Reads the images","roles":["radiologist"],"area":"interpretation"},{"id":"shared-check","title":"Shared check","roles":["radiologist","technologist"],"area":"general"}]} />',
    );
  });

  it('imports <RoleHandout> for the page, with no import by the author', async () => {
    const output = String(await run('<RoleHandout>\n\nPrinted too.\n\n</RoleHandout>\n'));
    expect(output).toContain('import RolesPluginHandout from "@theme/RoleHandout"');
    expect(output).toContain('<RolesPluginHandout>');
  });

  it('appends the summary to every annotated page with `pageSummary`, and only there', async () => {
    const annotated = String(await run(':::role[Reads]{of=radiologist}\nR.\n:::\n', {pageSummary: true}));
    expect(annotated.trimEnd()).toMatch(/<RolesPluginSummary duties=\{\[\{"id":"reads".*\]\} \/>$/);
    const plain = String(await run('# Nothing to sum up\n', {pageSummary: true}));
    expect(plain).not.toContain('RolesPluginSummary');
    const off = String(await run(':::role[Reads]{of=radiologist}\nR.\n:::\n'));
    expect(off).not.toContain('RolesPluginSummary');
  });

  it('produces a tree MDX compiles, importing the callout component', async () => {
    const compiled = String(
      await compile(':::role[Reads the images]{of=radiologist}\nAnd writes the report.\n:::\n', {
        remarkPlugins: [remarkDirective, remarkRoles],
      }),
    );
    expect(compiled).toContain('import RolesPluginCallout from "@theme/RoleCallout"');
    expect(compiled).toMatch(/_jsx\(RolesPluginCallout, \{\s*id: "reads-the-images"/);
  });

  it('lists the first 50 of many problems in the error, and counts the rest', async () => {
    const error = await run(':::role{of=pharmacist}\nX.\n:::\n\n'.repeat(120)).then(
      () => undefined,
      (caught: unknown) => caught as Error & {problems?: Problem[]},
    );
    expect(error?.message).toMatch(/^120 invalid role annotations:/);
    expect(error?.message).toContain('- … and 70 more');
    expect(error?.message.split('\n').filter((line) => line.startsWith('- /site/'))).toHaveLength(50);
    expect(error?.problems).toHaveLength(120);
    expect(error?.problems?.[119]).toMatchObject({file: '/site/docs/pharmacy.md', line: 477, column: 1, ruleId: 'unknown-role'});
  });

  it('lists none of the callouts of a document above the size limit, and says why', () => {
    const tree = remark().use(remarkMdx).use(remarkDirective).parse(':::role[Reads]{of=radiologist}\nR.\n:::\n');
    const file = new VFile({value: `${' '.repeat(1_000_001)}`, path: '/site/docs/huge.md'});
    remarkRoles({onInvalidAnnotation: 'ignore'})(tree, file);
    expect(file.messages.map((message) => `${message.line}:${message.column}: ${message.reason}`)).toEqual([
      '1:1: Unexpected document of 1,000,001 characters, expected at most 1,000,000: role annotations are not gathered from larger documents; split it into several pages',
    ]);
    expect(file.data.roleAnnotations?.map((found) => found.valid)).toEqual([false]);
  });

  it('turns the MDX expressions of a malformed opening line back into text (warn mode renders it)', async () => {
    const output = String(await run(':::role[Reads] {of=radiologist}\nThe body {1 + 1}.\n:::\n', {onInvalidAnnotation: 'warn'}));
    expect(output).toContain('\\{of=radiologist}');
    // Later lines are the author's own MDX, left alone.
    expect(output).toContain('The body {1 + 1}.');
  });

  it('records what it decided in file.data.roleAnnotations', async () => {
    const file = await run(':::role[Reads]{of=radiologist}\nR.\n:::\n\n:::role[Mixes]{of=pharmacist}\nM.\n:::\n', {
      onInvalidAnnotation: 'ignore',
    });
    // No source, owner or review anywhere; every audience by default.
    const fields = {citation: null, owner: null, reviewed: null, reviewDue: null, audience: ['patient', 'staff']};
    expect(file.data.roleAnnotations).toEqual([
      {id: 'reads', roles: ['radiologist'], area: 'general', title: 'Reads', text: 'R.', line: 1, column: 1, section: null, ...fields, valid: true},
      {id: 'mixes', roles: [], area: 'general', title: 'Mixes', text: 'M.', line: 5, column: 1, section: null, ...fields, valid: false},
    ]);
  });
});
