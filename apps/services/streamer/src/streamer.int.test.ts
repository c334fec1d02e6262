import { randomBytes, randomUUID } from 'node:crypto';
import {
  adminWith,
  errorOf,
  failure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { createServiceClient } from '@gametriggers/trpc';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptSecrets } from './domain/reencrypt';
import { createSecretBox, parseEncryptionKeys, secretContext } from './domain/secret-box';
import { METRICS_QUEUE } from './jobs/metrics-sync-jobs';
import type { StreamerRouter } from './router';
import { sampleStreamerProfile } from './testing/streamer-fixtures';
import type { StreamerHarness } from './testing/streamer-harness';
import {
  startStreamerHarness,
  streamerTestPortalUrl,
  streamerTestServiceSecret,
} from './testing/streamer-harness';

let issuer: TestTokenIssuer;
let harness: StreamerHarness;
const start = new Date(testInstants.newYorkAfternoon).getTime();
const clock = fixedClock(testInstants.newYorkAfternoon);
/** Puts the service's clock `offsetMs` after where every test starts. */
const clockAt = (offsetMs: number) => clock.set(new Date(start + offsetMs));
const redirectUri = `${streamerTestPortalUrl}/connect/twitch`;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function as(person: TestPerson) {
  return harness.client(await issuer.tokenFor(person));
}

const asService = () =>
  createServiceClient<StreamerRouter>({
    url: harness.url,
    secret: streamerTestServiceSecret,
    caller: 'campaign',
  });

async function rawQuery<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: harness.config.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The streamer's events but its profile's, which go to moderation (streamer-profile-moderation.int.test.ts). */
async function outboxTypesFor(streamerId: string) {
  const events = await harness.service.deps.db.outboxEvent.findMany({
    where: { type: { not: 'streamer.profile_changed' } },
    orderBy: { occurredAt: 'asc' },
  });
  return events
    .filter((event) => (event.payload as { streamerId?: string }).streamerId === streamerId)
    .map((event) => ({ type: event.type, payload: event.payload }));
}

async function authorizeAs(login: string, url: string) {
  const authorize = new URL(url);
  authorize.searchParams.set('login', login);
  const response = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(response.headers.get('location') ?? '');
  return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' };
}

const freshLogin = () => `tw_${randomBytes(5).toString('hex')}`;

describe('onboarding and profile', () => {
  it('has no profile before onboarding, then the one onboarded', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    await expect(api.streamer.me.query()).resolves.toBeNull();

    const profile = await api.streamer.onboard.mutate(sampleStreamerProfile());
    expect(profile).toMatchObject({
      streamerId: streamerA.userId,
      displayName: 'Pat Plays',
      content: {
        primaryCategory: 'fps',
        secondaryCategories: ['rpg'],
        language: 'en',
        rating: 'teen',
      },
      demographics: { country: 'US', timezone: 'America/New_York', streamingSchedule: null },
      payout: null,
      metrics: { followers: 0, averageViewers: 0, live: false },
      platforms: [],
    });
    await expect(api.streamer.me.query()).resolves.toEqual(profile);
    const events = await outboxTypesFor(streamerA.userId);
    expect(events.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      {
        type: 'streamer.onboarded',
        payload: { streamerId: streamerA.userId, displayName: 'Pat Plays' },
      },
      {
        type: 'streamer.targeting_changed',
        payload: {
          streamerId: streamerA.userId,
          categories: ['fps', 'rpg'],
          language: 'en',
          country: 'US',
          followers: 0,
          averageViewers: 0,
          version: 1,
        },
      },
    ]);
  });

  it('onboards once', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    await api.streamer.onboard.mutate(sampleStreamerProfile());
    expect(await failure(api.streamer.onboard.mutate(sampleStreamerProfile('Again')))).toMatchObject({
      code: 'CONFLICT',
      reason: 'already_onboarded',
    });
  });

  it('onboards once even when two requests race', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    const results = await Promise.allSettled([
      api.streamer.onboard.mutate(sampleStreamerProfile()),
      api.streamer.onboard.mutate(sampleStreamerProfile()),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(errorOf(rejected?.reason)).toMatchObject({
      code: 'CONFLICT',
      reason: 'already_onboarded',
    });
  });

  it('updates sections, the schedule, and only the caller’s own profile', async () => {
    const { streamerA, streamerB } = testCast();
    const apiA = await as(streamerA);
    const apiB = await as(streamerB);
    await apiA.streamer.onboard.mutate(sampleStreamerProfile('Alpha'));
    const before = await apiB.streamer.onboard.mutate(sampleStreamerProfile('Bravo'));

    const updated = await apiA.streamer.updateProfile.mutate({
      content: {
        primaryCategory: 'moba',
        secondaryCategories: ['strategy', 'esports'],
        language: 'de',
        rating: 'everyone',
      },
    });
    expect(updated.displayName).toBe('Alpha');
    expect(updated.content).toEqual({
      primaryCategory: 'moba',
      secondaryCategories: ['strategy', 'esports'],
      language: 'de',
      rating: 'everyone',
    });
    const scheduled = await apiA.streamer.setSchedule.mutate({
      schedule: { days: ['fri', 'sat'], startTime: '22:00', endTime: '02:00' },
    });
    expect(scheduled.demographics.streamingSchedule).toEqual({
      days: ['fri', 'sat'],
      startTime: '22:00',
      endTime: '02:00',
    });
    await expect(apiA.streamer.setSchedule.mutate({ schedule: null })).resolves.toMatchObject({
      demographics: { streamingSchedule: null },
    });
    const renamed = await apiA.streamer.updateProfile.mutate({ displayName: 'Alpha Prime' });
    expect(renamed.content.primaryCategory).toBe('moba');

    const bAfter = await apiB.streamer.me.query();
    expect(bAfter).toEqual(before);
  });

  it('asks to onboard before changing a profile', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    // One call at a time: a refusal nobody awaits yet would surface as an unhandled rejection.
    for (const call of [
      () => api.streamer.updateProfile.mutate({ displayName: 'Nobody' }),
      () => api.streamer.setSchedule.mutate({ schedule: null }),
      () => api.streamer.setPayout.mutate({ method: 'paypal', email: 'pat@example.com' }),
    ]) {
      expect(await failure(call())).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'streamer_not_onboarded',
      });
    }
  });

  it('explains invalid input per field', async () => {
    const { streamerA } = testCast();
    const error = await failure(
      (await as(streamerA)).streamer.onboard.mutate({
        ...sampleStreamerProfile(),
        content: { ...sampleStreamerProfile().content, secondaryCategories: ['fps'] },
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error.message).toContain('content.secondaryCategories');
  });
});

describe('encryption at rest', () => {
  it('stores payout details encrypted and shows only a hint', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    await api.streamer.onboard.mutate(sampleStreamerProfile());
    const iban = 'DE89370400440532013000';
    const saved = await api.streamer.setPayout.mutate({
      method: 'bank',
      accountHolder: 'Pat Streamer',
      iban,
    });
    expect(saved).toEqual({ method: 'bank', hint: '•••• 3000' });
    const me = await api.streamer.me.query();
    expect(me?.payout).toEqual({ method: 'bank', hint: '•••• 3000' });
    expect(JSON.stringify(me)).not.toContain(iban);

    const [row] = await rawQuery<{ payoutDetails: string }>(
      'SELECT "payoutDetails" FROM streamers WHERE id = $1',
      [streamerA.userId],
    );
    expect(row?.payoutDetails).toMatch(/^v1\.test1\./);
    expect(row?.payoutDetails).not.toContain(iban);
    expect(row?.payoutDetails).not.toContain('Pat Streamer');
    const details = harness.service.deps.secrets.decrypt(
      row?.payoutDetails ?? '',
      secretContext.payoutDetails(streamerA.userId),
    );
    expect(JSON.parse(details)).toEqual({ method: 'bank', accountHolder: 'Pat Streamer', iban });
  });

  it('stores platform tokens encrypted; they are real tokens and never leave the service', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const { twitchLogin } = await harness.onboardedStreamer(token, {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      followers: 10,
    });
    const [row] = await rawQuery<{ accessToken: string; refreshToken: string }>(
      'SELECT "accessToken", "refreshToken" FROM streamer_platforms WHERE "streamerId" = $1',
      [streamerA.userId],
    );
    const accessToken = harness.service.deps.secrets.decrypt(
      row?.accessToken ?? '',
      secretContext.accessToken(streamerA.userId, 'twitch'),
    );
    const refreshToken = harness.service.deps.secrets.decrypt(
      row?.refreshToken ?? '',
      secretContext.refreshToken(streamerA.userId, 'twitch'),
    );
    expect(row?.accessToken).not.toContain(accessToken);
    expect(row?.refreshToken).not.toContain(refreshToken);
    const validated = await fetch(`${harness.twitch.authUrl}/validate`, {
      headers: { authorization: `OAuth ${accessToken}` },
    });
    await expect(validated.json()).resolves.toMatchObject({ login: twitchLogin });

    const api = harness.client(token);
    const outputs = [
      await api.streamer.me.query(),
      await api.streamer.platforms.list.query(),
      await api.streamer.metrics.query({}),
      await api.streamer.get.query({ streamerId: streamerA.userId }),
    ];
    for (const output of outputs) {
      const text = JSON.stringify(output);
      expect(text).not.toContain(accessToken);
      expect(text).not.toContain(refreshToken);
    }
  });

  it('re-encrypts every secret under a new active key, which the old key list cannot read', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    await harness.onboardedStreamer(token, { categories: ['fps'], language: 'en', country: 'US' });
    await harness
      .client(token)
      .streamer.setPayout.mutate({ method: 'paypal', email: 'pat@example.com' });

    const oldKeys = parseEncryptionKeys(harness.config.STREAMER_ENCRYPTION_KEYS);
    const newKey = randomBytes(32);
    const rotated = createSecretBox(new Map([...oldKeys, ['test2', newKey]]), 'test2');
    const moved = await reencryptSecrets(harness.service.deps.db, rotated);
    expect(moved.payouts).toBeGreaterThanOrEqual(1);
    expect(moved.platformTokens).toBeGreaterThanOrEqual(1);
    const rows = await rawQuery<{ payoutDetails: string | null }>(
      'SELECT "payoutDetails" FROM streamers',
    );
    const tokens = await rawQuery<{ accessToken: string }>(
      'SELECT "accessToken" FROM streamer_platforms',
    );
    for (const envelope of [
      ...rows.map((row) => row.payoutDetails),
      ...tokens.map((row) => row.accessToken),
    ]) {
      if (envelope) expect(rotated.keyIdOf(envelope)).toBe('test2');
    }
    const [mine] = await rawQuery<{ payoutDetails: string }>(
      'SELECT "payoutDetails" FROM streamers WHERE id = $1',
      [streamerA.userId],
    );
    const context = secretContext.payoutDetails(streamerA.userId);
    expect(JSON.parse(rotated.decrypt(mine?.payoutDetails ?? '', context))).toMatchObject({
      email: 'pat@example.com',
    });
    expect(() => harness.service.deps.secrets.decrypt(mine?.payoutDetails ?? '', context)).toThrow(
      /No encryption key/,
    );
    await expect(reencryptSecrets(harness.service.deps.db, rotated)).resolves.toEqual({
      payouts: 0,
      platformTokens: 0,
    });

    // Back to the running service's key, so the rest of this file can read them.
    const restored = createSecretBox(new Map([...oldKeys, ['test2', newKey]]), 'test1');
    await reencryptSecrets(harness.service.deps.db, restored);
    expect(
      harness.service.deps.secrets.decrypt(
        (
          await rawQuery<{ payoutDetails: string }>(
            'SELECT "payoutDetails" FROM streamers WHERE id = $1',
            [streamerA.userId],
          )
        )[0]?.payoutDetails ?? '',
        context,
      ),
    ).toContain('pat@example.com');
  });
});

describe('connecting Twitch', () => {
  it('connects through OAuth, stores the channel with its numbers and announces it', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    await api.streamer.onboard.mutate(sampleStreamerProfile());
    const login = freshLogin();
    const channel = harness.twitch.addChannel({ login, followers: 4321, liveViewers: 77 });

    const { url, state } = await api.streamer.platforms.authorizationUrl.mutate({
      platform: 'twitch',
      redirectUri,
    });
    const authorize = new URL(url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${harness.twitch.authUrl}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: harness.config.TWITCH_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'user:read:email moderator:read:followers',
      state,
    });

    const back = await authorizeAs(login, url);
    expect(back.state).toBe(state);
    const connected = await api.streamer.platforms.connect.mutate({
      platform: 'twitch',
      ...back,
      redirectUri,
    });
    expect(connected).toMatchObject({
      platform: 'twitch',
      username: login,
      channelId: channel.id,
      channelUrl: `https://www.twitch.tv/${login}`,
      verified: true,
      live: true,
      metrics: { followers: 4321, averageViewers: 77 },
    });
    expect(connected.lastSyncedAt).toBeInstanceOf(Date);
    await expect(api.streamer.me.query()).resolves.toMatchObject({
      metrics: { followers: 4321, averageViewers: 77, live: true },
    });
    expect((await outboxTypesFor(streamerA.userId)).map((event) => event.type).sort()).toEqual([
      'streamer.live_status_changed',
      'streamer.onboarded',
      'streamer.platform_connected',
      'streamer.targeting_changed',
      'streamer.targeting_changed',
    ]);
    expect(await outboxTypesFor(streamerA.userId)).toContainEqual({
      type: 'streamer.platform_connected',
      payload: { streamerId: streamerA.userId, platform: 'twitch', channelId: channel.id },
    });
  });

  it('lets a streamer connect before onboarding; onboarding then counts the channel', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const login = freshLogin();
    harness.twitch.addChannel({ login, followers: 900 });
    await harness.connectTwitch(token, login);
    const api = harness.client(token);
    await expect(api.streamer.me.query()).resolves.toBeNull();
    await expect(api.streamer.platforms.list.query()).resolves.toMatchObject([
      { platform: 'twitch', username: login },
    ]);
    const profile = await api.streamer.onboard.mutate(sampleStreamerProfile());
    expect(profile.metrics).toEqual({ followers: 900, averageViewers: 0, live: false });
  });

  it('uses a state once, for the streamer it was issued to, before it expires', async () => {
    const { streamerA, streamerB } = testCast();
    const apiA = await as(streamerA);
    const apiB = await as(streamerB);
    const login = freshLogin();
    harness.twitch.addChannel({ login });

    const issuedToA = await apiA.streamer.platforms.authorizationUrl.mutate({
      platform: 'twitch',
      redirectUri,
    });
    const backA = await authorizeAs(login, issuedToA.url);
    expect(
      await failure(
        apiB.streamer.platforms.connect.mutate({ platform: 'twitch', ...backA, redirectUri }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'oauth_state_invalid' });

    await apiA.streamer.platforms.connect.mutate({ platform: 'twitch', ...backA, redirectUri });
    expect(
      await failure(
        apiA.streamer.platforms.connect.mutate({ platform: 'twitch', ...backA, redirectUri }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'oauth_state_invalid' });

    const late = await apiA.streamer.platforms.authorizationUrl.mutate({
      platform: 'twitch',
      redirectUri,
    });
    const backLate = await authorizeAs(login, late.url);
    clockAt(11 * 60_000);
    try {
      expect(
        await failure(
          apiA.streamer.platforms.connect.mutate({ platform: 'twitch', ...backLate, redirectUri }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', reason: 'oauth_state_invalid' });
    } finally {
      clockAt(0);
    }
  });

  it('binds the state to the redirect URI and only returns to the streamer portal', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    expect(
      await failure(
        api.streamer.platforms.authorizationUrl.mutate({
          platform: 'twitch',
          redirectUri: 'https://evil.example/cb',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'redirect_uri_not_allowed' });

    const login = freshLogin();
    harness.twitch.addChannel({ login });
    const issued = await api.streamer.platforms.authorizationUrl.mutate({
      platform: 'twitch',
      redirectUri,
    });
    const back = await authorizeAs(login, issued.url);
    expect(
      await failure(
        api.streamer.platforms.connect.mutate({
          platform: 'twitch',
          ...back,
          redirectUri: `${streamerTestPortalUrl}/connect/other`,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'oauth_state_invalid' });
  });

  it('says so when Twitch rejects the code', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    const { state } = await api.streamer.platforms.authorizationUrl.mutate({
      platform: 'twitch',
      redirectUri,
    });
    expect(
      await failure(
        api.streamer.platforms.connect.mutate({
          platform: 'twitch',
          code: 'made-up-code',
          state,
          redirectUri,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'oauth_code_rejected' });
  });

  it('refuses a channel already connected to another streamer', async () => {
    const { streamerA, streamerB } = testCast();
    const login = freshLogin();
    harness.twitch.addChannel({ login, followers: 5 });
    await harness.connectTwitch(await issuer.tokenFor(streamerA), login);
    expect(
      await failure(harness.connectTwitch(await issuer.tokenFor(streamerB), login)),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'channel_already_connected',
    });
    await expect((await as(streamerB)).streamer.platforms.list.query()).resolves.toEqual([]);
  });

  it('replaces the channel when the streamer connects another one, and disconnects', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const api = harness.client(token);
    await api.streamer.onboard.mutate(sampleStreamerProfile());
    const first = freshLogin();
    const second = freshLogin();
    harness.twitch.addChannel({ login: first, followers: 100 });
    harness.twitch.addChannel({ login: second, followers: 250 });
    await harness.connectTwitch(token, first);
    await harness.connectTwitch(token, second);
    await expect(api.streamer.platforms.list.query()).resolves.toMatchObject([
      { username: second },
    ]);
    await expect(api.streamer.me.query()).resolves.toMatchObject({ metrics: { followers: 250 } });

    await expect(api.streamer.platforms.disconnect.mutate({ platform: 'twitch' })).resolves.toEqual(
      {
        platform: 'twitch',
        disconnected: true,
      },
    );
    await expect(api.streamer.me.query()).resolves.toMatchObject({
      platforms: [],
      metrics: { followers: 0, averageViewers: 0, live: false },
    });
    expect(
      await failure(api.streamer.platforms.disconnect.mutate({ platform: 'twitch' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'platform_not_connected',
    });
    // The first channel is free again.
    await expect(harness.connectTwitch(token, first)).resolves.toMatchObject({ username: first });
  });
});

describe('metrics sync', () => {
  it('follows followers and live status, averages live samples, and announces live status and viewer changes', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const { streamerId, twitchLogin } = await harness.onboardedStreamer(token, {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      followers: 100,
    });
    harness.twitch.setFollowers(twitchLogin, 150);
    harness.twitch.setLive(twitchLogin, 100);
    await harness.syncMetrics(streamerId);
    const api = harness.client(token);
    await expect(api.streamer.metrics.query({})).resolves.toMatchObject({
      followers: 150,
      averageViewers: 100,
      live: true,
      platforms: [{ platform: 'twitch', followers: 150, averageViewers: 100, live: true }],
    });

    clockAt(15 * 60_000);
    try {
      harness.twitch.setLive(twitchLogin, 200);
      await harness.syncMetrics(streamerId);
      // Half an interval later: the same observation, not a new sample.
      clockAt(20 * 60_000);
      harness.twitch.setLive(twitchLogin, 5000);
      await harness.syncMetrics(streamerId);
      await expect(api.streamer.metrics.query({})).resolves.toMatchObject({
        averageViewers: 150,
        live: true,
      });

      clockAt(31 * 60_000);
      harness.twitch.setOffline(twitchLogin);
      await harness.syncMetrics(streamerId);
      const metrics = await api.streamer.metrics.query({});
      expect(metrics).toMatchObject({ averageViewers: 150, live: false });
      expect(metrics.platforms[0]?.lastSyncedAt).toEqual(new Date(start + 31 * 60_000));
    } finally {
      clockAt(0);
    }
    const liveEvents = (await outboxTypesFor(streamerId)).filter(
      (event) => event.type === 'streamer.live_status_changed',
    );
    expect(liveEvents.map((event) => event.payload)).toEqual([
      { streamerId, live: true, viewers: 100 },
      { streamerId, live: true, viewers: 200 },
      { streamerId, live: true, viewers: 5000 },
      { streamerId, live: false, viewers: 0 },
    ]);
  });

  it('announces a change of what targeting matches on, once per change, with a rising version', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const { streamerId, twitchLogin } = await harness.onboardedStreamer(token, {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      followers: 100,
      averageViewers: 0,
    });
    const targetingEvents = async () =>
      (await outboxTypesFor(streamerId))
        .filter((event) => event.type === 'streamer.targeting_changed')
        .map((event) => event.payload as { followers: number; language: string; version: number });
    await harness.syncMetrics(streamerId);
    const before = await targetingEvents();
    const version = Math.max(...before.map((event) => event.version));

    // A sync that changes nothing announces nothing.
    await harness.syncMetrics(streamerId);
    expect(await targetingEvents()).toHaveLength(before.length);

    harness.twitch.setFollowers(twitchLogin, 250);
    await harness.syncMetrics(streamerId);
    await harness.client(token).streamer.updateProfile.mutate({
      content: { primaryCategory: 'fps', secondaryCategories: [], language: 'de', rating: 'teen' },
    });
    const after = (await targetingEvents()).slice(before.length);
    expect(after.map(({ followers, language, version: v }) => ({ followers, language, version: v }))).toEqual([
      { followers: 250, language: 'en', version: version + 1 },
      { followers: 250, language: 'de', version: version + 2 },
    ]);
    const metrics = await harness.client(token).streamer.metrics.query({});
    await expect(
      asService().streamer.internal.targetingProfile.query({ streamerId }),
    ).resolves.toEqual({
      streamerId,
      categories: ['fps'],
      language: 'de',
      country: 'US',
      followers: 250,
      averageViewers: metrics.averageViewers,
      version: version + 2,
    });
  });

  it('forgets samples older than 30 days', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const { streamerId, twitchLogin } = await harness.onboardedStreamer(token, {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      averageViewers: 1000,
    });
    clockAt(31 * 24 * 3600_000);
    try {
      harness.twitch.setLive(twitchLogin, 10);
      await harness.syncMetrics(streamerId);
      await expect(harness.client(token).streamer.metrics.query({})).resolves.toMatchObject({
        averageViewers: 10,
      });
    } finally {
      clockAt(0);
    }
  });

  it('refreshes an expired access token before calling Twitch, and a refused one after', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const { streamerId, twitchLogin } = await harness.onboardedStreamer(token, {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      followers: 1,
    });
    const tokenCalls = () =>
      harness.twitch.calls().filter((call) => call === 'POST /oauth2/token').length;
    const [before] = await rawQuery<{ accessToken: string }>(
      'SELECT "accessToken" FROM streamer_platforms WHERE "streamerId" = $1',
      [streamerId],
    );

    // Past the stored expiry (Twitch's four hours): refreshed up front.
    clockAt(5 * 3600_000);
    try {
      harness.twitch.setFollowers(twitchLogin, 2);
      const calls = tokenCalls();
      await harness.syncMetrics(streamerId);
      expect(tokenCalls()).toBe(calls + 1);
    } finally {
      clockAt(0);
    }
    await expect(harness.client(token).streamer.metrics.query({})).resolves.toMatchObject({
      followers: 2,
    });

    // Refused although not yet expired by our clock: refreshed once and retried.
    harness.twitch.expireAccessTokens();
    harness.twitch.setFollowers(twitchLogin, 3);
    const calls = tokenCalls();
    await expect(harness.syncMetrics(streamerId)).resolves.toEqual(['synced']);
    expect(tokenCalls()).toBe(calls + 1);
    await expect(harness.client(token).streamer.metrics.query({})).resolves.toMatchObject({
      followers: 3,
    });
    const [after] = await rawQuery<{ accessToken: string }>(
      'SELECT "accessToken" FROM streamer_platforms WHERE "streamerId" = $1',
      [streamerId],
    );
    expect(after?.accessToken).not.toBe(before?.accessToken);
  });

  it('runs as jobs: one on connect, and a periodic fan-out over every channel', async () => {
    const { streamerA, streamerB } = testCast();
    const first = await harness.onboardedStreamer(await issuer.tokenFor(streamerA), {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      followers: 10,
    });
    const second = await harness.onboardedStreamer(await issuer.tokenFor(streamerB), {
      categories: ['rpg'],
      language: 'en',
      country: 'US',
      followers: 20,
    });
    harness.twitch.setFollowers(first.twitchLogin, 11);
    harness.twitch.setFollowers(second.twitchLogin, 21);
    const queue = new Queue(METRICS_QUEUE, {
      connection: { url: harness.config.REDIS_URL },
      prefix: harness.config.queuePrefix,
    });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toContainEqual(
        expect.objectContaining({ key: 'sync-all-platforms', every: 15 * 60_000 }),
      );
      await queue.add('sync-all-platforms', {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      await harness.metricsSyncIdle();
    } finally {
      await queue.close();
    }
    const services = asService();
    const profiles = await services.streamer.internal.profiles.query({
      streamerIds: [first.streamerId, second.streamerId],
    });
    expect(profiles.map((profile) => profile.followers).sort()).toEqual([11, 21]);
  });
});

describe('search', () => {
  const ids: Record<string, string> = {};
  const cast = testCast();

  beforeAll(async () => {
    const people = {
      alpha: { ...cast.streamerA, userId: randomUUID() },
      bravo: { ...cast.streamerA, userId: randomUUID() },
      charlie: { ...cast.streamerA, userId: randomUUID() },
      delta: { ...cast.streamerA, userId: randomUUID() },
    };
    const tag = randomBytes(3).toString('hex');
    const make = async (
      name: keyof typeof people,
      profile: Parameters<StreamerHarness['onboardedStreamer']>[1],
    ) => {
      const made = await harness.onboardedStreamer(await issuer.tokenFor(people[name]), {
        ...profile,
        displayName: `${name} ${tag}`,
      });
      ids[name] = made.streamerId;
    };
    await make('alpha', {
      categories: ['horror', 'indie'],
      language: 'en',
      country: 'US',
      followers: 90_000,
      averageViewers: 40,
    });
    await make('bravo', {
      categories: ['retro'],
      language: 'de',
      country: 'DE',
      followers: 90_001,
      averageViewers: 900,
      live: true,
    });
    await make('charlie', {
      categories: ['indie'],
      language: 'en',
      country: 'GB',
      followers: 90_002,
      averageViewers: 5,
    });
    await make('delta', {
      categories: ['racing'],
      language: 'fr',
      country: 'FR',
      followers: 90_003,
      averageViewers: 300,
    });
  });

  const only = (items: Array<{ streamerId: string }>) =>
    items
      .map((item) => Object.keys(ids).find((name) => ids[name] === item.streamerId))
      .filter(Boolean);

  it('filters by any of the categories, languages, countries, size and live status', async () => {
    const api = await as(cast.brandA);
    const search = (input: Parameters<typeof api.streamer.search.query>[0]) =>
      api.streamer.search.query({ limit: 100, ...input }).then((page) => only(page.items));
    expect(await search({ categories: ['horror', 'retro'], minFollowers: 90_000 })).toEqual([
      'bravo',
      'alpha',
    ]);
    expect(
      await search({ categories: ['indie'], languages: ['en'], minFollowers: 90_000 }),
    ).toEqual(['charlie', 'alpha']);
    expect(await search({ countries: ['FR', 'DE'], minFollowers: 90_000 })).toEqual([
      'delta',
      'bravo',
    ]);
    expect(await search({ minFollowers: 90_000, minAverageViewers: 300 })).toEqual([
      'delta',
      'bravo',
    ]);
    expect(await search({ minFollowers: 90_000, liveOnly: true })).toEqual(['bravo']);
    expect(await search({ minFollowers: 90_000, sort: 'averageViewers' })).toEqual([
      'bravo',
      'delta',
      'alpha',
      'charlie',
    ]);
    expect(await search({ minFollowers: 90_000, sort: 'newest' })).toEqual([
      'delta',
      'charlie',
      'bravo',
      'alpha',
    ]);
  });

  it('matches display names and channel names', async () => {
    const api = await as(cast.brandA);
    const card = await api.streamer.get.query({ streamerId: ids.delta ?? '' });
    const channel = card.platforms[0]?.username ?? '';
    expect(only((await api.streamer.search.query({ query: channel.toUpperCase() })).items)).toEqual(
      ['delta'],
    );
    expect(
      only((await api.streamer.search.query({ query: 'CHARLIE', minFollowers: 90_000 })).items),
    ).toEqual(['charlie']);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const api = await as(cast.brandA);
    for (const sort of ['followers', 'averageViewers', 'newest'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.streamer.search.query({
          minFollowers: 90_000,
          limit: 1,
          sort,
          cursor,
        });
        seen.push(...page.items.map((item) => item.streamerId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(4);
      const all = await api.streamer.search.query({ minFollowers: 90_000, limit: 100, sort });
      expect(seen).toEqual(all.items.map((item) => item.streamerId));
    }
    expect(await failure(api.streamer.search.query({ cursor: 'nonsense' }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_cursor',
    });
  });

  it('shows public cards: metrics and channel links, no secrets or payout', async () => {
    const api = await as(cast.brandB);
    const page = await api.streamer.search.query({ categories: ['retro'], minFollowers: 90_000 });
    expect(page.items[0]).toMatchObject({
      streamerId: ids.bravo,
      followers: 90_001,
      averageViewers: 900,
      live: true,
      platforms: [{ platform: 'twitch', verified: true, live: true }],
    });
    expect(page.items[0]).not.toHaveProperty('payout');
    expect(page.items[0]?.platforms[0]?.channelUrl).toMatch(/^https:\/\/www\.twitch\.tv\//);
  });
});

describe('internal reads', () => {
  it('gives the matching profile, or null before onboarding', async () => {
    const { streamerA } = testCast();
    const services = asService();
    await expect(
      services.streamer.internal.matchingProfile.query({ streamerId: streamerA.userId }),
    ).resolves.toBeNull();
    await harness.onboardedStreamer(await issuer.tokenFor(streamerA), {
      categories: ['rpg', 'fps', 'indie'],
      language: 'es',
      country: 'MX',
      timezone: 'America/Mexico_City',
      followers: 700,
      averageViewers: 30,
      live: true,
    });
    await expect(
      services.streamer.internal.matchingProfile.query({ streamerId: streamerA.userId }),
    ).resolves.toMatchObject({
      categories: ['rpg', 'fps', 'indie'],
      language: 'es',
      country: 'MX',
      timezone: 'America/Mexico_City',
      followers: 700,
      averageViewers: 30,
      live: true,
    });
  });

  it('lists profiles in one call and leaves unknown ids out', async () => {
    const { streamerA } = testCast();
    const made = await harness.onboardedStreamer(await issuer.tokenFor(streamerA), {
      categories: ['rpg'],
      language: 'en',
      country: 'US',
      followers: 42,
    });
    const profiles = await asService().streamer.internal.profiles.query({
      streamerIds: [made.streamerId, randomUUID(), made.streamerId],
    });
    expect(profiles).toEqual([
      {
        streamerId: made.streamerId,
        displayName: made.profile.displayName,
        followers: 42,
        averageViewers: 0,
        live: false,
        channelUrl: `https://www.twitch.tv/${made.twitchLogin}`,
      },
    ]);
  });
});

describe('authorization per procedure', () => {
  type Who =
    'anonymous' | 'brandA' | 'brandB' | 'streamerA' | 'streamerB' | 'superAdmin' | 'powerlessAdmin';
  type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT' | 'NOT_FOUND';
  type Api = ReturnType<StreamerHarness['client']>;
  const cast = testCast();
  const people: Record<Exclude<Who, 'anonymous'>, TestPerson> = {
    ...cast,
    superAdmin: cast.superAdmin,
    powerlessAdmin: adminWith(),
  };
  const clients = {} as Record<Who, Api>;

  beforeAll(async () => {
    clients.anonymous = harness.client();
    for (const [who, person] of Object.entries(people)) {
      clients[who as Who] = harness.client(await issuer.tokenFor(person));
    }
    for (const streamer of [cast.streamerA, cast.streamerB]) {
      await harness.onboardedStreamer(await issuer.tokenFor(streamer), {
        categories: ['sports'],
        language: 'en',
        country: 'US',
        followers: 3,
      });
    }
  });

  const everyone = (
    outcome: Outcome,
    overrides: Partial<Record<Who, Outcome>> = {},
  ): Record<Who, Outcome> => ({
    anonymous: 'UNAUTHORIZED',
    brandA: outcome,
    brandB: outcome,
    streamerA: outcome,
    streamerB: outcome,
    superAdmin: outcome,
    powerlessAdmin: outcome,
    ...overrides,
  });
  const streamersOnly = (outcome: Outcome) =>
    everyone('FORBIDDEN', { streamerA: outcome, streamerB: outcome });
  const brandsAndAdmins = everyone('ok', { streamerA: 'FORBIDDEN', streamerB: 'FORBIDDEN' });

  const table: Array<[string, (api: Api) => Promise<unknown>, Record<Who, Outcome>]> = [
    ['onboard', (api) => api.streamer.onboard.mutate(sampleStreamerProfile()), streamersOnly('CONFLICT')],
    ['me', (api) => api.streamer.me.query(), streamersOnly('ok')],
    [
      'updateProfile',
      (api) => api.streamer.updateProfile.mutate({ displayName: 'Renamed' }),
      streamersOnly('ok'),
    ],
    [
      'setSchedule',
      (api) => api.streamer.setSchedule.mutate({ schedule: null }),
      streamersOnly('ok'),
    ],
    [
      'setPayout',
      (api) => api.streamer.setPayout.mutate({ method: 'paypal', email: 'pat@example.com' }),
      streamersOnly('ok'),
    ],
    [
      'metrics of streamer A',
      (api) => api.streamer.metrics.query({ streamerId: cast.streamerA.userId }),
      everyone('ok', { streamerB: 'FORBIDDEN' }),
    ],
    [
      'get streamer A',
      (api) => api.streamer.get.query({ streamerId: cast.streamerA.userId }),
      everyone('ok'),
    ],
    ['search', (api) => api.streamer.search.query({}), brandsAndAdmins],
    ['platforms.list', (api) => api.streamer.platforms.list.query(), streamersOnly('ok')],
    [
      'platforms.authorizationUrl',
      (api) => api.streamer.platforms.authorizationUrl.mutate({ platform: 'twitch', redirectUri }),
      streamersOnly('ok'),
    ],
    [
      'platforms.connect',
      (api) =>
        api.streamer.platforms.connect.mutate({
          platform: 'twitch',
          code: 'code',
          state: 'a-state-nobody-was-issued',
          redirectUri,
        }),
      streamersOnly('BAD_REQUEST'),
    ],
    [
      'platforms.disconnect',
      (api) => api.streamer.platforms.disconnect.mutate({ platform: 'youtube' }),
      streamersOnly('NOT_FOUND'),
    ],
    [
      'internal.matchingProfile',
      (api) => api.streamer.internal.matchingProfile.query({ streamerId: cast.streamerA.userId }),
      everyone('FORBIDDEN'),
    ],
    [
      'internal.profiles',
      (api) => api.streamer.internal.profiles.query({ streamerIds: [cast.streamerA.userId] }),
      everyone('FORBIDDEN'),
    ],
    [
      'internal.matchingStreamers',
      (api) =>
        api.streamer.internal.matchingStreamers.query({
          targeting: { categories: ['sports'], languages: [], regions: [], minFollowers: 0, minAverageViewers: 0 },
        }),
      everyone('FORBIDDEN'),
    ],
  ];

  const cases = table.flatMap(([name, call, outcomes]) =>
    Object.entries(outcomes).map(([who, outcome]) => [name, who as Who, outcome, call] as const),
  );

  it.each(cases)('%s as %s: %s', async (_name, who, outcome, call) => {
    if (outcome === 'ok') {
      await expect(call(clients[who])).resolves.not.toBeUndefined();
    } else {
      expect(await failure(call(clients[who]))).toMatchObject({ code: outcome });
    }
  });

  it('gives each streamer their own profile and metrics', async () => {
    await expect(clients.streamerA.streamer.me.query()).resolves.toMatchObject({
      streamerId: cast.streamerA.userId,
    });
    await expect(clients.streamerB.streamer.me.query()).resolves.toMatchObject({
      streamerId: cast.streamerB.userId,
    });
    await expect(clients.streamerB.streamer.metrics.query({})).resolves.toMatchObject({
      streamerId: cast.streamerB.userId,
    });
  });

  it('answers internal reads to services only', async () => {
    await expect(
      asService().streamer.internal.matchingProfile.query({ streamerId: cast.streamerA.userId }),
    ).resolves.toMatchObject({ streamerId: cast.streamerA.userId });
    const forged = createServiceClient<StreamerRouter>({
      url: harness.url,
      secret: 'another-secret-of-at-least-32-characters',
      caller: 'campaign',
    });
    expect(
      await failure(
        forged.streamer.internal.profiles.query({ streamerIds: [cast.streamerA.userId] }),
      ),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await failure(forged.streamer.internal.targetingProfile.query({ streamerId: cast.streamerA.userId })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await failure(
        forged.streamer.internal.matchingStreamers.query({
          targeting: { categories: ['sports'], languages: [], regions: [], minFollowers: 0, minAverageViewers: 0 },
        }),
      ),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('reports a streamer that does not exist', async () => {
    expect(
      await failure(clients.brandA.streamer.get.query({ streamerId: randomUUID() })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'streamer_not_found',
    });
  });
});
