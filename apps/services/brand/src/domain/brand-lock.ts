import type { BrandTx } from '../database';

/**
 * Reads a brand with its row locked until the transaction ends, so a status read here cannot be
 * overtaken by a concurrent decision or request.
 */
export async function lockBrand(tx: BrandTx, brandId: string) {
  await tx.$queryRaw`SELECT 1 FROM "brands" WHERE "id" = ${brandId}::uuid FOR UPDATE`;
  return tx.brand.findUnique({ where: { id: brandId } });
}
