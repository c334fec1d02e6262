import type { CampaignStatus, CampaignTargeting, ParticipationStatus, StreamerMatchingProfile } from '@gametriggers/contracts';
import { targetingMismatches } from '@gametriggers/contracts';
import type { AudienceDirectory, AudiencePage } from '../fan-out/audience-directory';

export type StandInStreamer = Pick<StreamerMatchingProfile, 'streamerId' | 'categories' | 'language' | 'country' | 'followers' | 'averageViewers'>;

export interface AudienceStandInState {
  campaigns: Array<{ campaignId: string; status: CampaignStatus; targeting: CampaignTargeting }>;
  streamers: StandInStreamer[];
  participants: Array<{ campaignId: string; streamerId: string; status: ParticipationStatus }>;
}

/**
 * The audience services as the notification service's tests need them, in memory: campaigns with
 * their status and targeting, streamer profiles matched with the contracts' `targetingMismatches`
 * (the rule the streamer service's query implements and tests against), participations. The
 * real services are wired in `fan-out-services.int.test.ts`. `failPages(n)` makes the next n page
 * reads fail, as a service that is down would.
 */
export function createAudienceStandIn(initial: Partial<AudienceStandInState> = {}) {
  const state: AudienceStandInState = {
    campaigns: [...(initial.campaigns ?? [])],
    streamers: [...(initial.streamers ?? [])],
    participants: [...(initial.participants ?? [])],
  };
  let failures = 0;
  let pageReads = 0;

  function pageOf(ids: string[], cursor: string | null, limit: number): AudiencePage {
    const sorted = [...new Set(ids)].sort();
    const rest = cursor ? sorted.filter((id) => id > cursor) : sorted;
    const userIds = rest.slice(0, limit);
    return { userIds, nextCursor: rest.length > limit ? (userIds.at(-1) ?? null) : null };
  }

  const directory: AudienceDirectory = {
    resolve(audience) {
      if (audience.kind === 'campaign_participants') return Promise.resolve(audience);
      const campaign = state.campaigns.find((candidate) => candidate.campaignId === audience.campaignId);
      if (campaign?.status !== 'active') return Promise.resolve(null);
      return Promise.resolve({ kind: 'matched_streamers', campaignId: campaign.campaignId, targeting: campaign.targeting });
    },
    page(query, cursor, limit) {
      pageReads += 1;
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('The audience service is not answering'));
      }
      const ids =
        query.kind === 'matched_streamers'
          ? state.streamers
              .filter((streamer) => targetingMismatches(query.targeting, streamer).length === 0)
              .map((streamer) => streamer.streamerId)
          : state.participants
              .filter((row) => row.campaignId === query.campaignId && query.statuses.includes(row.status))
              .map((row) => row.streamerId);
      return Promise.resolve(pageOf(ids, cursor, limit));
    },
  };

  return {
    directory,
    state,
    addCampaign(campaignId: string, targeting: CampaignTargeting, status: CampaignStatus = 'active') {
      state.campaigns.push({ campaignId, targeting, status });
    },
    addStreamers(streamers: readonly StandInStreamer[]) {
      state.streamers.push(...streamers);
    },
    addParticipant(campaignId: string, streamerId: string, status: ParticipationStatus) {
      state.participants.push({ campaignId, streamerId, status });
    },
    /** The next `count` page reads fail. */
    failPages(count: number) {
      failures = count;
    },
    pageReads: () => pageReads,
  };
}
export type AudienceStandIn = ReturnType<typeof createAudienceStandIn>;
