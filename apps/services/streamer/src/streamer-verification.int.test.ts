import {
  adminWith,
  checkAdminAuthorization,
  errorOf,
  failure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStreamerRouter } from './router';
import type { StreamerHarness } from './testing/streamer-harness';
import { sampleKycFiles, startStreamerHarness } from './testing/streamer-harness';

// Streamer verification: a streamer with a connected channel asks; an admin with
// `canVerifyStreamers` lists the queue, reviews and decides, each decision audited once.

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
const verifier = adminWith('canVerifyStreamers');
let issuer: TestTokenIssuer;
let harness: StreamerHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const as = async (person: TestPerson) => harness.client(await issuer.tokenFor(person));
const reason = 'The channel name does not match the display name.';

/** A fresh streamer, onboarded with a connected Twitch channel. */
async function onboarded(displayName: string) {
  const person: TestPerson = {
    ...cast.streamerA,
    userId: crypto.randomUUID(),
    email: `${displayName.replaceAll(' ', '')}@example.com`,
  };
  const token = await issuer.tokenFor(person);
  const { streamerId } = await harness.onboardedStreamer(token, {
    displayName,
    categories: ['fps'],
    language: 'en',
    country: 'US',
    followers: 1_200,
  });
  return { streamerId, api: harness.client(token) };
}

async function outbox(type: string, streamerId: string) {
  const rows = await harness.service.deps.db.$queryRaw<Array<{ payload: Record<string, unknown> }>>`
    SELECT "payload" FROM "outbox_events" WHERE "type" = ${type}
    AND ("payload"->>'streamerId' = ${streamerId} OR "payload"->'subject'->>'id' = ${streamerId})
    ORDER BY "occurredAt"`;
  return rows.map((row) => row.payload);
}

describe('requesting verification', () => {
  it('needs onboarding and a connected channel, then opens one request with the channels as they are', async () => {
    const newcomer = await as({ ...cast.streamerB, userId: crypto.randomUUID() });
    expect(await failure(newcomer.streamer.verification.request.mutate({}))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'streamer_not_onboarded',
    });
    await expect(newcomer.streamer.verification.mine.query()).resolves.toEqual({
      status: 'unverified',
      latestRequest: null,
    });
    await newcomer.streamer.onboard.mutate({
      displayName: 'No Channel Yet',
      content: {
        primaryCategory: 'fps',
        secondaryCategories: [],
        language: 'en',
        rating: 'everyone',
      },
      demographics: { country: 'US', timezone: 'America/New_York' },
    });
    expect(await failure(newcomer.streamer.verification.request.mutate({}))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'no_connected_platform',
    });

    const { streamerId, api } = await onboarded('Pat Plays');
    const requested = await api.streamer.verification.request.mutate({
      note: 'I stream on Twitch daily.',
    });
    expect(requested).toMatchObject({
      status: 'pending',
      latestRequest: {
        streamerId,
        displayName: 'Pat Plays',
        note: 'I stream on Twitch daily.',
        status: 'pending',
        channels: [{ platform: 'twitch', followers: 1_200 }],
        documents: [],
      },
    });
    expect(await failure(api.streamer.verification.request.mutate({}))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'verification_pending',
    });
    expect(await outbox('streamer.verification_requested', streamerId)).toEqual([
      { streamerId, displayName: 'Pat Plays', channelCount: 1 },
    ]);
  });
});

describe('deciding', () => {
  it('lists the queue oldest first, verifies with an event and one audit record, and refuses a second decision', async () => {
    const first = await onboarded('First Streamer');
    const second = await onboarded('Second Streamer');
    await first.api.streamer.verification.request.mutate({});
    clock.advance(1_000);
    await second.api.streamer.verification.request.mutate({});
    const admin = await as(verifier);

    const queue = await admin.streamer.verification.list.query({});
    const ids = queue.items.map((item) => item.streamerId);
    expect(ids.indexOf(first.streamerId)).toBeLessThan(ids.indexOf(second.streamerId));
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.streamer.verification.list.query({ limit: 1, cursor });
      paged.push(...page.items.map((item) => item.streamerId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(ids);

    const review = await admin.streamer.verification.review.query({ streamerId: first.streamerId });
    expect(review).toMatchObject({
      status: 'pending',
      streamer: {
        streamerId: first.streamerId,
        displayName: 'First Streamer',
        platforms: [{ platform: 'twitch' }],
      },
      requests: [{ status: 'pending' }],
    });

    await expect(
      admin.streamer.verification.verify.mutate({ streamerId: first.streamerId }),
    ).resolves.toMatchObject({
      status: 'verified',
    });
    await expect(first.api.streamer.verification.mine.query()).resolves.toMatchObject({
      status: 'verified',
      latestRequest: { status: 'verified', decidedBy: verifier.userId },
    });
    expect(await outbox('streamer.verified', first.streamerId)).toEqual([
      { streamerId: first.streamerId, displayName: 'First Streamer', verifiedBy: verifier.userId },
    ]);
    expect(await outbox('admin.action_recorded', first.streamerId)).toEqual([
      expect.objectContaining({
        action: 'streamer.verify',
        permission: 'canVerifyStreamers',
        actor: { adminId: verifier.userId, adminRole: 'admin' },
        before: { verificationStatus: 'pending' },
        after: { verificationStatus: 'verified' },
        personal: { displayName: 'First Streamer' },
      }),
    ]);
    expect(
      await failure(
        admin.streamer.verification.reject.mutate({ streamerId: first.streamerId, reason }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'verification_not_pending',
    });
    expect(await outbox('admin.action_recorded', first.streamerId)).toHaveLength(1);
    expect(
      (await admin.streamer.verification.list.query({ status: 'verified' })).items.map(
        (item) => item.streamerId,
      ),
    ).toContain(first.streamerId);
  });

  it('rejects with a reason the streamer sees, who may then ask again', async () => {
    const { streamerId, api } = await onboarded('Rejected Once');
    await api.streamer.verification.request.mutate({});
    const admin = await as(verifier);
    await admin.streamer.verification.reject.mutate({ streamerId, reason });
    await expect(api.streamer.verification.mine.query()).resolves.toMatchObject({
      status: 'rejected',
      latestRequest: { status: 'rejected', rejectionReason: reason },
    });
    expect(await outbox('streamer.verification_rejected', streamerId)).toEqual([
      { streamerId, displayName: 'Rejected Once', reason, rejectedBy: verifier.userId },
    ]);
    expect(await outbox('admin.action_recorded', streamerId)).toEqual([
      expect.objectContaining({ action: 'streamer.reject_verification', reason }),
    ]);

    clock.advance(1_000);
    // The second time with a KYC document (one the harness's stand-in asset service knows).
    const [passport] = Object.keys(sampleKycFiles);
    await api.streamer.verification.request.mutate({
      note: 'Renamed my channel.',
      documents: [{ kind: 'identity', assetId: passport! }],
    });
    const history = await admin.streamer.verification.review.query({ streamerId });
    expect(history.requests.map((request) => request.status)).toEqual(['pending', 'rejected']);
    expect(history.requests.map((request) => request.documents)).toEqual([
      [{ kind: 'identity', assetId: passport, name: 'Passport.jpg', contentType: 'image/jpeg' }],
      [],
    ]);
    expect(
      await failure(admin.streamer.verification.review.query({ streamerId: crypto.randomUUID() })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('authorization', () => {
  it('lets only streamers request and read their own, and only verifiers decide', async () => {
    const { streamerId } = await onboarded('Matrix Streamer');
    const callers: Record<string, TestPerson | null> = {
      anonymous: null,
      brand: cast.brandA,
      streamer: cast.streamerB,
      verifier,
      brandVerifier: adminWith('canVerifyBrands'),
    };
    const outcomes: Record<string, Record<string, string>> = {};
    for (const [who, person] of Object.entries(callers)) {
      const api = person ? await as(person) : harness.client();
      const outcome = (call: Promise<unknown>) =>
        call.then(
          () => 'ok',
          (error: unknown) => errorOf(error).code,
        );
      outcomes[who] = {
        mine: await outcome(api.streamer.verification.mine.query()),
        list: await outcome(api.streamer.verification.list.query({})),
        review: await outcome(api.streamer.verification.review.query({ streamerId })),
        reject: await outcome(api.streamer.verification.reject.mutate({ streamerId, reason })),
      };
    }
    expect(outcomes).toEqual({
      anonymous: {
        mine: 'UNAUTHORIZED',
        list: 'UNAUTHORIZED',
        review: 'UNAUTHORIZED',
        reject: 'UNAUTHORIZED',
      },
      brand: { mine: 'FORBIDDEN', list: 'FORBIDDEN', review: 'FORBIDDEN', reject: 'FORBIDDEN' },
      streamer: { mine: 'ok', list: 'FORBIDDEN', review: 'FORBIDDEN', reject: 'FORBIDDEN' },
      // Not requested yet: nothing to decide.
      verifier: { mine: 'FORBIDDEN', list: 'ok', review: 'ok', reject: 'PRECONDITION_FAILED' },
      brandVerifier: {
        mine: 'FORBIDDEN',
        list: 'FORBIDDEN',
        review: 'FORBIDDEN',
        reject: 'FORBIDDEN',
      },
    });
  });

  it('lets an admin with its permission past every admin procedure, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createStreamerRouter(harness.service.deps),
      url: harness.url,
      tokenFor: (person) => issuer.tokenFor(person),
    });
    expect(checked.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
