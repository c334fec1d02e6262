import type {
  BillingInfo,
  BrandPreferences,
  CompanyInfo,
  ContactPerson,
  UpdateBrandProfileInput,
} from '@gametriggers/contracts';

// Each section maps to its columns wholly: an omitted optional field is stored as null (cleared).

export const companyInfoColumns = (section: CompanyInfo) => ({
  companyName: section.name,
  industry: section.industry,
  companySize: section.size,
  companyWebsite: section.website ?? null,
});

export const contactPersonColumns = (section: ContactPerson) => ({
  contactName: section.name,
  contactPosition: section.position,
  contactPhone: section.phone ?? null,
});

export const preferencesColumns = (section: BrandPreferences) => ({
  targetAudience: section.targetAudience,
  contentCategories: section.contentCategories,
  budgetMinCents: section.budgetRange.minCents,
  budgetMaxCents: section.budgetRange.maxCents,
  regions: section.regions,
});

export const billingInfoColumns = (section: BillingInfo) => ({
  billingLine1: section.address.line1,
  billingLine2: section.address.line2 ?? null,
  billingCity: section.address.city,
  billingRegion: section.address.region ?? null,
  billingPostalCode: section.address.postalCode,
  billingCountry: section.address.country,
  taxId: section.taxId ?? null,
  currency: section.currency,
});

export function profileColumns(input: UpdateBrandProfileInput) {
  return {
    ...(input.companyInfo ? companyInfoColumns(input.companyInfo) : {}),
    ...(input.contactPerson ? contactPersonColumns(input.contactPerson) : {}),
    ...(input.preferences ? preferencesColumns(input.preferences) : {}),
    ...(input.billingInfo ? billingInfoColumns(input.billingInfo) : {}),
  };
}
