import type { AdminCampaignSortKey, CampaignStatus, CursorPart } from '@gametriggers/contracts';
import {
  adminCampaignSortKeys,
  campaignStatuses,
  columnOrderCursor,
  cursorParts,
  newestFirstCursor,
} from '@gametriggers/contracts';
import type { Campaign, Prisma } from '../generated/prisma/client';
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

const brandListCursor = newestFirstCursor('campaigns.newest');

const sortParts = {
  createdAt: cursorParts.instant,
  startsAt: cursorParts.instant,
  endsAt: cursorParts.instant,
  budgetCents: cursorParts.integer(),
} satisfies Record<AdminCampaignSortKey, unknown>;

/** The admins' table: each column and direction its own cursor (a cursor of another is refused). */
const adminListOrders = Object.fromEntries(
  adminCampaignSortKeys.flatMap((key) =>
    (['asc', 'desc'] as const).map((direction) => [
      `${key}.${direction}`,
      columnOrderCursor(
        `campaigns.admin.${key}.${direction}`,
        key,
        sortParts[key] as CursorPart<unknown>,
        direction,
      ),
    ]),
  ),
) as Record<string, ListOrder>;

/** How a list reads its rows in order and makes them pages. */
interface ListOrder {
  orderBy(): Prisma.CampaignOrderByWithRelationInput[];
  rowsAfter(cursor: string | undefined): Prisma.CampaignWhereInput;
  pageOf<Item>(
    rows: readonly Campaign[],
    limit: number,
    view: (row: Campaign) => Item,
  ): { items: Item[]; nextCursor: string | null };
}

async function page(
  deps: CampaignDeps,
  where: Prisma.CampaignWhereInput,
  input: ListInput,
  order: ListOrder,
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

/** Every brand's campaigns for admins: filtered, sorted, with counts per status under the other filters. */
export async function listCampaignsForAdmin(
  deps: CampaignDeps,
  input: ListInput & {
    brandId?: string | undefined;
    query?: string | undefined;
    sortBy: AdminCampaignSortKey;
    direction: 'asc' | 'desc';
  },
) {
  const filters: Prisma.CampaignWhereInput = {
    ...(input.brandId && { brandId: input.brandId }),
    ...(input.query && {
      OR: [
        { title: { contains: input.query, mode: 'insensitive' } },
        { brandName: { contains: input.query, mode: 'insensitive' } },
      ],
    }),
  };
  const [result, counts] = await Promise.all([
    page(
      deps,
      { ...filters, ...(input.status && { status: input.status }) },
      input,
      adminListOrders[`${input.sortBy}.${input.direction}`]!,
      'admin',
    ),
    statusCounts(deps.db, filters),
  ]);
  return { ...result, counts };
}
