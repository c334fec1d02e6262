import { stopOnSignals } from '@gametriggers/trpc';
import { startCampaignService } from './app';
import { readCampaignEnv } from './env';

try {
  const service = await startCampaignService(readCampaignEnv());
  stopOnSignals(service);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
