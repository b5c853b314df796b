/**
 * Deterministic synthetic docs for the benchmark: realistic Markdown/MDX
 * about imaging duties (front matter, headings, paragraphs, lists, links,
 * fenced code, GFM tables, admonitions, JSX-free MDX) with 0–4 `:::role`
 * annotations per doc.
 *
 * Doc `i` depends only on (seed, i), so corpus-1000 is exactly the first
 * thousand docs of corpus-10000, and a run is comparable with the next one.
 * Links only point at earlier docs, so every prefix is link-consistent.
 */
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {createRandom, mixSeed} from './prng.mjs';

/** Bump when the generated text changes, so stale corpora are rewritten. */
export const GENERATOR_VERSION = 3;

export const ROLES = ['radiologist', 'technologist', '"radiologist technologist"'];
export const AREAS = [
  'imaging',
  'interpretation',
  'patient-care',
  'radiation-safety',
  'procedure-guidance',
  'reporting',
  'general',
];

/** Docs per folder (`sec-00/` …). */
const PER_SECTION = 100;
/** Average size aimed at, in bytes (log-normal spread around it). */
const TARGET_MEAN = 3500;

const MODALITIES = [
  'CT', 'MRI', 'ultrasound', 'fluoroscopy', 'mammography', 'radiography',
  'nuclear medicine', 'PET-CT', 'interventional radiology', 'DEXA',
];
const BODY_PARTS = [
  'lumbar spine', 'chest', 'abdomen', 'pelvis', 'knee', 'shoulder', 'wrist',
  'brain', 'cervical spine', 'hip', 'ankle', 'thyroid', 'liver', 'kidneys',
];
const SUBJECTS = [
  'The technologist', 'The radiologist', 'The care team', 'The reading room',
  'The department', 'A second reader', 'The referring clinician', 'The nurse',
  'Each shift', 'The imaging coordinator', 'The physicist',
];
const VERBS = [
  'checks', 'confirms', 'documents', 'reviews', 'adjusts', 'explains',
  'records', 'verifies', 'compares', 'schedules', 'prepares', 'escalates',
];
const OBJECTS = [
  'the order and the patient identity', 'the exposure factors', 'the contrast history',
  'the pregnancy status', 'the prior studies', 'the protocol for the clinical question',
  'the positioning of the detector', 'the dose report', 'the critical findings',
  'the consent form', 'the shielding and collimation', 'the image quality',
  'the laterality markers', 'the sedation plan', 'the metal screening questionnaire',
];
const CLAUSES = [
  'before the scan starts', 'after each series', 'when the images are sent to PACS',
  'during the time-out', 'at the end of the procedure', 'whenever the protocol changes',
  'if the patient cannot hold still', 'for every pediatric patient',
  'when the clinical history is incomplete', 'before the report is signed',
];
const DUTIES = [
  'Positions the patient for the {part} views', 'Selects the {modality} protocol',
  'Interprets the {part} {modality} study', 'Reports critical findings to the referring team',
  'Screens the patient for {modality} safety', 'Guides the needle under {modality}',
  'Checks the dose report after the {part} scan', 'Explains the {modality} procedure to the patient',
  'Compares with prior {part} imaging', 'Applies shielding and collimation',
  'Approves the {modality} protocol change', 'Monitors the patient after contrast',
  'Signs the final {part} report', 'Captures the {part} images', 'Reviews image quality before release',
];
const HEADINGS = [
  'Before the exam', 'During the exam', 'After the exam', 'Safety checks', 'Who does what',
  'Common pitfalls', 'Quality control', 'Communication', 'Documentation', 'Equipment',
  'Preparation', 'Positioning', 'Contrast media', 'Reporting workflow', 'Follow-up',
];
const LINK_TEXTS = ['see also', 'the related procedure', 'the safety checklist', 'this overview', 'the protocol page'];
const EXTERNAL = [
  ['RadiologyInfo', 'https://www.radiologyinfo.org/'],
  ['the ACR guidelines', 'https://www.acr.org/Clinical-Resources'],
  ['Image Gently', 'https://www.imagegently.org/'],
  ['the ASRT practice standards', 'https://www.asrt.org/'],
];
const ADMONITIONS = ['note', 'tip', 'info', 'warning', 'caution', 'danger'];

function fill(template, rnd) {
  return template
    .replace('{part}', rnd.pick(BODY_PARTS))
    .replace('{modality}', rnd.pick(MODALITIES));
}

function sentence(rnd) {
  const base = `${rnd.pick(SUBJECTS)} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)} ${rnd.pick(CLAUSES)}`;
  const decorated = rnd.chance(0.15)
    ? base.replace(/the (\w+)/, (m, w) => `the **${w}**`)
    : rnd.chance(0.1)
      ? `${base} using the \`${rnd.pick(['kVp', 'mAs', 'CTDIvol', 'DLP', 'TR', 'TE'])}\` value`
      : base;
  return `${decorated}.`;
}

function paragraph(rnd, ctx, min = 2, max = 5) {
  const parts = [];
  const count = rnd.int(min, max);
  for (let n = 0; n < count; n += 1) parts.push(sentence(rnd));
  if (rnd.chance(0.35)) {
    // A link inside the paragraph: to an earlier doc, or an external page.
    const link =
      ctx.index > 0 && rnd.chance(0.6)
        ? `[${rnd.pick(LINK_TEXTS)}](${relativeLink(ctx, Math.floor(rnd.next() * ctx.index))})`
        : (() => {
            const [text, url] = rnd.pick(EXTERNAL);
            return `[${text}](${url})`;
          })();
    parts.splice(rnd.int(0, parts.length), 0, `For details, read ${link}.`);
  }
  return parts.join(' ');
}

function list(rnd, ctx) {
  const ordered = rnd.chance(0.4);
  const count = rnd.int(3, 6);
  const items = [];
  for (let n = 0; n < count; n += 1) {
    const text = rnd.chance(0.2) ? paragraph(rnd, ctx, 1, 1) : sentence(rnd);
    items.push(`${ordered ? `${n + 1}.` : '-'} ${text}`);
  }
  return items.join('\n');
}

function table(rnd) {
  const rows = rnd.int(3, 6);
  const lines = ['| Step | Who | Notes |', '| --- | --- | --- |'];
  for (let n = 0; n < rows; n += 1) {
    lines.push(
      `| ${rnd.pick(HEADINGS)} | ${rnd.pick(['Technologist', 'Radiologist', 'Both', 'Nurse'])} | ${rnd.pick(OBJECTS)} ${rnd.pick(CLAUSES)} |`,
    );
  }
  return lines.join('\n');
}

/** A fenced example of an annotation: text that must NOT be counted. */
function roleExampleCode(rnd) {
  const fence = rnd.chance(0.3) ? '````' : '```';
  return [
    `${fence}md title="How to annotate a duty"`,
    `:::role[${fill(rnd.pick(DUTIES), rnd)}]{of=${rnd.pick(ROLES)} area=${rnd.pick(AREAS)}}`,
    sentence(rnd),
    ':::',
    fence,
  ].join('\n');
}

function codeBlock(rnd) {
  const kind = rnd.int(0, 3);
  if (kind === 0) {
    return [
      '```yaml title="protocol.yml"',
      `modality: ${rnd.pick(MODALITIES)}`,
      `body_part: ${rnd.pick(BODY_PARTS)}`,
      `kvp: ${rnd.int(60, 140)}`,
      `mas: ${rnd.int(2, 400)}`,
      `contrast: ${rnd.chance(0.5)}`,
      '```',
    ].join('\n');
  }
  if (kind === 1) {
    return [
      '```js',
      `const protocol = {modality: '${rnd.pick(MODALITIES)}', kvp: ${rnd.int(60, 140)}};`,
      'export function dose(ctdi, length) {',
      '  return ctdi * length; // DLP in mGy·cm',
      '}',
      '```',
    ].join('\n');
  }
  if (kind === 2) {
    return ['```bash', `dicom-send --host pacs.local --aet ${rnd.pick(['CT1', 'MR2', 'US3'])} ./series/*.dcm`, '```'].join('\n');
  }
  return ['```text', `${rnd.pick(BODY_PARTS).toUpperCase()}: ${sentence(rnd)}`, `IMPRESSION: ${sentence(rnd)}`, '```'].join('\n');
}

function admonition(rnd, ctx) {
  const type = rnd.pick(ADMONITIONS);
  const title = rnd.chance(0.4) ? `[${rnd.pick(HEADINGS)}]` : '';
  return `:::${type}${title}\n\n${paragraph(rnd, ctx, 1, 3)}\n\n:::`;
}

/** One annotation (or, in the `notes` style, the same text as a `:::note`). */
function annotation(rnd, ctx, docIndex, k, style) {
  const title = fill(rnd.pick(DUTIES), rnd);
  let of = rnd.pick(ROLES);
  if (of === 'technologist' && rnd.chance(0.1)) of = 'radiographer'; // an alias
  const attributes = [`of=${of}`];
  if (rnd.chance(0.85)) attributes.push(`area=${rnd.pick(AREAS)}`);
  if (rnd.chance(0.1)) attributes.push(`id=duty-${docIndex}-${k}`);
  const open = style === 'notes' ? `:::note[${title}]` : `:::role[${title}]{${attributes.join(' ')}}`;
  const body = [paragraph(rnd, ctx, 1, 3)];
  if (rnd.chance(0.3)) body.push(list(rnd, ctx));
  const block = `${open}\n${body.join('\n\n')}\n:::`;
  // Now and then nested in an admonition (the outer fence needs more colons).
  if (rnd.chance(0.05)) return `::::tip[${rnd.pick(HEADINGS)}]\n\n${block}\n\n::::`;
  return block;
}

/** Whether doc `index` is an `.mdx` file (with JSX-free MDX syntax). */
function isMdx(seed, index) {
  return mixSeed(seed ^ 0x5bd1e995, index) % 100 < 15;
}

/** Site-relative path of doc `index` (below the docs folder). */
export function docPath(seed, index) {
  const section = String(Math.floor(index / PER_SECTION)).padStart(2, '0');
  return `sec-${section}/doc-${String(index).padStart(5, '0')}.${isMdx(seed, index) ? 'mdx' : 'md'}`;
}

function relativeLink(ctx, target) {
  const from = path.posix.dirname(docPath(ctx.seed, ctx.index));
  const rel = path.posix.relative(from, docPath(ctx.seed, target));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** How many annotations doc `index` holds (same for every style). */
function annotationCount(rnd) {
  return rnd.weighted([[0, 30], [1, 25], [2, 20], [3, 15], [4, 10]]);
}

/**
 * Generate doc `index`. Returns its relative path, content and what it
 * holds: `annotations` real ones, `examples` fenced or inline `:::role`
 * text that must not count.
 */
export function generateDoc(seed, index, style = 'roles') {
  const rnd = createRandom(mixSeed(seed, index));
  const ctx = {seed, index};
  const mdx = isMdx(seed, index);
  const k = annotationCount(rnd);
  const target = Math.min(14000, Math.max(900, TARGET_MEAN * Math.exp(0.45 * rnd.normal() - 0.165)));
  const modality = rnd.pick(MODALITIES);
  const part = rnd.pick(BODY_PARTS);
  const title = `${modality[0].toUpperCase()}${modality.slice(1)} of the ${part} (${index})`;

  const head = [
    '---',
    `title: "${title}"`,
    `description: "Who does what during ${modality} of the ${part}: radiologist and technologist duties."`,
    `sidebar_position: ${(index % PER_SECTION) + 1}`,
    '---',
    '',
  ];
  if (mdx) {
    head.push(`export const reviewed = '202${rnd.int(0, 5)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}';`, '');
  }
  head.push(`# ${title}`, '', paragraph(rnd, ctx, 2, 4));
  if (mdx) head.push('', `Last reviewed on {reviewed}. {/* editorial: keep in sync with the protocol book */}`);

  const blocks = [];
  let examples = 0;
  if (rnd.chance(0.12)) {
    blocks.push(`## Annotating duties\n\nWrite duties as annotations, like this:\n\n${roleExampleCode(rnd)}`);
    examples += 1;
  }
  if (rnd.chance(0.05)) {
    blocks.push(`Duties in this guide use the \`:::role\` directive; see the authoring guide.`);
    examples += 1;
  }
  const annotations = [];
  for (let n = 0; n < k; n += 1) annotations.push(annotation(rnd, ctx, index, n, style));

  let size = head.join('\n').length + blocks.join('\n\n').length + annotations.join('\n\n').length;
  while (size < target) {
    const kind = rnd.weighted([
      ['heading', 14], ['paragraph', 40], ['list', 14], ['code', 10], ['table', 6], ['admonition', 8], ['quote', 4], ['sub', 4],
    ]);
    let block;
    if (kind === 'heading') block = `## ${rnd.pick(HEADINGS)}\n\n${paragraph(rnd, ctx)}`;
    else if (kind === 'sub') block = `### ${rnd.pick(HEADINGS)} for ${rnd.pick(BODY_PARTS)}`;
    else if (kind === 'paragraph') block = paragraph(rnd, ctx);
    else if (kind === 'list') block = list(rnd, ctx);
    else if (kind === 'code') block = codeBlock(rnd);
    else if (kind === 'table') block = table(rnd);
    else if (kind === 'admonition') block = admonition(rnd, ctx);
    else block = `> ${sentence(rnd)} ${sentence(rnd)}`;
    blocks.push(block);
    size += block.length + 2;
  }
  for (const item of annotations) blocks.splice(rnd.int(0, blocks.length), 0, item);
  const content = `${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
  return {relPath: docPath(seed, index), content, annotations: k, examples};
}

/**
 * Write docs `0 … count-1` below `dir` (reused when a manifest says the
 * same generator, seed, style and count are already there).
 */
export async function writeCorpus(dir, {count, seed, style = 'roles'}) {
  const manifestPath = path.join(dir, 'manifest.json');
  const wanted = {generator: GENERATOR_VERSION, seed, style, count};
  try {
    const existing = JSON.parse(await readFile(manifestPath, 'utf8'));
    if (Object.entries(wanted).every(([key, value]) => existing[key] === value)) {
      return {...existing, reused: true};
    }
  } catch {
    // No corpus yet.
  }
  await rm(dir, {recursive: true, force: true});
  const files = [];
  let bytes = 0;
  let annotations = 0;
  let examples = 0;
  let withNone = 0;
  const madeDirs = new Set();
  for (let index = 0; index < count; index += 1) {
    const doc = generateDoc(seed, index, style);
    const filePath = path.join(dir, doc.relPath);
    const folder = path.dirname(filePath);
    if (!madeDirs.has(folder)) {
      await mkdir(folder, {recursive: true});
      madeDirs.add(folder);
    }
    await writeFile(filePath, doc.content);
    files.push({path: doc.relPath, annotations: doc.annotations});
    bytes += Buffer.byteLength(doc.content);
    annotations += doc.annotations;
    examples += doc.examples;
    if (doc.annotations === 0) withNone += 1;
  }
  const manifest = {
    ...wanted,
    bytes,
    averageBytes: Math.round(bytes / count),
    annotations,
    examples,
    docsWithoutAnnotations: withNone,
    files,
  };
  await writeFile(manifestPath, JSON.stringify(manifest));
  return {...manifest, reused: false};
}
