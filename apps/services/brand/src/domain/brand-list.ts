import type { BrandVerificationStatus, Page } from '@gametriggers/contracts';
import { newestFirstCursor } from '@gametriggers/contracts';
import type { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import type { brandSummaryOutput } from '../schemas';
import type { BrandDeps } from './deps';

export interface BrandListQuery {
  status?: BrandVerificationStatus;
  search?: string;
  cursor?: string;
  limit: number;
}

const reviewQueueCursor = newestFirstCursor('brands.newest');

/** The admins' review queue: newest first, by status and company name. */
export async function listBrands(
  deps: BrandDeps,
  query: BrandListQuery,
): Promise<Page<z.infer<typeof brandSummaryOutput>>> {
  const where: Prisma.BrandWhereInput = {
    ...(query.status ? { verificationStatus: query.status } : {}),
    ...(query.search ? { companyName: { contains: query.search, mode: 'insensitive' } } : {}),
    ...reviewQueueCursor.rowsAfter(query.cursor),
  };
  const rows = await deps.db.brand.findMany({
    where,
    orderBy: reviewQueueCursor.orderBy(),
    take: query.limit + 1,
  });
  return reviewQueueCursor.pageOf(rows, query.limit, (brand) => ({
    brandId: brand.id,
    email: brand.email,
    companyName: brand.companyName,
    industry: brand.industry,
    size: brand.companySize,
    verificationStatus: brand.verificationStatus,
    verificationRequestedAt: brand.verificationRequestedAt,
    createdAt: brand.createdAt,
  }));
}
