import type { StreamerNameplate } from '@gametriggers/contracts';
import { MAX_STREAMER_IDS_PER_CALL, streamerNameplateSchema } from '@gametriggers/contracts';
import { z } from 'zod';
import { callInternalQuery } from './internal-query';

/** Streamers' names and channels from the streamer service (`streamer.internal.profiles`). */
export interface StreamerDirectory {
  /** The streamers the service knows among `streamerIds`, by id. */
  nameplatesOf(streamerIds: readonly string[]): Promise<Map<string, StreamerNameplate>>;
}

const nameplatesSchema = z.array(streamerNameplateSchema);

export function createStreamerDirectory(options: {
  url: string;
  secret: string;
}): StreamerDirectory {
  return {
    async nameplatesOf(streamerIds) {
      const unique = [...new Set(streamerIds)];
      const found = new Map<string, StreamerNameplate>();
      for (let start = 0; start < unique.length; start += MAX_STREAMER_IDS_PER_CALL) {
        const result = await callInternalQuery(options, 'streamer.internal.profiles', {
          streamerIds: unique.slice(start, start + MAX_STREAMER_IDS_PER_CALL),
        });
        for (const entry of nameplatesSchema.parse(result)) found.set(entry.streamerId, entry);
      }
      return found;
    },
  };
}
