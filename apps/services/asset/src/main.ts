import { stopOnSignals } from '@gametriggers/trpc';
import { startAssetService } from './app';
import { readAssetEnv } from './env';

try {
  const service = await startAssetService(readAssetEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
