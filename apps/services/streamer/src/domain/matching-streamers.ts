import type { CampaignTargeting, StreamerIdPage } from '@gametriggers/contracts';
import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { StreamerDeps } from './deps';

const byId = keysetCursor('streamers.matching', { id: cursorParts.id });

/**
 * `targetingMismatches` of the contracts as a filter (category overlap AND language (or any) AND
 * region (or worldwide) AND followers AND average viewers): the streamers a campaign's discovery
 * would show it to. Only onboarded streamers have a row, so everyone here could see it.
 */
export function matchingFilter(targeting: CampaignTargeting): Prisma.StreamerWhereInput {
  return {
    categories: { hasSome: targeting.categories },
    ...(targeting.languages.length > 0 ? { language: { in: targeting.languages } } : {}),
    ...(targeting.regions.length > 0 ? { country: { in: targeting.regions } } : {}),
    followers: { gte: targeting.minFollowers },
    averageViewers: { gte: targeting.minAverageViewers },
  };
}

/**
 * The streamers a campaign's targeting matches, by id in ascending order, one keyset page at a
 * time: what the notification service tells when the campaign launches.
 */
export async function matchingStreamers(
  deps: Pick<StreamerDeps, 'db'>,
  query: { targeting: CampaignTargeting; cursor?: string | undefined; limit: number },
): Promise<StreamerIdPage> {
  const after = byId.decodeOptional(query.cursor);
  const rows = await deps.db.streamer.findMany({
    where: { ...matchingFilter(query.targeting), ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
    select: { id: true },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    streamerIds: page.map((row) => row.id),
    nextCursor: rows.length > query.limit && last ? byId.encode({ id: last.id }) : null,
  };
}
