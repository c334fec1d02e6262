import path from 'node:path';
import { fileOf, pdfBytes, startAssetHarness } from '@gametriggers/asset-service/testing';
import type { BrandRouter } from '@gametriggers/brand-service/router';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import {
  brandMigrationsDir,
  brandTestServiceSecret,
  sampleOnboarding,
  sampleVerificationRequest,
  startBrandHarness,
} from '@gametriggers/brand-service/testing';
import {
  createTestDatabase,
  createTestRedisNamespace,
  serviceProcesses,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { createPersonClient } from '@gametriggers/trpc';
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

it('an action whose service is killed before its audit record leaves loses nothing: the restarted service sends it, once', { timeout: 120_000 }, async () => {
  const database = await createTestDatabase(brandMigrationsDir, 'brand_kill');
  const processes = serviceProcesses(path.resolve(brandMigrationsDir, '../..'));
  // The real process checks its verification documents with a real asset service.
  const assets = await startAssetHarness({ jwksUrl: issuer.jwksUrl, serviceSecret: brandTestServiceSecret });
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    SERVICE_SECRET: brandTestServiceSecret,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
    ASSET_SERVICE_URL: assets.url,
  };
  try {
    const first = await processes.start(env);
    const as = async (person: (typeof cast)['brandB']) =>
      createPersonClient<BrandRouter>({ url: first.url, accessToken: await issuer.tokenFor(person) });
    const brandB = await as(cast.brandB);
    await brandB.brand.onboard.mutate(sampleOnboarding());
    const certificate = fileOf(pdfBytes(), 'Certificate of incorporation.pdf', 'application/pdf');
    const assetId = await assets.upload(await issuer.tokenFor(cast.brandB), 'verificationDocument', certificate);
    await assets.settled(assetId);
    await brandB.brand.requestVerification.mutate({ documents: [{ kind: 'registration', assetId }] });
    await (await as(cast.superAdmin)).brand.reject.mutate({
      brandId: cast.brandB.userId,
      reason: 'The registration document is unreadable.',
    });
    // Dead the moment the decision is committed: its relay (polling every 200 ms) has almost
    // surely not sent the audit record yet.
    first.kill();

    await processes.start(env);
    const entries = await admin.waitForAuditEntries({ subjectId: cast.brandB.userId });
    expect(entries.map((entry) => entry.action)).toEqual(['brand.reject']);
    // Nothing more arrives: the record was sent once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await admin.db.auditEntry.count({ where: { subjectId: cast.brandB.userId } })).toBe(1);
  } finally {
    processes.stopAll();
    await database.drop();
    await assets.close();
  }
});
