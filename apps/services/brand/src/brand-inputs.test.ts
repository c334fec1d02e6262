import {
  onboardBrandInputSchema,
  rejectBrandInputSchema,
  requestVerificationInputSchema,
  updateBrandProfileInputSchema,
} from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { sampleOnboarding, sampleVerificationRequest } from './testing/brand-fixtures';

function fieldErrors(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

// The schemas the portal's forms and the service both parse with.
describe('brand input schemas', () => {
  it('accepts the sample onboarding and trims text', () => {
    const parsed = onboardBrandInputSchema.parse({
      ...sampleOnboarding(),
      companyInfo: { name: '  Acme  ', industry: 'Drinks', size: 'small' },
    });
    expect(parsed.companyInfo.name).toBe('Acme');
  });

  it('explains every problem of an onboarding by field', () => {
    const sample = sampleOnboarding();
    const result = onboardBrandInputSchema.safeParse({
      ...sample,
      companyInfo: { name: '', industry: 'Drinks', size: 'huge', website: 'acme' },
      preferences: {
        ...sample.preferences,
        contentCategories: [],
        budgetRange: { minCents: 5000, maxCents: 100 },
        regions: ['US', 'US'],
      },
      billingInfo: { ...sample.billingInfo, currency: 'XXX' },
    });
    expect(fieldErrors(result)).toEqual({
      'companyInfo.name': 'Enter your company name',
      'companyInfo.size': 'Choose your company size',
      'companyInfo.website': 'Enter the website as a full address, like https://example.com',
      'preferences.contentCategories': 'Choose at least one content category',
      'preferences.budgetRange.maxCents': 'The maximum budget cannot be below the minimum',
      'preferences.regions': 'Each region only once',
      'billingInfo.currency': 'Choose a currency from the list',
    });
  });

  it('refuses an update that changes nothing', () => {
    expect(updateBrandProfileInputSchema.safeParse({}).success).toBe(false);
    expect(
      updateBrandProfileInputSchema.safeParse({ contactPerson: sampleOnboarding().contactPerson })
        .success,
    ).toBe(true);
  });

  it('takes 1 to 10 documents, each an uploaded file once', () => {
    const document = sampleVerificationRequest().documents[0];
    expect(requestVerificationInputSchema.safeParse({ documents: [] }).success).toBe(false);
    const tenFiles = Array.from({ length: 10 }, (_, index) => ({
      kind: 'other' as const,
      assetId: `d0c5a3e1-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
    }));
    expect(requestVerificationInputSchema.safeParse({ documents: tenFiles }).success).toBe(true);
    expect(
      requestVerificationInputSchema.safeParse({
        documents: [...tenFiles, { ...document, assetId: 'd0c5a3e1-0000-4000-8000-000000000199' }],
      }).success,
    ).toBe(false);
    expect(
      fieldErrors(requestVerificationInputSchema.safeParse({ documents: [document, document] })),
    ).toEqual({ documents: 'Each file only once' });
    expect(
      fieldErrors(
        requestVerificationInputSchema.safeParse({
          documents: [{ kind: 'registration', url: 'https://files.example.com/a.pdf' }],
        }),
      ),
    ).toEqual({ 'documents.0.assetId': 'Not a valid document id' });
  });

  it('asks for a reason a brand can act on when rejecting', () => {
    expect(
      rejectBrandInputSchema.safeParse({ brandId: crypto.randomUUID(), reason: 'no' }).success,
    ).toBe(false);
  });
});
