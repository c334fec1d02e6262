import type { Linter } from 'eslint';

declare const config: Linter.Config[];
export default config;
export declare const ignores: Linter.Config;
