import { createHash, randomUUID } from 'node:crypto';
import { createChannelAuthorizer, streamerPresenceChannel } from '@gametriggers/realtime';
import { connectRealtime } from '@gametriggers/realtime/client';
import { failure, fixedClock, scrapeMetric, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { createSecretBox, parseEncryptionKeys } from '@gametriggers/tokens/secret-box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;
const cast = testCast();
const clock = fixedClock(testInstants.newYorkAfternoon);
let streamerToken: string;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  streamerToken = await issuer.tokenFor(cast.streamerA);
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function postChannelAuth(key: string | undefined, channel: string, socketId = '1234.5678') {
  const response = await fetch(`${harness.url}/realtime/auth`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(key ? { 'x-overlay-key': key } : {}),
    },
    body: new URLSearchParams({ socket_id: socketId, channel_name: channel }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('overlay keys', () => {
  it('creates the overlay on the first get, shows its owner the key on every get, and resolves the key', async () => {
    const api = harness.client(streamerToken);
    const first = await api.overlay.get.query();
    expect(first.key).toMatch(/^gto_/);
    expect(first.key?.startsWith(first.keyPrefix)).toBe(true);
    expect(first.streamerId).toBe(cast.streamerA.userId);
    expect(first.settings).toMatchObject({ corner: 'bottom_right', rotationStrategy: 'fair', paused: false });

    const again = await api.overlay.get.query();
    expect(again.overlayId).toBe(first.overlayId);
    expect(again.key).toBe(first.key);

    const resolved = await harness.serviceClient('analytics').overlay.internal.resolveKey.query({ key: first.key ?? '' });
    expect(resolved).toMatchObject({ overlayId: first.overlayId, streamerId: cast.streamerA.userId, live: false, viewers: 0 });
    // What the overlay page starts with, in the realtime overlay.settings shape.
    expect(resolved?.settings).toMatchObject({ corner: 'bottom-right', sizePercent: 25, opacity: 1, paused: false });
    expect(await harness.serviceClient('analytics').overlay.internal.resolveKey.query({ key: 'gto_nothing' })).toBeNull();
  });

  it('regenerating makes the old key resolve to null and stop authorizing the channel at once', async () => {
    const { overlayId, key: oldKey } = await harness.createOverlayFor(streamerToken);
    const channel = `private-overlay-${overlayId}`;
    expect((await postChannelAuth(oldKey, channel)).status).toBe(200);

    const regenerated = await harness.client(streamerToken).overlay.regenerateKey.mutate();
    expect(regenerated.key).not.toBe(oldKey);
    const internal = harness.serviceClient('analytics').overlay.internal;
    expect(await internal.resolveKey.query({ key: oldKey })).toBeNull();
    expect(await internal.resolveKey.query({ key: regenerated.key ?? '' })).toMatchObject({ overlayId });

    expect((await postChannelAuth(oldKey, channel)).status).toBe(403);
    const signed = await postChannelAuth(regenerated.key ?? '', channel);
    expect(signed.status).toBe(200);
    expect(signed.body.auth).toMatch(/^overlay-test-key:[0-9a-f]{64}$/);
  });

  it('keeps the key encrypted at rest: the row holds its hash and an envelope, never the key', async () => {
    const { overlayId, key } = await harness.createOverlayFor(streamerToken);
    const row = await harness.db.overlay.findUniqueOrThrow({ where: { id: overlayId } });
    expect(row.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(row.keyCiphertext).toMatch(/^v1\.test1\./);
    expect(JSON.stringify(row)).not.toContain(key.slice(4));
    const box = createSecretBox(parseEncryptionKeys(harness.config.OVERLAY_ENCRYPTION_KEYS), 'test1');
    expect(box.decrypt(row.keyCiphertext ?? '', `overlay.key:${cast.streamerA.userId}`)).toBe(key);
  });

  it('gives every get the new key after a regeneration', async () => {
    const api = harness.client(streamerToken);
    const before = await api.overlay.get.query();
    const regenerated = await api.overlay.regenerateKey.mutate();
    expect(regenerated.key).toMatch(/^gto_/);
    expect(regenerated.key).not.toBe(before.key);
    expect(regenerated.keyPrefix).toBe(regenerated.key?.slice(0, regenerated.keyPrefix.length));
    expect((await api.overlay.get.query()).key).toBe(regenerated.key);
  });

  it('never shows a streamer’s key to another streamer or to an admin', async () => {
    const mine = await harness.client(streamerToken).overlay.get.query();
    const other = await harness.client(await issuer.tokenFor(cast.streamerB)).overlay.get.query();
    expect(other.streamerId).toBe(cast.streamerB.userId);
    expect(other.key).toMatch(/^gto_/);
    expect(other.key).not.toBe(mine.key);
    const admin = harness.client(await issuer.tokenFor(cast.superAdmin));
    expect((await admin.overlay.getForStreamer.query({ streamerId: cast.streamerA.userId })).key).toBeNull();
    expect((await admin.overlay.getForStreamer.query({ streamerId: cast.streamerB.userId })).key).toBeNull();
  });

  it('shows no key for an envelope moved onto another streamer’s overlay', async () => {
    const a = await harness.client(streamerToken).overlay.get.query();
    const tokenB = await issuer.tokenFor(cast.streamerB);
    const b = await harness.client(tokenB).overlay.get.query();
    const rowA = await harness.db.overlay.findUniqueOrThrow({ where: { id: a.overlayId } });
    const rowB = await harness.db.overlay.findUniqueOrThrow({ where: { id: b.overlayId } });
    await harness.db.overlay.update({ where: { id: b.overlayId }, data: { keyCiphertext: rowA.keyCiphertext } });
    expect((await harness.client(tokenB).overlay.get.query()).key).toBeNull();
    await harness.db.overlay.update({ where: { id: b.overlayId }, data: { keyCiphertext: rowB.keyCiphertext } });
    expect((await harness.client(tokenB).overlay.get.query()).key).toBe(b.key);
  });

  it('keeps an overlay from before encrypted keys working, without a key to show until it is regenerated', async () => {
    const api = harness.client(streamerToken);
    const { overlayId, key } = await harness.createOverlayFor(streamerToken);
    await harness.db.overlay.update({ where: { id: overlayId }, data: { keyCiphertext: null } });

    const legacy = await api.overlay.get.query();
    expect(legacy.key).toBeNull();
    expect(key.startsWith(legacy.keyPrefix)).toBe(true);
    const internal = harness.serviceClient('analytics').overlay.internal;
    expect(await internal.resolveKey.query({ key })).toMatchObject({ overlayId });

    const regenerated = await api.overlay.regenerateKey.mutate();
    expect(regenerated.key).toMatch(/^gto_/);
    expect((await api.overlay.get.query()).key).toBe(regenerated.key);
    expect(await internal.resolveKey.query({ key })).toBeNull();
  });

  it('signs only the key’s own overlay channel and its own streamer’s presence channel', async () => {
    const { overlayId, key } = await harness.createOverlayFor(streamerToken);
    const other = await harness.createOverlayFor(await issuer.tokenFor(cast.streamerB));
    expect((await postChannelAuth(key, `private-overlay-${other.overlayId}`)).status).toBe(403);
    expect((await postChannelAuth(key, `presence-streamer-${cast.streamerB.userId}`)).status).toBe(403);
    // Not even its own streamer's private channel (their notifications' bell).
    expect((await postChannelAuth(key, `private-user-${cast.streamerA.userId}`)).status).toBe(403);
    expect((await postChannelAuth(key, `presence-streamer-${randomUUID()}`)).status).toBe(403);
    expect((await postChannelAuth(undefined, `private-overlay-${other.overlayId}`)).status).toBe(403);
    expect((await postChannelAuth(undefined, `presence-streamer-${cast.streamerA.userId}`)).status).toBe(403);
    expect((await postChannelAuth(key, 'private-something-else')).status).toBe(400);

    const presence = await postChannelAuth(key, `presence-streamer-${cast.streamerA.userId}`);
    expect(presence.status).toBe(200);
    expect(presence.body.auth).toMatch(/^overlay-test-key:[0-9a-f]{64}$/);
    // The overlay joins as itself, with nothing but its kind: no key, no streamer details.
    expect(JSON.parse(String(presence.body.channel_data))).toEqual({ user_id: `overlay-${overlayId}`, user_info: { kind: 'overlay' } });
  });

  it('shows the streamer’s portal the overlay joining and leaving their presence channel', async () => {
    const { overlayId, key } = await harness.createOverlayFor(streamerToken);
    const channel = streamerPresenceChannel(cast.streamerA.userId);
    const server = { key: harness.realtime.key, host: harness.realtime.host, port: harness.realtime.port, useTLS: false };
    const portalAuthorizer = createChannelAuthorizer(harness.realtime);
    const portal = connectRealtime({
      ...server,
      authorizer: ({ socketId, channelName }) =>
        Promise.resolve(
          portalAuthorizer.authorizeChannel({ socketId, channel: channelName, user: { id: cast.streamerA.userId, info: { kind: 'portal' } } }),
        ),
    });
    const overlayPage = connectRealtime({
      ...server,
      authorizer: async ({ socketId, channelName }) => {
        const answer = await postChannelAuth(key, channelName, socketId);
        if (answer.status !== 200) throw new Error(`Channel auth refused (${answer.status})`);
        return answer.body as { auth: string; channel_data?: string };
      },
    });
    try {
      const members = portal.subscribe(channel);
      await new Promise((resolve) => members.bind('pusher:subscription_succeeded', resolve));
      const added = new Promise<{ id: string; info: unknown }>((resolve) => members.bind('pusher:member_added', resolve));
      const joined = overlayPage.subscribe(channel);
      await new Promise((resolve, reject) => {
        joined.bind('pusher:subscription_succeeded', resolve);
        joined.bind('pusher:subscription_error', reject);
      });
      expect(await added).toEqual({ id: `overlay-${overlayId}`, info: { kind: 'overlay' } });

      const removed = new Promise<{ id: string }>((resolve) => members.bind('pusher:member_removed', resolve));
      overlayPage.disconnect();
      expect((await removed).id).toBe(`overlay-${overlayId}`);
    } finally {
      overlayPage.disconnect();
      portal.disconnect();
    }
  });

  it('answers live and viewers from the streamer.live_status_changed projection, newest event winning', async () => {
    const { key } = await harness.createOverlayFor(streamerToken);
    const internal = harness.serviceClient('analytics').overlay.internal;
    const streamerId = cast.streamerA.userId;
    const liveAt = clock.now();
    const eventId = await harness.sendEvent('streamer.live_status_changed', { streamerId, live: true, viewers: 340 }, { occurredAt: liveAt });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: true, viewers: 340 });

    // A replayed event and an older one change nothing.
    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: true, viewers: 340 }, { id: eventId, occurredAt: liveAt });
    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: false, viewers: 0 }, { occurredAt: new Date(liveAt.getTime() - 60_000) });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: true, viewers: 340 });

    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: true, viewers: 410 }, { occurredAt: new Date(liveAt.getTime() + 1_000) });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: true, viewers: 410 });
    const liveOverlays = () => scrapeMetric(harness.url, 'gametriggers_live_overlays');
    const whileLive = await liveOverlays();
    expect(whileLive).toBeGreaterThanOrEqual(1);
    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: false, viewers: 0 }, { occurredAt: new Date(liveAt.getTime() + 2_000) });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: false, viewers: 0 });
    // The business gauge follows: this overlay has left the air.
    expect(await liveOverlays()).toBe(whileLive - 1);
  });

  it('refuses resolveKey to anyone but a service', async () => {
    expect((await failure(harness.client().overlay.internal.resolveKey.query({ key: 'x' }))).code).toBe('UNAUTHORIZED');
    expect((await failure(harness.client(streamerToken).overlay.internal.resolveKey.query({ key: 'x' }))).code).toBe('FORBIDDEN');
  });
});

describe('overlay settings', () => {
  it('saves valid settings and refuses invalid ones with field errors', async () => {
    const api = harness.client(streamerToken);
    const saved = await api.overlay.updateSettings.mutate({
      corner: 'top_left',
      opacity: 0.5,
      rotationStrategy: 'weighted',
      weights: { rate: 2, ctr: 1, fairness: 0 },
      timeZone: 'Europe/Berlin',
      blackouts: [
        { kind: 'weekly', weekdays: ['mon', 'tue'], from: '22:00', to: '02:00' },
        { kind: 'once', from: new Date('2026-12-24T18:00:00Z'), to: new Date('2026-12-26T00:00:00Z') },
      ],
    });
    expect(saved.settings).toMatchObject({ corner: 'top_left', opacity: 0.5, rotationStrategy: 'weighted', timeZone: 'Europe/Berlin' });
    expect(saved.settings.blackouts[1]).toEqual({
      kind: 'once',
      from: new Date('2026-12-24T18:00:00Z'),
      to: new Date('2026-12-26T00:00:00Z'),
    });

    const tooFaint = await failure(api.overlay.updateSettings.mutate({ opacity: 0.1 }));
    expect(tooFaint.code).toBe('BAD_REQUEST');
    const badClock = await failure(
      api.overlay.updateSettings.mutate({ blackouts: [{ kind: 'weekly', weekdays: ['mon'], from: '25:00', to: '02:00' }] }),
    );
    expect(badClock.code).toBe('BAD_REQUEST');
    const badZone = await failure(api.overlay.updateSettings.mutate({ timeZone: 'Mars/Olympus' }));
    expect(badZone.code).toBe('BAD_REQUEST');
    expect((await api.overlay.get.query()).settings.opacity).toBe(0.5);
  });

  it('pauses and unpauses', async () => {
    const api = harness.client(streamerToken);
    expect((await api.overlay.setPaused.mutate({ paused: true })).settings.paused).toBe(true);
    expect((await api.overlay.setPaused.mutate({ paused: false })).settings.paused).toBe(false);
  });

  it('lets an admin read a streamer’s overlay, without its key', async () => {
    const admin = harness.client(await issuer.tokenFor(cast.superAdmin));
    const overlay = await admin.overlay.getForStreamer.query({ streamerId: cast.streamerA.userId });
    expect(overlay.key).toBeNull();
    expect((await failure(admin.overlay.getForStreamer.query({ streamerId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});
