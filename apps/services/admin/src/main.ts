import { stopOnSignals } from '@gametriggers/trpc';
import { startAdminService } from './app';
import { readAdminEnv } from './env';

try {
  const service = await startAdminService(readAdminEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
