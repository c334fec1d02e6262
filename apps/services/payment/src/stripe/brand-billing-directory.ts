import type { BrandRouter } from '@gametriggers/brand-service/router';
import { brandBillingProfileSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';
import type { BillingProfileDirectory } from './flow-settings';

export function createBrandBillingDirectory(options: { url: string; secret: string }): BillingProfileDirectory {
  const client = createServiceClient<BrandRouter>({ ...options, caller: 'payment' });
  return {
    async billingProfile(brandId) {
      return brandBillingProfileSchema.nullable().parse(await client.brand.internal.billingProfile.query({ brandId }));
    },
  };
}
