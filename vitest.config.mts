import {fileURLToPath} from 'node:url';
import {configDefaults, defineConfig} from 'vitest/config';

const theme = fileURLToPath(new URL('plugins/docusaurus-plugin-roles/src/theme/', import.meta.url));

export default defineConfig({
  resolve: {
    // The table's modules import each other through the `@theme/` alias (so
    // an ejected copy still finds them): resolve it to the sources, as the
    // site's bundler resolves it to the plugin's theme folder.
    alias: [{find: /^@theme\/RoleComparisonTable\/(.+)$/, replacement: `${theme}RoleComparisonTable/$1`}],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests run with `npm run test:e2e` (vitest.e2e.config.mts), the
    // packed-tarball suite with `npm run test:package` (vitest.package.config.mts).
    exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/package/**'],
    // The integration suite runs real Docusaurus builds (about 10 s each).
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
