import { stopOnSignals } from '@gametriggers/trpc';
import { startStreamerService } from './app';
import { readStreamerEnv } from './env';

try {
  const service = await startStreamerService(readStreamerEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
