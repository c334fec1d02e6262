import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandHarness } from './testing/brand-harness';
import {
  sampleDocumentFiles,
  sampleOnboarding,
  sampleVerificationRequest,
  startBrandHarness,
} from './testing/brand-harness';

/** A sample upload the stand-in asset service knows (`Blurry photo.jpg`). */
const blurryPhoto = Object.keys(sampleDocumentFiles)[2]!;

let issuer: TestTokenIssuer;
let harness: BrandHarness;
// Every reading of the clock is a second later, so "newest first" never ties.
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 24, 12, 0, 0) + (tick += 1) * 1_000);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function as(person: TestPerson) {
  return harness.client(await issuer.tokenFor(person));
}

interface OutboxRow {
  type: string;
  payload: Record<string, unknown>;
}

/** The brand's verification events (its profile's go to moderation: brand-profile-moderation.int.test.ts). */
function eventsOf(brandId: string) {
  return harness.db.$queryRaw<OutboxRow[]>`
    SELECT "type", "payload" FROM "outbox_events"
    WHERE "payload"->>'brandId' = ${brandId} AND "type" <> 'brand.profile_changed'
    ORDER BY "occurredAt", "id"`;
}

function countRows(
  table: 'verification_requests' | 'verification_documents' | 'brands',
  brandId: string,
) {
  const column =
    table === 'verification_documents' ? 'requestId' : table === 'brands' ? 'id' : 'brandId';
  const where =
    table === 'verification_documents'
      ? `"requestId" IN (SELECT "id" FROM "verification_requests" WHERE "brandId" = $1::uuid)`
      : `"${column}" = $1::uuid`;
  return harness.db
    .$queryRawUnsafe<Array<{ count: bigint }>>(
      `SELECT count(*) FROM "${table}" WHERE ${where}`,
      brandId,
    )
    .then((rows) => Number(rows[0]?.count ?? 0));
}

describe('onboarding', () => {
  it('creates the caller’s profile with its account id and email, once', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    await expect(brand.brand.me.query()).resolves.toBeNull();

    const profile = await brand.brand.onboard.mutate(sampleOnboarding());
    expect(profile).toMatchObject({
      id: brandA.userId,
      email: brandA.email,
      companyInfo: {
        name: 'Acme Energy Drinks',
        size: 'medium',
        website: 'https://acme.example.com',
      },
      contactPerson: { name: 'Dana Reyes', phone: '+1 555 010 0200' },
      preferences: {
        contentCategories: ['fps', 'esports'],
        budgetRange: { minCents: 100_000, maxCents: 2_500_000 },
        regions: ['US', 'CA'],
      },
      billingInfo: {
        address: { line1: '1 Market Street', line2: null, country: 'US' },
        taxId: 'US-12-3456789',
        currency: 'USD',
      },
      verification: {
        status: 'unverified',
        documents: [],
        requestedAt: null,
        rejectionReason: null,
      },
    });
    await expect(brand.brand.me.query()).resolves.toEqual(profile);

    const again = await failure(brand.brand.onboard.mutate(sampleOnboarding()));
    expect(again).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'already_onboarded' });
    expect(again.message).toMatch(/already exists/);
  });

  it('lets one of two simultaneous onboardings win and refuses the other', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    const outcomes = await Promise.allSettled([
      brand.brand.onboard.mutate(sampleOnboarding()),
      brand.brand.onboard.mutate(sampleOnboarding()),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await countRows('brands', brandA.userId)).toBe(1);
  });

  it('explains invalid input field by field as a 400 and writes nothing', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    const sample = sampleOnboarding();
    const refused = await failure(
      brand.brand.onboard.mutate({
        ...sample,
        companyInfo: { ...sample.companyInfo, name: '   ' },
        preferences: { ...sample.preferences, budgetRange: { minCents: 500, maxCents: 100 } },
        billingInfo: {
          ...sample.billingInfo,
          address: { ...sample.billingInfo.address, country: 'XX' as 'US' },
        },
      }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(refused.fieldErrors).toEqual({
      'companyInfo.name': ['Enter your company name'],
      'preferences.budgetRange.maxCents': ['The maximum budget cannot be below the minimum'],
      'billingInfo.address.country': ['Choose a country from the list'],
    });
    expect(refused.message).toContain('companyInfo.name: Enter your company name');
    await expect(brand.brand.me.query()).resolves.toBeNull();
  });
});

describe('updating the profile by section', () => {
  it('replaces only the given sections and clears omitted optional fields', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    const before = await brand.brand.onboard.mutate(sampleOnboarding());

    const after = await brand.brand.updateProfile.mutate({
      companyInfo: { name: 'Acme Drinks Co', industry: 'Beverages', size: 'enterprise' },
      preferences: {
        targetAudience: [],
        contentCategories: ['racing'],
        budgetRange: { minCents: 0, maxCents: 0 },
        regions: ['DE'],
      },
    });
    expect(after.companyInfo).toEqual({
      name: 'Acme Drinks Co',
      industry: 'Beverages',
      size: 'enterprise',
      website: null,
    });
    expect(after.preferences).toEqual({
      targetAudience: [],
      contentCategories: ['racing'],
      budgetRange: { minCents: 0, maxCents: 0 },
      regions: ['DE'],
    });
    expect(after.contactPerson).toEqual(before.contactPerson);
    expect(after.billingInfo).toEqual(before.billingInfo);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.createdAt).toEqual(before.createdAt);
  });

  it('refuses an empty update and a brand that has not onboarded', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    expect(await failure(brand.brand.updateProfile.mutate({}))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { _: ['Change at least one section of the profile'] },
    });
    expect(
      await failure(
        brand.brand.updateProfile.mutate({ contactPerson: sampleOnboarding().contactPerson }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'not_onboarded' });
  });

  it('keeps a verified brand verified when its name or tax id changes, and records the change', async () => {
    const { brandA, superAdmin } = testCast();
    const token = await issuer.tokenFor(brandA);
    await harness.verifiedBrand(token, await issuer.tokenFor(superAdmin));
    const brand = harness.client(token);
    const sample = sampleOnboarding();

    const edited = await brand.brand.updateProfile.mutate({
      companyInfo: { ...sample.companyInfo, name: 'Acme Energy Inc.' },
      billingInfo: { ...sample.billingInfo, taxId: 'US-98-7654321' },
    });
    expect(edited.verification.status).toBe('verified');
    await brand.brand.updateProfile.mutate({ contactPerson: { name: 'Sam', position: 'CEO' } });

    const history = await brand.brand.verificationHistory.query({ brandId: brandA.userId });
    expect(
      history.identityChanges.map(({ field, fromValue, toValue }) => ({
        field,
        fromValue,
        toValue,
      })),
    ).toEqual([
      { field: 'companyName', fromValue: 'Acme Energy Drinks', toValue: 'Acme Energy Inc.' },
      { field: 'taxId', fromValue: 'US-12-3456789', toValue: 'US-98-7654321' },
    ]);
    await expect(
      harness.serviceClient().brand.internal.standing.query({ brandId: brandA.userId }),
    ).resolves.toEqual({
      brandId: brandA.userId,
      companyName: 'Acme Energy Inc.',
      verificationStatus: 'verified',
    });
    await expect(
      harness.serviceClient().brand.internal.billingProfile.query({ brandId: brandA.userId }),
    ).resolves.toMatchObject({
      brandId: brandA.userId,
      companyName: 'Acme Energy Inc.',
      taxId: 'US-98-7654321',
    });
  });

  it('does not record name changes before verification', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    await brand.brand.onboard.mutate(sampleOnboarding());
    await brand.brand.updateProfile.mutate({
      companyInfo: { name: 'Renamed', industry: 'Beverages', size: 'small' },
    });
    const history = await brand.brand.verificationHistory.query({ brandId: brandA.userId });
    expect(history.identityChanges).toEqual([]);
  });
});

describe('verification', () => {
  it('requests, then an admin verifies; events are in the outbox', async () => {
    const { brandA, superAdmin } = testCast();
    const brand = await as(brandA);
    const admin = await as(superAdmin);
    await brand.brand.onboard.mutate(sampleOnboarding());

    const pending = await brand.brand.requestVerification.mutate(sampleVerificationRequest());
    expect(pending.verification).toMatchObject({
      status: 'pending',
      documents: sampleVerificationRequest().documents,
      decidedAt: null,
    });
    expect(pending.verification.requestedAt).toBeInstanceOf(Date);

    const twice = await failure(
      brand.brand.requestVerification.mutate(sampleVerificationRequest()),
    );
    expect(twice).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'verification_pending' });

    const decision = await admin.brand.verify.mutate({ brandId: brandA.userId });
    expect(decision).toMatchObject({ brandId: brandA.userId, status: 'verified' });
    const verified = await brand.brand.me.query();
    expect(verified?.verification).toMatchObject({
      status: 'verified',
      decidedBy: superAdmin.userId,
      rejectionReason: null,
    });

    expect(await failure(admin.brand.verify.mutate({ brandId: brandA.userId }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'verification_not_pending',
    });
    expect(
      await failure(
        admin.brand.reject.mutate({ brandId: brandA.userId, reason: 'Too late for this' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'verification_not_pending' });
    expect(
      await failure(brand.brand.requestVerification.mutate(sampleVerificationRequest())),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'already_verified',
    });

    expect(await eventsOf(brandA.userId)).toEqual([
      {
        type: 'brand.verification_requested',
        payload: { brandId: brandA.userId, companyName: 'Acme Energy Drinks', documentCount: 2 },
      },
      {
        type: 'brand.verified',
        payload: {
          brandId: brandA.userId,
          companyName: 'Acme Energy Drinks',
          verifiedBy: superAdmin.userId,
        },
      },
    ]);
  });

  it('rejects with a reason the brand sees, then takes a new request; history keeps both', async () => {
    const { brandA } = testCast();
    const verifier = { ...testCast().powerlessAdmin, permissions: ['canVerifyBrands' as const] };
    const brand = await as(brandA);
    const admin = await as(verifier);
    await brand.brand.onboard.mutate(sampleOnboarding());
    await brand.brand.requestVerification.mutate({
      documents: [
        { kind: 'other', assetId: blurryPhoto },
      ],
    });

    await admin.brand.reject.mutate({
      brandId: brandA.userId,
      reason: 'The registration document is unreadable.',
    });
    const rejected = await brand.brand.me.query();
    expect(rejected?.verification).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The registration document is unreadable.',
      decidedBy: verifier.userId,
    });

    const again = await brand.brand.requestVerification.mutate(sampleVerificationRequest());
    expect(again.verification).toMatchObject({
      status: 'pending',
      rejectionReason: null,
      decidedAt: null,
      documents: sampleVerificationRequest().documents,
    });

    const history = await admin.brand.verificationHistory.query({ brandId: brandA.userId });
    expect(history.requests).toMatchObject([
      {
        status: 'pending',
        note: 'Registered in Delaware.',
        documents: sampleVerificationRequest().documents,
      },
      {
        status: 'rejected',
        note: null,
        rejectionReason: 'The registration document is unreadable.',
        decidedBy: verifier.userId,
        companyName: 'Acme Energy Drinks',
        documents: [
          {
            kind: 'other',
            assetId: blurryPhoto,
            name: 'Blurry photo.jpg',
            contentType: 'image/jpeg',
            url: null,
          },
        ],
      },
    ]);
    expect((await eventsOf(brandA.userId)).map((event) => event.type)).toEqual([
      'brand.verification_requested',
      'brand.rejected',
      'brand.verification_requested',
    ]);
    expect((await eventsOf(brandA.userId))[1]?.payload).toEqual({
      brandId: brandA.userId,
      companyName: 'Acme Energy Drinks',
      reason: 'The registration document is unreadable.',
      rejectedBy: verifier.userId,
    });
  });

  it('refuses 11 documents, the same file twice or a file it does not have, writing nothing', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    await brand.brand.onboard.mutate(sampleOnboarding());
    const document = sampleVerificationRequest().documents[0]!;
    const tooMany = await failure(
      brand.brand.requestVerification.mutate({
        documents: Array.from({ length: 11 }, () => document),
      }),
    );
    expect(tooMany).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { documents: ['Add at most 10 documents'] },
    });
    const twice = await failure(
      brand.brand.requestVerification.mutate({ documents: [document, document] }),
    );
    expect(twice.fieldErrors).toEqual({ documents: ['Each file only once'] });
    const unknown = await failure(
      brand.brand.requestVerification.mutate({
        documents: [document, { kind: 'tax', assetId: '00000000-0000-4000-8000-00000000dead' }],
      }),
    );
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'document_not_found',
      fieldErrors: {
        'documents.1.assetId': [
          'This file is not among your uploads (it may have been deleted). Upload it again.',
        ],
      },
    });
    expect(unknown.message).toMatch(/^Document 2: /);
    expect(await countRows('verification_requests', brandA.userId)).toBe(0);
    expect(await eventsOf(brandA.userId)).toEqual([]);
    expect((await brand.brand.me.query())?.verification.status).toBe('unverified');
  });

  it('opens one request when two arrive at once', async () => {
    const { brandA } = testCast();
    const brand = await as(brandA);
    await brand.brand.onboard.mutate(sampleOnboarding());
    const outcomes = await Promise.allSettled([
      brand.brand.requestVerification.mutate(sampleVerificationRequest()),
      brand.brand.requestVerification.mutate(sampleVerificationRequest()),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await countRows('verification_requests', brandA.userId)).toBe(1);
    expect(await countRows('verification_documents', brandA.userId)).toBe(2);
    expect(await eventsOf(brandA.userId)).toHaveLength(1);
  });

  it('refuses a decision on an unknown brand and a request before onboarding', async () => {
    const { brandA, superAdmin } = testCast();
    const admin = await as(superAdmin);
    expect(await failure(admin.brand.verify.mutate({ brandId: brandA.userId }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'brand_not_found',
    });
    expect(
      await failure(
        (await as(brandA)).brand.requestVerification.mutate(sampleVerificationRequest()),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'not_onboarded' });
  });
});

describe('one transaction per change', () => {
  it('leaves no request, status or document behind when the event cannot be recorded', async () => {
    const { brandA, superAdmin } = testCast();
    const brand = await as(brandA);
    await brand.brand.onboard.mutate(sampleOnboarding());
    await harness.db.$executeRawUnsafe(
      'ALTER TABLE "outbox_events" RENAME TO "outbox_events_away"',
    );
    try {
      const broken = await failure(
        brand.brand.requestVerification.mutate(sampleVerificationRequest()),
      );
      expect(broken).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      expect(broken.message).toMatch(/request id/);
    } finally {
      await harness.db.$executeRawUnsafe(
        'ALTER TABLE "outbox_events_away" RENAME TO "outbox_events"',
      );
    }
    expect(await countRows('verification_requests', brandA.userId)).toBe(0);
    expect(await countRows('verification_documents', brandA.userId)).toBe(0);
    expect((await brand.brand.me.query())?.verification.status).toBe('unverified');

    await brand.brand.requestVerification.mutate(sampleVerificationRequest());
    const admin = await as(superAdmin);
    await harness.db.$executeRawUnsafe(
      'ALTER TABLE "outbox_events" RENAME TO "outbox_events_away"',
    );
    try {
      await failure(admin.brand.verify.mutate({ brandId: brandA.userId }));
    } finally {
      await harness.db.$executeRawUnsafe(
        'ALTER TABLE "outbox_events_away" RENAME TO "outbox_events"',
      );
    }
    const history = await brand.brand.verificationHistory.query({ brandId: brandA.userId });
    expect(history.requests.map((request) => request.status)).toEqual(['pending']);
    expect((await brand.brand.me.query())?.verification.status).toBe('pending');
  });
});

describe('reading brands', () => {
  it('shows streamers the public profile only', async () => {
    const { brandA, streamerA } = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(brandA));
    const view = await (await as(streamerA)).brand.publicProfile.query({ brandId: brandA.userId });
    expect(view).toEqual({
      brandId: brandA.userId,
      companyName: 'Acme Energy Drinks',
      industry: 'Beverages',
      website: 'https://acme.example.com',
      verified: false,
    });
    expect(
      await failure(
        (await as(streamerA)).brand.publicProfile.query({ brandId: testCast().brandB.userId }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'brand_not_found' });
  });

  it('names a page of brands for admins, leaving out ids that are no brand', async () => {
    const cast = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(cast.brandA), {
      companyInfo: { name: 'Nova Games', industry: 'Games', size: 'startup' },
    });
    const admin = await as(cast.powerlessAdmin);
    const names = await admin.brand.admin.namesByIds.query({
      brandIds: [cast.brandA.userId, cast.brandB.userId, cast.brandA.userId],
    });
    expect(names).toEqual([{ brandId: cast.brandA.userId, companyName: 'Nova Games' }]);
    expect(await admin.brand.admin.namesByIds.query({ brandIds: [] })).toEqual([]);
  });

  it('lists brands newest first for admins, by status and name, page by page', async () => {
    const cast = testCast();
    const people = [cast.brandA, cast.brandB, testCast().brandA, testCast().brandA];
    const names = ['Zephyr Zeta Gaming', 'Zephyr Alpha', 'Zephyr Beta Foods', 'Quartz Labs'];
    for (const [index, person] of people.entries()) {
      await harness.onboardedBrand(await issuer.tokenFor(person), {
        companyInfo: { name: names[index]!, industry: 'Games', size: 'startup' },
      });
    }
    const admin = await as(cast.superAdmin);
    await (await as(people[1]!)).brand.requestVerification.mutate(sampleVerificationRequest());

    const first = await admin.brand.list.query({ search: 'zephyr', limit: 2 });
    expect(first.items.map((item) => item.companyName)).toEqual([
      'Zephyr Beta Foods',
      'Zephyr Alpha',
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await admin.brand.list.query({
      search: 'zephyr',
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((item) => item.companyName)).toEqual(['Zephyr Zeta Gaming']);
    expect(second.nextCursor).toBeNull();

    const queue = await admin.brand.list.query({ status: 'pending', search: 'Zephyr' });
    expect(queue.items).toMatchObject([
      {
        brandId: people[1]!.userId,
        companyName: 'Zephyr Alpha',
        verificationStatus: 'pending',
        email: people[1]!.email,
      },
    ]);
    expect(queue.items[0]?.verificationRequestedAt).toBeInstanceOf(Date);

    expect(await failure(admin.brand.list.query({ cursor: 'garbage' }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_cursor',
    });
  });
});
