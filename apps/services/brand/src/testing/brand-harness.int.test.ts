import { brandStandingSchema } from '@gametriggers/contracts';
import { startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandHarness } from './brand-harness';
import { startBrandHarness } from './brand-harness';

let issuer: TestTokenIssuer;
let harness: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

describe('the brand harness other services use', () => {
  it('reports no standing for a brand that has not onboarded', async () => {
    const { brandA } = testCast();
    await expect(
      harness.serviceClient().brand.internal.standing.query({ brandId: brandA.userId }),
    ).resolves.toBeNull();
  });

  it('makes a verified brand through the real procedures and reports its standing', async () => {
    const { brandA, superAdmin } = testCast();
    const profile = await harness.verifiedBrand(
      await issuer.tokenFor(brandA),
      await issuer.tokenFor(superAdmin),
    );
    expect(profile).toMatchObject({ id: brandA.userId, verification: { status: 'verified' } });
    const standing = await harness.serviceClient('campaign').brand.internal.standing.query({
      brandId: brandA.userId,
    });
    expect(brandStandingSchema.parse(standing)).toEqual({
      brandId: brandA.userId,
      companyName: 'Acme Energy Drinks',
      verificationStatus: 'verified',
    });
  });

  it('reports an onboarded, unverified brand as unverified', async () => {
    const { brandB } = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(brandB), {
      companyInfo: { name: 'Bolt Gear', industry: 'Hardware', size: 'small' },
    });
    await expect(
      harness.serviceClient().brand.internal.standing.query({ brandId: brandB.userId }),
    ).resolves.toEqual({
      brandId: brandB.userId,
      companyName: 'Bolt Gear',
      verificationStatus: 'unverified',
    });
  });
});
