import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/main.ts'],
  format: 'esm',
  target: 'node20',
  platform: 'node',
  // Workspace packages are TypeScript source: bundle them; everything from npm stays external.
  noExternal: [/^@gametriggers\//],
  clean: true,
});
