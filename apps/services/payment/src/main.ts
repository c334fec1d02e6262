import { stopOnSignals } from '@gametriggers/trpc';
import { startPaymentService } from './app';
import { readPaymentEnv } from './env';

try {
  const service = await startPaymentService(readPaymentEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
