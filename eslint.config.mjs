// ESLint for the whole repository (`npm run lint`): typescript-eslint's
// recommended rules, the React hooks rules for the theme, and the rule that
// keeps theme imports resolvable after a site ejects a component.
import {defineConfig} from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '**/lib/',
      '**/build/',
      '**/.docusaurus/',
      'test/.tmp/',
      'bench/out/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      // `_` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true},
      ],
      // logger.warn`…` is a call written as a tagged template.
      '@typescript-eslint/no-unused-expressions': ['error', {allowTaggedTemplates: true}],
    },
  },
  {
    files: ['plugins/docusaurus-plugin-roles/src/theme/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}'],
    languageOptions: {globals: {...globals.browser}},
    plugins: {'react-hooks': reactHooks},
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A site's `swizzle --eject` copies a component's folder into its own
    // src/theme: only names that resolve from there may be imported.
    files: ['plugins/docusaurus-plugin-roles/src/theme/**/*.{ts,tsx}'],
    ignores: ['plugins/docusaurus-plugin-roles/src/theme/roles.d.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'docusaurus-plugin-roles',
              allowTypeImports: true,
              message: 'The package root is the Node.js entry: import only its types here.',
            },
          ],
          patterns: [
            {
              regex: '^\\.\\.?/(?!styles\\.module\\.css$)',
              message:
                'Theme modules import @theme/…, @docusaurus/… or docusaurus-plugin-roles/client, which still resolve once a site ejects the component (a relative path only for its own styles.module.css).',
            },
          ],
        },
      ],
    },
  },
  // Layers import downward only (the developers' guide): core/ knows mdast
  // and data, parse/ uses core/, remark/ knows unified and core/ (it must
  // load where no Docusaurus package is installed), plugin/ uses them all.
  ...[
    {layer: 'core', forbidden: ['parse', 'remark', 'plugin', 'theme', 'options'], docusaurus: true},
    {layer: 'parse', forbidden: ['remark', 'plugin', 'theme'], docusaurus: false},
    {layer: 'remark', forbidden: ['parse', 'plugin', 'theme', 'options'], docusaurus: true},
  ].map(({layer, forbidden, docusaurus}) => ({
    files: [`plugins/docusaurus-plugin-roles/src/${layer}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(${forbidden.join('|')})(/|\\.js$)`,
              message: `${layer}/ imports only the layers below it (see the developers' guide: core/ ← parse/, remark/ ← plugin/).`,
            },
            ...(docusaurus
              ? [
                  {
                    regex: '^@docusaurus/',
                    allowTypeImports: false,
                    message: `${layer}/ must not need Docusaurus: the remark plugin loads in a bare unified pipeline.`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
);
