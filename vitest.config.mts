import {configDefaults, defineConfig} from 'vitest/config';

export default defineConfig({
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
