import { serviceVitestConfig } from '@gametriggers/config/vitest';

export default serviceVitestConfig();
