import {defineConfig} from 'vitest/config';

/**
 * The packed-tarball suite (`npm run test:package`): `npm pack` the plugin,
 * install the tarball into fresh create-docusaurus sites (the current
 * Docusaurus, TypeScript and JavaScript, and the oldest supported one),
 * build, type-check and swizzle them.
 */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    globalSetup: ['test/package/global-setup.ts'],
    // The sites side by side: each spends much of its time in npm install
    // (about 1,200 packages) while another builds. Measured on the 2-core
    // machine while others worked: 4 min 57 s, against 9 min 38 s one file
    // at a time.
    fileParallelism: true,
    maxWorkers: 4,
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
