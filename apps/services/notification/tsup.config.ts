import { serviceBuildOptions } from '@gametriggers/config/tsup';
import { defineConfig } from 'tsup';

export default defineConfig(serviceBuildOptions);
