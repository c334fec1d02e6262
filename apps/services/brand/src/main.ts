import { stopOnSignals } from '@gametriggers/trpc';
import { startBrandService } from './app';
import { readBrandEnv } from './env';

try {
  const service = await startBrandService(readBrandEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
