import { streamerMatchingProfileSchema } from '@gametriggers/contracts';
import type { StreamerRouter } from '@gametriggers/streamer-service/router';
import { createServiceClient } from '@gametriggers/trpc';
import type { StreamerLookup } from '../domain/deps';

export function createStreamerLookup(options: { url: string; secret: string }): StreamerLookup {
  const client = createServiceClient<StreamerRouter>({ ...options, caller: 'participation' });
  return {
    async matchingProfile(streamerId) {
      return streamerMatchingProfileSchema
        .nullable()
        .parse(await client.streamer.internal.matchingProfile.query({ streamerId }));
    },
  };
}
