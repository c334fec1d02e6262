import type { ApiClient, RouterOutputs } from '@gametriggers/api';
import { MAX_NAME_LOOKUP_IDS } from '@gametriggers/contracts';
import { z } from 'zod';

type CampaignTitle = RouterOutputs['campaign']['titles'][number];
type StreamerProfile = RouterOutputs['streamer']['profilesForAdmin'][number];
type AccountName = RouterOutputs['identity']['admin']['namesByIds'][number];

/** The ids on one page of an admin table, by the service that names them. */
export interface PageIds {
  brandIds?: ReadonlyArray<string | null | undefined>;
  streamerIds?: ReadonlyArray<string | null | undefined>;
  campaignIds?: ReadonlyArray<string | null | undefined>;
  userIds?: ReadonlyArray<string | null | undefined>;
}

/** What one page's ids are called; `undefined` where a service does not know an id or did not answer. */
export interface PageNames {
  brand(brandId: string): string | undefined;
  streamer(streamerId: string): StreamerProfile | undefined;
  campaign(campaignId: string): CampaignTitle | undefined;
  user(userId: string): AccountName | undefined;
}

/** The most ids each owning service's lookup takes in one call. */
const MAX_CAMPAIGN_TITLES = 50;

const uuid = z.uuid();

/** The page's ids of one kind, once each; anything but a uuid (a system actor, say) has no name to find. */
function distinct(ids: PageIds[keyof PageIds]): string[] {
  return [...new Set(ids ?? [])].filter((id): id is string => uuid.safeParse(id).success);
}

/**
 * One lookup per service for a page's ids (more only when a page holds more ids than a lookup
 * takes); no call for a kind without ids. A service that fails leaves its ids unnamed: the table
 * still shows, with ids.
 */
async function lookup<Row>(
  ids: string[],
  batchSize: number,
  call: (batch: string[]) => Promise<Row[]>,
): Promise<Row[]> {
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += batchSize) {
    batches.push(ids.slice(start, start + batchSize));
  }
  try {
    return (await Promise.all(batches.map(call))).flat();
  } catch {
    return [];
  }
}

/** Resolves the ids on one page of an admin table to names, through the owning services' admin reads. */
export async function namesForPage(api: ApiClient, ids: PageIds): Promise<PageNames> {
  const [brands, streamers, campaigns, users] = await Promise.all([
    lookup(distinct(ids.brandIds), MAX_NAME_LOOKUP_IDS, (brandIds) =>
      api.brand.admin.namesByIds.query({ brandIds }),
    ),
    lookup(distinct(ids.streamerIds), MAX_NAME_LOOKUP_IDS, (streamerIds) =>
      api.streamer.profilesForAdmin.query({ streamerIds }),
    ),
    lookup(distinct(ids.campaignIds), MAX_CAMPAIGN_TITLES, (campaignIds) =>
      api.campaign.titles.query({ campaignIds }),
    ),
    lookup(distinct(ids.userIds), MAX_NAME_LOOKUP_IDS, (userIds) =>
      api.identity.admin.namesByIds.query({ userIds }),
    ),
  ]);
  const brandNames = new Map(brands.map((row) => [row.brandId, row.companyName]));
  const streamerProfiles = new Map(streamers.map((row) => [row.streamerId, row]));
  const campaignTitles = new Map(campaigns.map((row) => [row.campaignId, row]));
  const accountNames = new Map(users.map((row) => [row.userId, row]));
  return {
    brand: (brandId) => brandNames.get(brandId),
    streamer: (streamerId) => streamerProfiles.get(streamerId),
    campaign: (campaignId) => campaignTitles.get(campaignId),
    user: (userId) => accountNames.get(userId),
  };
}
