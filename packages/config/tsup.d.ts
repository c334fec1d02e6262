export declare const serviceBuildOptions: {
  entry: string[];
  format: 'esm';
  target: 'node20';
  platform: 'node';
  noExternal: RegExp[];
  clean: boolean;
};
