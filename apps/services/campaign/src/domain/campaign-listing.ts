import type { CampaignStatus } from '@gametriggers/contracts';
import { campaignStatuses, cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { CampaignDb } from '../database';
import { campaignView } from './campaign-views';
import type { CampaignDeps } from './deps';

interface ListInput {
  status?: CampaignStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}

async function statusCounts(db: CampaignDb, where: Prisma.CampaignWhereInput) {
  const groups = await db.campaign.groupBy({ by: ['status'], where, _count: { _all: true } });
  const counts = Object.fromEntries(campaignStatuses.map((status) => [status, 0])) as Record<
    CampaignStatus,
    number
  >;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

const createdCursor = keysetCursor('campaigns.created', {
  createdAt: cursorParts.instant,
  id: cursorParts.id,
});

/** Keyset over (createdAt, id) in `direction`; the cursor carries the last row's pair. */
function afterCursor(
  cursor: string | undefined,
  direction: 'asc' | 'desc',
): Prisma.CampaignWhereInput {
  if (!cursor) return {};
  const { createdAt, id } = createdCursor.decode(cursor);
  const beyond = direction === 'desc' ? 'lt' : 'gt';
  return { OR: [{ createdAt: { [beyond]: createdAt } }, { createdAt, id: { [beyond]: id } }] };
}

async function page(
  deps: CampaignDeps,
  where: Prisma.CampaignWhereInput,
  input: ListInput,
  direction: 'asc' | 'desc',
  viewer: 'brand' | 'admin',
) {
  const rows = await deps.db.campaign.findMany({
    where: { AND: [where, afterCursor(input.cursor, direction)] },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const now = deps.now();
  return {
    items: items.map((row) => campaignView(row, viewer, now)),
    nextCursor: rows.length > input.limit && last ? createdCursor.encode(last) : null,
  };
}

/** A brand's own campaigns, newest first, with counts per status for tabs. */
export async function listBrandCampaigns(deps: CampaignDeps, brandId: string, input: ListInput) {
  const [result, counts] = await Promise.all([
    page(deps, { brandId, ...(input.status && { status: input.status }) }, input, 'desc', 'brand'),
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
    page(deps, { status: input.status }, input, 'asc', 'admin'),
    statusCounts(deps.db, {}),
  ]);
  return { ...result, counts };
}
