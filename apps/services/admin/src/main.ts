import { stopOnSignals } from '@gametriggers/trpc';
import { startAdminService } from './app';
import { readAdminEnv } from './env';
import { platformServiceUrlsFrom } from './health/platform-services';

try {
  const service = await startAdminService({
    ...readAdminEnv(),
    serviceUrls: platformServiceUrlsFrom(process.env),
  });
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
