import { stopOnSignals } from '@gametriggers/trpc';
import { startNotificationService } from './app';
import { readNotificationEnv } from './env';

try {
  const service = await startNotificationService(readNotificationEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
