import type { BrandStanding } from '@gametriggers/contracts';
import { brandNotFound } from './brand-access';
import type { BrandDeps } from './deps';

/** What other services need to know about a brand (campaigns: may it launch?). */
export async function brandStanding(
  deps: BrandDeps,
  brandId: string,
): Promise<BrandStanding | null> {
  const brand = await deps.db.brand.findUnique({
    where: { id: brandId },
    select: { id: true, companyName: true, verificationStatus: true },
  });
  return brand
    ? {
        brandId: brand.id,
        companyName: brand.companyName,
        verificationStatus: brand.verificationStatus,
      }
    : null;
}

/** The part of a brand anyone signed in may see, e.g. streamers looking at a campaign. */
export async function brandPublicProfile(deps: BrandDeps, brandId: string) {
  const brand = await deps.db.brand.findUnique({
    where: { id: brandId },
    select: {
      id: true,
      companyName: true,
      industry: true,
      companyWebsite: true,
      verificationStatus: true,
    },
  });
  if (!brand) throw brandNotFound();
  return {
    brandId: brand.id,
    companyName: brand.companyName,
    industry: brand.industry,
    website: brand.companyWebsite,
    verified: brand.verificationStatus === 'verified',
  };
}
