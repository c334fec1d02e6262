import type { StreamerMatchingProfile } from '@gametriggers/contracts';
import { streamerMatchingProfileSchema } from '@gametriggers/contracts';
import type { StreamerRouter } from '@gametriggers/streamer-service/router';
import { createServiceClient } from '@gametriggers/trpc';

/** What the campaign service needs to know about streamers. */
export interface StreamerDirectory {
  /** Null when the streamer has not onboarded. */
  matchingProfile(streamerId: string): Promise<StreamerMatchingProfile | null>;
}

export function createStreamerDirectory(options: {
  url: string;
  secret: string;
}): StreamerDirectory {
  const client = createServiceClient<StreamerRouter>({ ...options, caller: 'campaign' });
  return {
    async matchingProfile(streamerId) {
      return streamerMatchingProfileSchema
        .nullable()
        .parse(await client.streamer.internal.matchingProfile.query({ streamerId }));
    },
  };
}
