/**
 * The extractor at sizes no real page reaches: its cost must stay linear
 * and nothing may overflow the call stack. Trees are built directly (no
 * parse), so the test measures the extractor alone.
 */
import {describe, expect, it} from 'vitest';
import type {Root} from 'mdast';
import type {ContainerDirective} from 'mdast-util-directive';
import {extractAnnotations} from '../plugins/docusaurus-plugin-roles/src/core/extract.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../plugins/docusaurus-plugin-roles/src/options.js';

/** `count` annotations `:::role[title]{of=role}`, one per 3 lines. */
function tree(count: number, title: string, role: string): Root {
  const children: ContainerDirective[] = [];
  for (let index = 0; index < count; index += 1) {
    const line = index * 3 + 1;
    children.push({
      type: 'containerDirective',
      name: 'role',
      attributes: {of: role},
      position: {start: {line, column: 1, offset: 0}, end: {line: line + 2, column: 4, offset: 0}},
      children: [
        {type: 'paragraph', data: {directiveLabel: true}, children: [{type: 'text', value: title}]},
        {type: 'paragraph', children: [{type: 'text', value: 'Body.'}]},
      ],
    });
  }
  return {type: 'root', children};
}

const config = toRolesConfig(DEFAULT_OPTIONS);

describe('extractAnnotations at scale', () => {
  it('gives 50,000 equal titles 50,000 different ids', () => {
    const {annotations} = extractAnnotations(tree(50_000, 'Same', 'radiologist'), config);
    const ids = annotations.map((found) => found.annotation.id);
    expect(new Set(ids).size).toBe(50_000);
    expect(ids.slice(0, 3)).toEqual(['same', 'same-1', 'same-2']);
    expect(ids.at(-1)).toBe('same-49999');
  });
});
