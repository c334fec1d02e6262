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

export function sampleVerificationRequest(): RequestVerificationInput {
  return {
    documents: [
      {
        kind: 'registration',
        name: 'Certificate of incorporation',
        url: 'https://files.example.com/acme/incorporation.pdf',
      },
      { kind: 'tax', name: 'IRS letter', url: 'https://files.example.com/acme/irs.pdf' },
    ],
    note: 'Registered in Delaware.',
  };
}
