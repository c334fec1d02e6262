import { stopOnSignals } from '@gametriggers/trpc';
import { startAnalyticsService } from './app';
import { readAnalyticsEnv } from './env';

try {
  const service = await startAnalyticsService(readAnalyticsEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
