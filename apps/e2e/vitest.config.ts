import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One platform, one browser at a time: these machines have two cores.
    fileParallelism: false,
  },
});
