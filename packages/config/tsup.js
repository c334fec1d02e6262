// How a Node service is bundled: workspace packages are TypeScript source, so they are bundled in;
// everything from npm stays external.
export const serviceBuildOptions = {
  entry: ['src/main.ts'],
  format: 'esm',
  target: 'node20',
  platform: 'node',
  noExternal: [/^@gametriggers\//],
  clean: true,
};
