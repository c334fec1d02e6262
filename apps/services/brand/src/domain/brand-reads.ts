import type { BrandBillingProfile, BrandStanding } from '@gametriggers/contracts';
import { hiddenProfileText, isProfileHidden } from '@gametriggers/contracts';
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

/**
 * The part of a brand anyone signed in may see, e.g. streamers looking at a campaign; a placeholder
 * while moderation has rejected its text.
 */
export async function brandPublicProfile(deps: BrandDeps, brandId: string) {
  const brand = await deps.db.brand.findUnique({
    where: { id: brandId },
    select: {
      id: true,
      companyName: true,
      industry: true,
      companyWebsite: true,
      verificationStatus: true,
      profileModeration: true,
    },
  });
  if (!brand) throw brandNotFound();
  const hidden = isProfileHidden(brand);
  return {
    brandId: brand.id,
    companyName: hidden ? hiddenProfileText.brandName : brand.companyName,
    industry: hidden ? hiddenProfileText.brandIndustry : brand.industry,
    website: hidden ? null : brand.companyWebsite,
    verified: brand.verificationStatus === 'verified',
  };
}

/** What a brand's invoices are addressed to (the payment service asks). */
export async function brandBillingProfile(
  deps: BrandDeps,
  brandId: string,
): Promise<BrandBillingProfile | null> {
  const brand = await deps.db.brand.findUnique({
    where: { id: brandId },
    select: {
      id: true,
      companyName: true,
      email: true,
      billingLine1: true,
      billingLine2: true,
      billingCity: true,
      billingRegion: true,
      billingPostalCode: true,
      billingCountry: true,
      taxId: true,
    },
  });
  return brand
    ? {
        brandId: brand.id,
        companyName: brand.companyName,
        email: brand.email,
        line1: brand.billingLine1,
        line2: brand.billingLine2,
        city: brand.billingCity,
        region: brand.billingRegion,
        postalCode: brand.billingPostalCode,
        country: brand.billingCountry,
        taxId: brand.taxId,
      }
    : null;
}

/** The company names behind a page of brand ids (unknown ids are left out). */
export async function brandNames(deps: BrandDeps, brandIds: readonly string[]) {
  const brands = await deps.db.brand.findMany({
    where: { id: { in: [...new Set(brandIds)] } },
    select: { id: true, companyName: true },
  });
  return brands.map((brand) => ({ brandId: brand.id, companyName: brand.companyName }));
}
