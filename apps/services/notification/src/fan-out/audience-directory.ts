import type { CampaignRouter } from '@gametriggers/campaign-service/router';
import type { CampaignTargeting, ParticipationStatus } from '@gametriggers/contracts';
import { campaignForParticipationSchema, streamerIdPageSchema } from '@gametriggers/contracts';
import type { ParticipationRouter } from '@gametriggers/participation-service/router';
import type { StreamerRouter } from '@gametriggers/streamer-service/router';
import { createServiceClient } from '@gametriggers/trpc';
import type { Audience } from './fan-out-rules';

/** An audience resolved once, before its first page: the same people however often a run resumes. */
export type AudienceQuery =
  | { kind: 'matched_streamers'; campaignId: string; targeting: CampaignTargeting }
  | { kind: 'campaign_participants'; campaignId: string; statuses: ParticipationStatus[] };

export interface AudiencePage {
  /** Identity user ids, ascending. */
  userIds: string[];
  /** Where the next page starts; null when this was the last. */
  nextCursor: string | null;
}

/** Where audiences are read: the services that own the data (or a stand-in in tests). */
export interface AudienceDirectory {
  /** The audience as it stands now, or null when nobody is to be told (the campaign is gone or no longer live). */
  resolve(audience: Audience): Promise<AudienceQuery | null>;
  page(query: AudienceQuery, cursor: string | null, limit: number): Promise<AudiencePage>;
}

/**
 * The audiences from the campaign (targeting, status), streamer (who matches it) and
 * participation (who runs it) services, over their `internal` procedures.
 */
export function createAudienceDirectory(options: {
  campaignServiceUrl: string;
  streamerServiceUrl: string;
  participationServiceUrl: string;
  secret: string;
}): AudienceDirectory {
  const caller = 'notification';
  const campaigns = createServiceClient<CampaignRouter>({ url: options.campaignServiceUrl, secret: options.secret, caller });
  const streamers = createServiceClient<StreamerRouter>({ url: options.streamerServiceUrl, secret: options.secret, caller });
  const participations = createServiceClient<ParticipationRouter>({
    url: options.participationServiceUrl,
    secret: options.secret,
    caller,
  });
  return {
    async resolve(audience) {
      if (audience.kind === 'campaign_participants') return audience;
      const campaign = campaignForParticipationSchema
        .nullable()
        .parse(await campaigns.campaign.internal.forParticipation.query({ campaignId: audience.campaignId }));
      // A launch notice for a campaign paused, ended or cancelled since would invite to nothing.
      if (campaign?.status !== 'active') return null;
      const { categories, languages, regions, minFollowers, minAverageViewers } = campaign;
      return {
        kind: 'matched_streamers',
        campaignId: campaign.campaignId,
        targeting: { categories, languages, regions, minFollowers, minAverageViewers },
      };
    },
    async page(query, cursor, limit) {
      const after = cursor ? { cursor } : {};
      const page = streamerIdPageSchema.parse(
        query.kind === 'matched_streamers'
          ? await streamers.streamer.internal.matchingStreamers.query({ targeting: query.targeting, limit, ...after })
          : await participations.participation.internal.campaignStreamers.query({
              campaignId: query.campaignId,
              statuses: query.statuses,
              limit,
              ...after,
            }),
      );
      return { userIds: page.streamerIds, nextCursor: page.nextCursor };
    },
  };
}
