import type { CampaignForParticipation, StreamerMatchingProfile } from '@gametriggers/contracts';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import type { Logger } from '@gametriggers/trpc';
import type { ParticipationDb } from '../database';

/** Fresh reads from the campaign service. */
export interface CampaignLookup {
  forParticipation(campaignId: string): Promise<CampaignForParticipation | null>;
}

/** Fresh reads from the streamer service. */
export interface StreamerLookup {
  matchingProfile(streamerId: string): Promise<StreamerMatchingProfile | null>;
}

export interface ParticipationDeps {
  db: ParticipationDb;
  campaigns: CampaignLookup;
  streamers: StreamerLookup;
  now: () => Date;
  log: Logger;
  /** Energy packs a day come from it. */
  platformConfig: PlatformConfigSource;
}
