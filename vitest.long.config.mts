import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

const theme = fileURLToPath(new URL('plugins/docusaurus-plugin-roles/src/theme/', import.meta.url));

/**
 * The long suite (`npm run test:long`): what takes too long for everyday
 * `npm test` but must pass before a merge (CI runs it): builds of the test
 * sites, the CLI on them, the real-corpus differential, the cache and
 * worker-thread tests, builds killed mid-write. The same resolution and
 * timeouts as `npm test` (vitest.config.mts, kept in step by hand); only the
 * files differ.
 */
export default defineConfig({
  resolve: {
    alias: [{find: /^@theme\/RoleComparisonTable\/(.+)$/, replacement: `${theme}RoleComparisonTable/$1`}],
  },
  test: {
    include: ['test/long/**/*.test.ts'],
    maxWorkers: '100%',
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
