import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandHarness } from './testing/brand-harness';
import { sampleVerificationRequest, startBrandHarness } from './testing/brand-harness';

const now = new Date('2026-03-08T07:30:00Z');
let issuer: TestTokenIssuer;
let harness: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function as(person: TestPerson) {
  return harness.client(await issuer.tokenFor(person));
}

function auditRecordsOf(brandId: string) {
  return harness.db.$queryRaw<Array<{ payload: Record<string, unknown> }>>`
    SELECT "payload" FROM "outbox_events"
    WHERE "type" = 'admin.action_recorded' AND "payload"->'subject'->>'id' = ${brandId}`;
}

describe('verification decisions are audited', () => {
  it('records one admin action per decision, in the decision’s transaction', async () => {
    const { brandA, superAdmin } = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(brandA));
    await (await as(brandA)).brand.requestVerification.mutate(sampleVerificationRequest());
    const admin = await as(superAdmin);
    await admin.brand.verify.mutate({ brandId: brandA.userId });
    // A refused decision changes nothing and records nothing.
    await failure(admin.brand.verify.mutate({ brandId: brandA.userId }));

    expect((await auditRecordsOf(brandA.userId)).map((row) => row.payload)).toEqual([
      {
        actor: { adminId: superAdmin.userId, adminRole: 'super_admin' },
        permission: 'canVerifyBrands',
        action: 'brand.verify',
        subject: { type: 'brand', id: brandA.userId },
        before: { verificationStatus: 'pending' },
        after: { verificationStatus: 'verified' },
        reason: null,
        personal: { companyName: 'Acme Energy Drinks' },
        requestId: expect.any(String) as string,
        occurredAt: now.toISOString(),
      },
    ]);
  });

  it('records a rejection with its reason', async () => {
    const { brandB, superAdmin } = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(brandB));
    await (await as(brandB)).brand.requestVerification.mutate(sampleVerificationRequest());
    await (await as(superAdmin)).brand.reject.mutate({
      brandId: brandB.userId,
      reason: 'The tax id does not match the registration.',
    });
    const records = await auditRecordsOf(brandB.userId);
    expect(records).toHaveLength(1);
    expect(records[0]!.payload).toMatchObject({
      action: 'brand.reject',
      after: { verificationStatus: 'rejected' },
      reason: 'The tax id does not match the registration.',
    });
  });

  it('records an approval with the approving admin’s note', async () => {
    const { brandA: brand, superAdmin } = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(brand));
    await (await as(brand)).brand.requestVerification.mutate(sampleVerificationRequest());
    await (await as(superAdmin)).brand.verify.mutate({
      brandId: brand.userId,
      note: 'Registration checked against the public register.',
    });
    expect((await auditRecordsOf(brand.userId))[0]!.payload).toMatchObject({
      action: 'brand.verify',
      reason: 'Registration checked against the public register.',
    });
  });
});
