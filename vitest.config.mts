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
    // `npm test` is the quick suite for everyday changes. The long suites
    // have their own configs and scripts: `npm run test:long`
    // (vitest.long.config.mts: builds of the test sites, the CLI, the
    // real-corpus differential, the cache and worker tests, the killed
    // builds), `npm run test:e2e` (vitest.e2e.config.mts: browser tests) and
    // `npm run test:package` (vitest.package.config.mts: the packed tarball).
    exclude: [...configDefaults.exclude, 'test/.tmp/**', 'test/long/**', 'test/e2e/**', 'test/package/**'],
    // One test file per core. Vitest's default in a run is one fewer
    // (a single worker on a 2-core machine), which leaves a core idle while
    // a file runs single-threaded work or waits for a Docusaurus build.
    maxWorkers: '100%',
    // The integration tests run real Docusaurus builds: about 30 s idle, but
    // a cold one took over 4 minutes on the shared 2-core machine (load 20).
    // The timeouts only catch a hang; timings never decide pass/fail.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
