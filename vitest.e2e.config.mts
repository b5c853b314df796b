import {defineConfig} from 'vitest/config';

/**
 * Real-browser end-to-end tests (`npm run test:e2e`): Chromium through
 * playwright-core against two built sites, served on localhost.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // One file at a time: each drives a browser, and the performance figure
    // must not compete with other tests for the CPU.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
