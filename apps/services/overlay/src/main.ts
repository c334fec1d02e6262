import { stopOnSignals } from '@gametriggers/trpc';
import { startOverlayService } from './app';
import { readOverlayEnv } from './env';

try {
  const service = await startOverlayService(readOverlayEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
