import { serviceVitestConfig } from '@gametriggers/config/vitest';

// The SDK's first request in a file warms up its runtime (seconds on a busy machine).
export default serviceVitestConfig({ testTimeout: 20_000 });
