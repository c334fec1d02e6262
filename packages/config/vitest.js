// Vitest presets: unit tests (`*.test.ts`) and integration tests on real PostgreSQL/Redis
// (`*.int.test.ts`) run as two projects so either can be run alone.
import { defineConfig } from 'vitest/config';

export function serviceVitestConfig(overrides = {}) {
  return defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'integration',
            include: ['src/**/*.int.test.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
      ],
      ...overrides,
    },
  });
}
