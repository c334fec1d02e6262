import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A page under test answers in seconds on a busy two-core machine, not in expect.poll's 1 s.
    expect: { poll: { timeout: 15_000, interval: 250 } },
    // One platform, one browser at a time: these machines have two cores.
    fileParallelism: false,
  },
});
