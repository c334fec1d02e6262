import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { sampleVerificationRequest, startBrandHarness } from '@gametriggers/brand-service/testing';
import { createTestRedisNamespace, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from './domain/audit-verify';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const now = new Date('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let admin: AdminHarness;
let brand: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('audit-flow');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  admin = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: () => now, events });
  brand = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: () => now, events });
});
afterAll(async () => {
  await brand.close();
  await admin.close();
  await redis.clear();
  await issuer.close();
});

it('a brand verification decided in the brand service lands once in the audit log, chained', async () => {
  const brandToken = await issuer.tokenFor(cast.brandA);
  await brand.onboardedBrand(brandToken);
  await brand.client(brandToken).brand.requestVerification.mutate(sampleVerificationRequest());
  await brand
    .client(await issuer.tokenFor(cast.superAdmin))
    .brand.verify.mutate({ brandId: cast.brandA.userId });

  const entries = await admin.waitForAuditEntries({ subjectId: cast.brandA.userId });
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    actorId: cast.superAdmin.userId,
    action: 'brand.verify',
    permission: 'canVerifyBrands',
    subjectType: 'brand',
    after: { verificationStatus: 'verified' },
    personal: { details: { companyName: 'Acme Energy Drinks' } },
  });
  const listed = await admin
    .client(await issuer.tokenFor(cast.superAdmin))
    .admin.audit.list.query({ subjectType: 'brand', subjectId: cast.brandA.userId });
  expect(listed.items.map((item) => item.action)).toEqual(['brand.verify']);
  expect(await verifyAuditChain(admin.db, admin.service.deps.checkpointKey)).toMatchObject({
    intact: true,
  });
});
