import {
  attachedDocumentSchema,
  brandVerificationStatusSchema,
  companySizeSchema,
  contentCategorySchema,
  countrySchema,
  currencySchema,
  profileModerationSchema,
  verificationDocumentKindSchema,
} from '@gametriggers/contracts';
import { z } from 'zod';

// Output schemas: exactly what leaves the service.

/** A request's document: an upload (`assetId`, served through `asset.signedUrl`), or a link from before uploads. */
const documentOutput = attachedDocumentSchema.extend({ kind: verificationDocumentKindSchema });

export const brandProfileOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  companyInfo: z.object({
    name: z.string(),
    industry: z.string(),
    size: companySizeSchema,
    website: z.string().nullable(),
  }),
  contactPerson: z.object({
    name: z.string(),
    position: z.string(),
    phone: z.string().nullable(),
  }),
  preferences: z.object({
    targetAudience: z.array(z.string()),
    contentCategories: z.array(contentCategorySchema),
    budgetRange: z.object({ minCents: z.number().int(), maxCents: z.number().int() }),
    regions: z.array(countrySchema),
  }),
  billingInfo: z.object({
    address: z.object({
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      region: z.string().nullable(),
      postalCode: z.string(),
      country: countrySchema,
    }),
    taxId: z.string().nullable(),
    currency: currencySchema,
  }),
  verification: z.object({
    status: brandVerificationStatusSchema,
    /** The documents of the latest request. */
    documents: z.array(documentOutput),
    requestedAt: z.date().nullable(),
    decidedAt: z.date().nullable(),
    decidedBy: z.uuid().nullable(),
    rejectionReason: z.string().nullable(),
  }),
  /** Where the public text stands with moderation; null for a profile never sent to it. */
  profileModeration: profileModerationSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type BrandProfileView = z.infer<typeof brandProfileOutput>;

export const brandPublicProfileOutput = z.object({
  brandId: z.uuid(),
  companyName: z.string(),
  industry: z.string(),
  website: z.string().nullable(),
  verified: z.boolean(),
});

/** A brand as admin tables name it. */
export const brandNamesOutput = z.array(z.object({ brandId: z.uuid(), companyName: z.string() }));

export const verificationHistoryOutput = z.object({
  requests: z.array(
    z.object({
      id: z.uuid(),
      companyName: z.string(),
      note: z.string().nullable(),
      status: z.enum(['pending', 'verified', 'rejected']),
      requestedAt: z.date(),
      decidedAt: z.date().nullable(),
      decidedBy: z.uuid().nullable(),
      rejectionReason: z.string().nullable(),
      documents: z.array(documentOutput),
    }),
  ),
  /** Company name and tax id edits made while verified, newest first. */
  identityChanges: z.array(
    z.object({
      field: z.enum(['companyName', 'taxId']),
      fromValue: z.string().nullable(),
      toValue: z.string().nullable(),
      changedAt: z.date(),
    }),
  ),
});
export type VerificationHistoryView = z.infer<typeof verificationHistoryOutput>;

export const brandSummaryOutput = z.object({
  brandId: z.uuid(),
  email: z.string(),
  companyName: z.string(),
  industry: z.string(),
  size: companySizeSchema,
  verificationStatus: brandVerificationStatusSchema,
  verificationRequestedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const brandPageOutput = z.object({
  items: z.array(brandSummaryOutput),
  nextCursor: z.string().nullable(),
});

export const decisionOutput = z.object({
  brandId: z.uuid(),
  status: brandVerificationStatusSchema,
  decidedAt: z.date(),
});
