import { stopOnSignals } from '@gametriggers/trpc';
import { startIdentityService } from './app';
import { readIdentityEnv } from './env';

try {
  const service = await startIdentityService(readIdentityEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
