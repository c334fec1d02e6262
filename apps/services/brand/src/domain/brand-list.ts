import type { BrandVerificationStatus, Page } from '@gametriggers/contracts';
import { cursorParts, keysetCursor } from '@gametriggers/contracts';
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

const newestFirstCursor = keysetCursor('brands.newest', {
  createdAt: cursorParts.instant,
  id: cursorParts.id,
});

/** The admins' review queue: newest first, by status and company name. */
export async function listBrands(
  deps: BrandDeps,
  query: BrandListQuery,
): Promise<Page<z.infer<typeof brandSummaryOutput>>> {
  const after = newestFirstCursor.decodeOptional(query.cursor);
  const where: Prisma.BrandWhereInput = {
    ...(query.status ? { verificationStatus: query.status } : {}),
    ...(query.search ? { companyName: { contains: query.search, mode: 'insensitive' } } : {}),
    ...(after
      ? {
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await deps.db.brand.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((brand) => ({
      brandId: brand.id,
      email: brand.email,
      companyName: brand.companyName,
      industry: brand.industry,
      size: brand.companySize,
      verificationStatus: brand.verificationStatus,
      verificationRequestedAt: brand.verificationRequestedAt,
      createdAt: brand.createdAt,
    })),
    nextCursor: rows.length > query.limit && last ? newestFirstCursor.encode(last) : null,
  };
}
