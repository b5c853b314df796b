/**
 * Small builders for the MDX nodes the transform emits. MDX compiles ESM
 * and expression attributes from their `estree`, so each carries one.
 */
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import type {MdxJsxAttribute} from 'mdast-util-mdx-jsx';
import {valueToEstree} from 'estree-util-value-to-estree';

/** `import local from 'source'` as an mdast ESM node. */
export function importDefault(local: string, source: string): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import ${local} from ${JSON.stringify(source)}`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [
              {type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: local}},
            ],
            source: {type: 'Literal', value: source, raw: JSON.stringify(source)},
            attributes: [],
          },
        ],
      },
    },
  };
}

/** `name="value"`, or a bare boolean `name` when `value` is `true`. */
export function stringAttribute(name: string, value: string | true): MdxJsxAttribute {
  return {type: 'mdxJsxAttribute', name, value: value === true ? null : value};
}

/** `name={identifier}`: an attribute whose value is a variable. */
export function identifierAttribute(name: string, identifier: string): MdxJsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: identifier,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [
            {type: 'ExpressionStatement', expression: {type: 'Identifier', name: identifier}},
          ],
        },
      },
    },
  };
}

/** `name={object["property"]}`: an attribute whose value is a property of a variable. */
export function memberAttribute(name: string, object: string, property: string): MdxJsxAttribute {
  const literal = JSON.stringify(property);
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: `${object}[${literal}]`,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [
            {
              type: 'ExpressionStatement',
              expression: {
                type: 'MemberExpression',
                object: {type: 'Identifier', name: object},
                property: {type: 'Literal', value: property, raw: literal},
                computed: true,
                optional: false,
              },
            },
          ],
        },
      },
    },
  };
}

/** `name={…}` with a JSON-like value written inline (`name={[{"id": "a"}]}`). */
export function valueAttribute(name: string, value: unknown): MdxJsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: JSON.stringify(value),
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [{type: 'ExpressionStatement', expression: valueToEstree(value)}],
        },
      },
    },
  };
}
