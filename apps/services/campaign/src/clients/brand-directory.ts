import type { BrandRouter } from '@gametriggers/brand-service/router';
import type { BrandStanding } from '@gametriggers/contracts';
import { brandStandingSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';

/** What the campaign service needs to know about brands. */
export interface BrandDirectory {
  /** Null when the brand has not onboarded. */
  standing(brandId: string): Promise<BrandStanding | null>;
}

export function createBrandDirectory(options: { url: string; secret: string }): BrandDirectory {
  const client = createServiceClient<BrandRouter>({ ...options, caller: 'campaign' });
  return {
    async standing(brandId) {
      return brandStandingSchema
        .nullable()
        .parse(await client.brand.internal.standing.query({ brandId }));
    },
  };
}
