import type { CampaignStatus } from '@gametriggers/contracts';
import type { CreationOrderCursor } from '@gametriggers/contracts';
import { campaignStatuses, newestFirstCursor, oldestFirstCursor } from '@gametriggers/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { CampaignDb } from '../database';
import { campaignView } from './campaign-views';
import type { CampaignDeps } from './deps';

interface ListInput {
  status?: CampaignStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function statusCounts(db: CampaignDb, where: Prisma.CampaignWhereInput) {
  const groups = await db.campaign.groupBy({ by: ['status'], where, _count: { _all: true } });
  const counts = Object.fromEntries(campaignStatuses.map((status) => [status, 0])) as Record<
    CampaignStatus,
    number
  >;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** A brand's list reads newest first, the admins' review queue oldest first: each its own cursor. */
const brandListCursor = newestFirstCursor('campaigns.newest');
const reviewQueueCursor = oldestFirstCursor('campaigns.oldest');

async function page(
  deps: CampaignDeps,
  where: Prisma.CampaignWhereInput,
  input: ListInput,
  order: CreationOrderCursor,
  viewer: 'brand' | 'admin',
) {
  const rows = await deps.db.campaign.findMany({
    where: { AND: [where, order.rowsAfter(input.cursor)] },
    orderBy: order.orderBy(),
    take: input.limit + 1,
  });
  const now = deps.now();
  return order.pageOf(rows, input.limit, (row) => campaignView(row, viewer, now));
}

/** A brand's own campaigns, newest first, with counts per status for tabs. */
export async function listBrandCampaigns(deps: CampaignDeps, brandId: string, input: ListInput) {
  const [result, counts] = await Promise.all([
    page(
      deps,
      { brandId, ...(input.status && { status: input.status }) },
      input,
      brandListCursor,
      'brand',
    ),
    statusCounts(deps.db, { brandId }),
  ]);
  const all = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { ...result, counts: { ...counts, all } };
}

/** The admin review queue: campaigns in one status, oldest first. */
export async function listCampaignsForAdmin(
  deps: CampaignDeps,
  input: ListInput & { status: CampaignStatus },
) {
  const [result, counts] = await Promise.all([
    page(deps, { status: input.status }, input, reviewQueueCursor, 'admin'),
    statusCounts(deps.db, {}),
  ]);
  return { ...result, counts };
}
