import { serviceVitestConfig } from '@gametriggers/config/vitest';

// kubectl and docker-compose start in seconds on a busy machine.
export default serviceVitestConfig({ testTimeout: 60_000 });
