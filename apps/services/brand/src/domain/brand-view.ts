import type { ContentCategory, Country, Currency } from '@gametriggers/contracts';
import { profileModerationView } from '@gametriggers/contracts';
import type { Brand, VerificationDocument } from '../generated/prisma/client';
import type { BrandProfileView } from '../schemas';

/** What to load with a brand to show its profile: the latest request's documents. */
export const brandWithLatestDocuments = {
  verificationRequests: {
    orderBy: { requestedAt: 'desc' },
    take: 1,
    include: { documents: { orderBy: { position: 'asc' } } },
  },
} as const;

type BrandWithLatestDocuments = Brand & {
  verificationRequests: Array<{ documents: VerificationDocument[] }>;
};

export const documentView = (document: VerificationDocument) => ({
  kind: document.kind,
  assetId: document.assetId,
  name: document.name,
  contentType: document.contentType,
  url: document.url,
});

// Columns hold only values the contract schemas admitted, so narrowing them back is safe.
export function brandProfileView(brand: BrandWithLatestDocuments): BrandProfileView {
  return {
    id: brand.id,
    email: brand.email,
    companyInfo: {
      name: brand.companyName,
      industry: brand.industry,
      size: brand.companySize,
      website: brand.companyWebsite,
    },
    contactPerson: {
      name: brand.contactName,
      position: brand.contactPosition,
      phone: brand.contactPhone,
    },
    preferences: {
      targetAudience: brand.targetAudience,
      contentCategories: brand.contentCategories as ContentCategory[],
      budgetRange: { minCents: brand.budgetMinCents, maxCents: brand.budgetMaxCents },
      regions: brand.regions as Country[],
    },
    billingInfo: {
      address: {
        line1: brand.billingLine1,
        line2: brand.billingLine2,
        city: brand.billingCity,
        region: brand.billingRegion,
        postalCode: brand.billingPostalCode,
        country: brand.billingCountry as Country,
      },
      taxId: brand.taxId,
      currency: brand.currency as Currency,
    },
    verification: {
      status: brand.verificationStatus,
      documents: (brand.verificationRequests[0]?.documents ?? []).map(documentView),
      requestedAt: brand.verificationRequestedAt,
      decidedAt: brand.verificationDecidedAt,
      decidedBy: brand.verificationDecidedBy,
      rejectionReason: brand.rejectionReason,
    },
    profileModeration: profileModerationView(brand),
    createdAt: brand.createdAt,
    updatedAt: brand.updatedAt,
  };
}
