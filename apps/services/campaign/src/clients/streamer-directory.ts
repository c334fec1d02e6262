import type { StreamerTargetingProfile } from '@gametriggers/contracts';
import { streamerTargetingProfileSchema } from '@gametriggers/contracts';
import type { StreamerRouter } from '@gametriggers/streamer-service/router';
import { createServiceClient } from '@gametriggers/trpc';

/** What the campaign service needs to know about streamers. */
export interface StreamerDirectory {
  /** What targeting matches the streamer on; null when the streamer has not onboarded. */
  targetingProfile(streamerId: string): Promise<StreamerTargetingProfile | null>;
}

export function createStreamerDirectory(options: {
  url: string;
  secret: string;
}): StreamerDirectory {
  const client = createServiceClient<StreamerRouter>({ ...options, caller: 'campaign' });
  return {
    async targetingProfile(streamerId) {
      return streamerTargetingProfileSchema
        .nullable()
        .parse(await client.streamer.internal.targetingProfile.query({ streamerId }));
    },
  };
}
