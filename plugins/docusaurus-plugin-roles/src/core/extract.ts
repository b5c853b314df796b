/**
 * The one function that decides what a role annotation is.
 *
 * Both the remark transform (which renders each page) and the aggregator
 * (which builds the table and the exports) call `extractAnnotations` on the
 * same kind of tree, so a page and the table can never disagree.
 *
 * ```md
 * :::role[Captures the spine images]{of=technologist area=imaging}
 * Positions the patient prone and runs the fluoroscopy unit.
 * :::
 * ```
 *
 * yields `{id: 'captures-the-spine-images', roles: ['technologist'],
 * area: 'imaging', title: 'Captures the spine images', text: 'Positions…'}`.
 */
import {slug} from 'github-slugger';
import GithubSlugger from 'github-slugger';
import {visit} from 'unist-util-visit';
import {VFileMessage} from 'vfile-message';
import type {Heading, Nodes, Paragraph, Root, RootContent} from 'mdast';
import type {Position} from 'unist';
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive';
import {
  createLookup,
  didYouMean,
  expectedAreas,
  expectedRoles,
  roleNames,
} from './config.js';
import {blocksToText, firstSentence, phrasingToText} from './text.js';
import {sectionsOf, type Section} from './sections.js';
import {
  DUTY_FIELD_NAMES,
  NO_PAGE_FIELDS,
  frontMatterPlaces,
  readPageFields,
  resolveDutyFields,
  type DutyFieldRuleId,
  type DutyFields,
  type FrontMatterPlaces,
} from './duty-fields.js';
import {readHandoffs, type HandoffReference} from './handoffs.js';
import type {RolesConfig} from '../types.js';

/** Name of the directive authors write: `:::role`. */
export const DIRECTIVE_NAME = 'role';

/** Anything a message can point at. */
type Positioned = Pick<Nodes, 'position'>;

/** Attributes an annotation may carry. */
const ATTRIBUTES = ['of', 'area', 'id', ...DUTY_FIELD_NAMES, 'follows', 'hands-to'] as const;

/** Identifies each kind of problem, for filtering and tests. */
export type RuleId =
  | 'missing-role'
  | 'unknown-role'
  | 'unknown-area'
  | 'unknown-attribute'
  | 'duplicate-id'
  | 'invalid-id'
  | 'empty-annotation'
  | 'expression-in-title'
  | 'not-a-container'
  | 'malformed-directive'
  | 'invalid-handoff'
  | 'document-too-large'
  | DutyFieldRuleId;

/** What an annotation means, resolved against the configured roles and areas. */
export interface RoleAnnotation extends DutyFields {
  /** Anchor id, unique within the page. */
  id: string;
  /** Canonical role keys in configured order (unknown names are left out). */
  roles: string[];
  /** Area key (the default area when `area=` is absent). */
  area: string;
  /** The `[label]` as plain text, else the first sentence of the body. */
  title: string;
  /** Plain text of the body. */
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 1-based column of the opening fence. */
  column: number;
  /** The nearest heading above it (`sections.ts`), or `null` before any. */
  section: Section | null;
  /** Duties it comes after (`follows=`, see `handoffs.ts`), as written; absent without the attribute. */
  follows?: HandoffReference[];
  /** Duties it hands over to (`hands-to=`), as written; absent without the attribute. */
  handsTo?: HandoffReference[];
}

/** An annotation with the node it came from and whether it is valid. */
export interface FoundAnnotation extends ResolvedAnnotation {
  node: ContainerDirective;
}

/** Everything `extractAnnotations` found in one tree. */
export interface ExtractResult {
  /** Every `:::role` container, valid or not, in document order. */
  annotations: FoundAnnotation[];
  /** `::role` and `:role` directives, which are never annotations. */
  strays: Array<LeafDirective | TextDirective>;
  /** Paragraphs that start like an annotation but are not one (`:::role Title`). */
  malformed: Paragraph[];
  /** Problems, with positions, in document order. */
  messages: VFileMessage[];
}

/**
 * A `:::role` container as its page reads it, before the roles and areas
 * configuration gives it a meaning. Plain data (no nodes), so the
 * aggregator can cache it on disk and receive it from a worker thread.
 */
export interface AnnotationCandidate {
  /** Anchor id, unique within the page (ids do not depend on the configuration). */
  id: string;
  /** The attributes as written (`null` for an attribute without a value). */
  attributes: Record<string, string | null>;
  /** The `[label]` as plain text, else the first sentence of the body. */
  title: string;
  /** Plain text of the body. */
  text: string;
  /** Where the container sits, for its messages. */
  place: Position | undefined;
  /** Where its label sits when the label holds an MDX expression. */
  expressionInTitle: Position | undefined;
  /** Whether its explicit id was reported (white space, duplicate). */
  badId: boolean;
  /** The nearest heading above it, or `null` before any. */
  section: Section | null;
}

/** A problem found without the configuration, as plain data. */
export interface CandidateMessage {
  reason: string;
  ruleId: RuleId;
  place: Position | undefined;
}

/**
 * Everything about a document's annotations that does not depend on the
 * roles and areas configuration: what `resolveCandidates` turns into
 * annotations and messages. Plain data, serializable.
 */
export interface DocumentFacts {
  /** Every `:::role` container, in document order. */
  candidates: AnnotationCandidate[];
  /** Problems of strays, malformed openings and explicit ids, in the order found. */
  messages: CandidateMessage[];
  /** Where the front matter's `roles` keys are written (`frontMatterPlaces`), when known. */
  frontMatter?: FrontMatterPlaces | undefined;
}

/** What a page says about its duties besides the tree: its front matter and text. */
export interface PageContext {
  /** The front matter's `roles` value (`file.data.frontMatter.roles`, a doc's `frontMatter.roles`). */
  roles?: unknown;
  /** The document's text, to point problems of the front matter at their line. */
  text?: string | undefined;
}

/** An annotation resolved against the configuration, without its node. */
export interface ResolvedAnnotation {
  annotation: RoleAnnotation;
  /** `false` when a message was raised for it: it is left out of the table. */
  valid: boolean;
  /** Role names as written that match no role (rendered as-is on the page). */
  unknownRoles: string[];
}

/**
 * Find and resolve every role annotation of a tree. Pure: the tree is not
 * changed; problems are returned as positioned `VFileMessage`s.
 */
export function extractAnnotations(tree: Root, config: RolesConfig, page: PageContext = {}): ExtractResult {
  const {facts, containers, strays, malformed} = collect(tree);
  if (page.text !== undefined) facts.frontMatter = frontMatterPlaces(page.text);
  const {annotations, messages} = resolveCandidates(facts, config, page.roles);
  return {
    annotations: annotations.map((resolved, index) => ({...resolved, node: containers[index]!})),
    strays,
    malformed,
    messages,
  };
}

/**
 * What a tree's annotations are before the configuration applies: the
 * aggregator stores this per file, so a changed configuration re-validates
 * without parsing again.
 */
export function documentFacts(tree: Root): DocumentFacts {
  return collect(tree).facts;
}

/** The candidates of a tree, with the nodes the remark transform rewrites. */
function collect(tree: Root): {
  facts: DocumentFacts;
  containers: ContainerDirective[];
  strays: Array<LeafDirective | TextDirective>;
  malformed: Paragraph[];
} {
  const messages: CandidateMessage[] = [];
  const strays: Array<LeafDirective | TextDirective> = [];
  const malformed: Paragraph[] = [];
  const report = (reason: string, node: Positioned, ruleId: RuleId): void => {
    messages.push({reason, ruleId, place: node.position});
  };

  const containers: ContainerDirective[] = [];
  visit(tree, (node) => {
    if (node.type === 'containerDirective' && node.name === DIRECTIVE_NAME) {
      containers.push(node);
    } else if (
      (node.type === 'leafDirective' || node.type === 'textDirective') &&
      node.name === DIRECTIVE_NAME
    ) {
      strays.push(node);
      const written = node.type === 'leafDirective' ? '::role' : ':role';
      report(
        `Unexpected ${node.type === 'leafDirective' ? 'leaf' : 'text'} directive \`${written}\`, expected a container directive: \`:::role[Title]{of=…}\` on its own line, closed by \`:::\``,
        node,
        'not-a-container',
      );
    } else if (node.type === 'paragraph') {
      if (checkMalformed(node, report)) malformed.push(node);
    }
  });

  // Ids must not collide with each other nor with the page's heading anchors.
  const anchors = headingIds(tree);
  const usedIds = new Set(anchors);
  const sections = sectionsOf(tree, anchors, containers);
  const explicitIds = new Map<string, ContainerDirective>();
  // Id problems are found before the per-annotation pass: remember whom
  // they concern, so those annotations count as invalid too.
  const badIds = new Set<ContainerDirective>();
  for (const node of containers) {
    const id = node.attributes?.id;
    if (typeof id !== 'string' || id === '') continue;
    if (/\s/.test(id)) {
      report(`Unexpected id \`${id}\`, expected an id without white space`, node, 'invalid-id');
      badIds.add(node);
    } else if (explicitIds.has(id)) {
      const first = explicitIds.get(id)!.position?.start;
      report(
        `Duplicate id \`${id}\`, expected each annotation id to be unique on its page (first used at line ${first?.line ?? '?'})`,
        node,
        'duplicate-id',
      );
      badIds.add(node);
    } else {
      explicitIds.set(id, node);
    }
    usedIds.add(id);
  }

  const candidates: AnnotationCandidate[] = containers.map((node) => {
    const {label, body} = splitLabel(node);
    // No prototype: an attribute may be called `__proto__`.
    const attributes = Object.create(null) as Record<string, string | null>;
    for (const [name, value] of Object.entries(node.attributes ?? {})) attributes[name] = value ?? null;
    const text = blocksToText(body);
    const hasExpression = label?.children.some(
      (child) => child.type === 'mdxTextExpression' || child.type === 'mdxFlowExpression',
    );
    return {
      id: '',
      attributes,
      title: label ? phrasingToText(label.children) : firstSentence(text),
      text,
      place: node.position,
      expressionInTitle: hasExpression ? label!.position : undefined,
      badId: badIds.has(node),
      section: sections.get(node) ?? null,
    };
  });

  // Auto ids last, so every explicit id and heading anchor is already taken.
  const ids = new IdAllocator(usedIds);
  for (const candidate of candidates) {
    const explicit = candidate.attributes.id;
    candidate.id =
      typeof explicit === 'string' && explicit !== '' && !/\s/.test(explicit)
        ? explicit
        : ids.allocate(slug(candidate.title).replace(/^-+|-+$/g, '') || 'role');
  }
  return {facts: {candidates, messages}, containers, strays, malformed};
}

/**
 * Give a document's candidates their meaning under a configuration: roles
 * and area resolved (aliases included), source, owner, review and audience
 * resolved with the page's front matter `roles` value (read only on pages
 * that hold annotations), every problem as a positioned `VFileMessage`,
 * sorted by position, and each annotation's validity.
 */
export function resolveCandidates(
  facts: DocumentFacts,
  config: RolesConfig,
  pageRoles?: unknown,
): {annotations: ResolvedAnnotation[]; messages: VFileMessage[]} {
  const lookup = createLookup(config);
  const messages: VFileMessage[] = [];
  const report = (reason: string, place: Position | undefined, ruleId: RuleId): void => {
    messages.push(new VFileMessage(reason, {place, ruleId, source: 'docusaurus-plugin-roles'}));
  };
  for (const message of facts.messages) report(message.reason, message.place, message.ruleId);
  const page =
    facts.candidates.length > 0 ? readPageFields(pageRoles, config, facts.frontMatter, report) : NO_PAGE_FIELDS;

  const annotations = facts.candidates.map((candidate): ResolvedAnnotation => {
    const before = messages.length;
    const {attributes, place} = candidate;

    for (const name of Object.keys(attributes)) {
      if (!(ATTRIBUTES as readonly string[]).includes(name)) {
        const close = didYouMean(name, ATTRIBUTES);
        report(
          `Unknown attribute \`${name}\`, expected one of: ${ATTRIBUTES.join(', ')}${close ? `; did you mean \`${close}\`?` : ''}`,
          place,
          'unknown-attribute',
        );
      }
    }

    const written = (attributes.of ?? '').split(/\s+/).filter(Boolean);
    const roles: string[] = [];
    const unknownRoles: string[] = [];
    if (written.length === 0) {
      report(
        `Missing \`of\` attribute, ${expectedRoles(config)}; for example \`{of=${config.roles[0]!.key}}\``,
        place,
        'missing-role',
      );
    }
    for (const name of written) {
      const key = lookup.role(name);
      if (key === undefined) {
        unknownRoles.push(name);
        const close = didYouMean(name, roleNames(config));
        report(
          `Unknown role \`${name}\`, ${expectedRoles(config)}${close ? `; did you mean \`${close}\`?` : ''}`,
          place,
          'unknown-role',
        );
      } else if (!roles.includes(key)) {
        roles.push(key);
      }
    }
    roles.sort((a, b) => lookup.roleOrder(a) - lookup.roleOrder(b));

    let area = attributes.area ?? config.defaultArea;
    if (!lookup.hasArea(area)) {
      const close = didYouMean(area, config.areas.map((each) => each.key));
      report(
        `Unknown area \`${area}\`, ${expectedAreas(config)}${close ? `; did you mean \`${close}\`?` : ''}`,
        place,
        'unknown-area',
      );
      area = config.defaultArea;
    }

    if (candidate.expressionInTitle) {
      report(
        'Unexpected MDX expression in the title, expected plain text; write `\\{` for a literal brace',
        candidate.expressionInTitle,
        'expression-in-title',
      );
    }

    if (candidate.title === '') {
      report(
        'Unexpected empty annotation, expected a title in `[…]` or a body whose first sentence can serve as one',
        place,
        'empty-annotation',
      );
    }

    const duty = resolveDutyFields(attributes, page, config, place, report);
    const handoffs = readHandoffs(attributes, (reason) => report(reason, place, 'invalid-handoff'));

    const start = place?.start;
    return {
      annotation: {
        id: candidate.id,
        roles,
        area,
        title: candidate.title,
        text: candidate.text,
        line: start?.line ?? 0,
        column: start?.column ?? 0,
        section: candidate.section,
        ...duty.fields,
        ...handoffs,
      },
      valid: messages.length === before && !candidate.badId && duty.valid,
      unknownRoles,
    };
  });

  messages.sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return {annotations, messages};
}

/** The label (`[…]`) of a container directive: its nodes and where it sits. */
export interface DirectiveLabel {
  children: Nodes[];
  position: Paragraph['position'];
}

/**
 * The label (`[…]`) and the body of a container directive.
 *
 * The parser puts the label in a first paragraph marked `directiveLabel`.
 * Inside the MDX compile, a paragraph holding only JSX or expressions is
 * unravelled into its children before any remark plugin runs
 * (`remark-mark-and-unravel`), marker included: such a label is then the
 * leading nodes that start on the directive's own opening line, where no
 * body can start.
 */
export function splitLabel(node: ContainerDirective): {
  label: DirectiveLabel | undefined;
  body: RootContent[];
} {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    return {label: {children: first.children, position: first.position}, body: rest};
  }
  const opening = node.position?.start.line;
  let count = 0;
  while (count < node.children.length && opening !== undefined) {
    const child = node.children[count]!;
    const unravelled = child.type === 'mdxJsxFlowElement' || child.type === 'mdxFlowExpression';
    if (!unravelled || child.position?.start.line !== opening) break;
    count += 1;
  }
  if (count === 0) return {label: undefined, body: node.children};
  const children = node.children.slice(0, count);
  return {
    label: {
      children: children as Nodes[],
      position: {start: children[0]!.position!.start, end: children[count - 1]!.position!.end},
    },
    body: node.children.slice(count),
  };
}

/**
 * Hands out unique ids: `base`, else `base-1`, `base-2`…, the first one not
 * used yet. Remembers where each base stopped, so equal titles cost linear
 * time, not quadratic.
 */
class IdAllocator {
  private readonly next = new Map<string, number>();
  constructor(private readonly used: Set<string>) {}

  allocate(base: string): string {
    let n = this.next.get(base) ?? 0;
    let candidate = n === 0 ? base : `${base}-${n}`;
    while (this.used.has(candidate)) {
      n += 1;
      candidate = `${base}-${n}`;
    }
    this.next.set(base, n + 1);
    this.used.add(candidate);
    return candidate;
  }
}

/**
 * Anchors the page's headings get. Inside the MDX compile Docusaurus has
 * already set `data.id`; on a freshly parsed tree we compute what it will
 * (GitHub slugs, or an explicit `{#id}`), so both paths agree. One id per
 * heading, in the order `visit` meets them (`sections.ts` relies on it).
 */
export function headingIds(tree: Root): string[] {
  const slugger = new GithubSlugger();
  const ids: string[] = [];
  visit(tree, 'heading', (heading: Heading) => {
    const data = heading.data as {id?: unknown} | undefined;
    if (typeof data?.id === 'string') {
      ids.push(data.id);
      return;
    }
    const text = phrasingToText(heading.children);
    const explicit = /\s*\{#([\w-]+)\}$/.exec(text);
    ids.push(explicit ? explicit[1]! : slugger.slug(text));
  });
  return ids;
}

/**
 * `:::role Title` and `:::role[Title] {of=…}` are not directives (a title
 * needs brackets, and nothing may stand between `]` and `{`): the parser keeps
 * them as text. Say so instead of letting the duty vanish from the table.
 */
function checkMalformed(
  paragraph: Paragraph,
  report: (reason: string, node: Positioned, ruleId: RuleId) => void,
): boolean {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return false;
  const match = /^(:{2,})role(?![\p{L}\p{N}_-])(.*)/u.exec(first.value);
  if (!match) return false;
  report(
    `Unexpected \`${match[1]}role${match[2]!.split('\n')[0]!.trimEnd()}\`, expected \`${match[1]!.length < 3 ? ':::' : match[1]}role[Title]{of=…}\`: the title goes in brackets, with no space before \`[\` or \`{\``,
    paragraph,
    'malformed-directive',
  );
  return true;
}
