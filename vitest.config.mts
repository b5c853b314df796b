import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The integration suite runs real Docusaurus builds (about 10 s each).
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
