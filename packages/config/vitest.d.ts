import type { UserConfig } from 'vitest/config';
import type { InlineConfig } from 'vitest/node';

export declare function serviceVitestConfig(overrides?: InlineConfig): UserConfig;
