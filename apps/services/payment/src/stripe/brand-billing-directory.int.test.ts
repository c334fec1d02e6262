import { startBrandHarness } from '@gametriggers/brand-service/testing';
import { startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBrandBillingDirectory } from './brand-billing-directory';

const secret = 'a-service-secret-shared-by-brand-and-payment';
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let brand: Awaited<ReturnType<typeof startBrandHarness>>;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  brand = await startBrandHarness({ jwksUrl: issuer.jwksUrl, serviceSecret: secret });
});
afterAll(async () => {
  await brand.close();
  await issuer.close();
});

it('reads an onboarded brand’s billing details from the real brand service, and null for no brand', async () => {
  const cast = testCast();
  await brand.onboardedBrand(await issuer.tokenFor(cast.brandA));
  const directory = createBrandBillingDirectory({ url: brand.url, secret });
  expect(await directory.billingProfile(cast.brandA.userId)).toMatchObject({
    brandId: cast.brandA.userId,
    companyName: 'Acme Energy Drinks',
    line1: '1 Market Street',
    taxId: 'US-12-3456789',
  });
  expect(await directory.billingProfile(cast.brandB.userId)).toBeNull();
});
