import { stopOnSignals } from '@gametriggers/trpc';
import { startParticipationService } from './app';
import { readParticipationEnv } from './env';

try {
  const service = await startParticipationService(readParticipationEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
