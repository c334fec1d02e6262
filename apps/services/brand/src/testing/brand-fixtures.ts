import type { OnboardBrandInput, RequestVerificationInput } from '@gametriggers/contracts';

/** A complete, valid onboarding; pass sections to override. */
export function sampleOnboarding(overrides: Partial<OnboardBrandInput> = {}): OnboardBrandInput {
  return {
    companyInfo: {
      name: 'Acme Energy Drinks',
      industry: 'Beverages',
      size: 'medium',
      website: 'https://acme.example.com',
    },
    contactPerson: { name: 'Dana Reyes', position: 'Head of Marketing', phone: '+1 555 010 0200' },
    preferences: {
      targetAudience: ['gamers 18-34', 'esports fans'],
      contentCategories: ['fps', 'esports'],
      budgetRange: { minCents: 100_000, maxCents: 2_500_000 },
      regions: ['US', 'CA'],
    },
    billingInfo: {
      address: {
        line1: '1 Market Street',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
      taxId: 'US-12-3456789',
      currency: 'USD',
    },
    ...overrides,
  };
}

/** Two documents the harness's stand-in asset service knows (`sampleDocumentFiles`). */
export function sampleVerificationRequest(): RequestVerificationInput {
  return {
    documents: [
      { kind: 'registration', assetId: 'd0c5a3e1-0000-4000-8000-000000000001' },
      { kind: 'tax', assetId: 'd0c5a3e1-0000-4000-8000-000000000002' },
    ],
    note: 'Registered in Delaware.',
  };
}
