import { randomUUID } from 'node:crypto';
import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;
const cast = testCast();
let streamerToken: string;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl });
  streamerToken = await issuer.tokenFor(cast.streamerA);
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function postChannelAuth(key: string | undefined, channel: string) {
  const response = await fetch(`${harness.url}/realtime/auth`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(key ? { 'x-overlay-key': key } : {}),
    },
    body: new URLSearchParams({ socket_id: '1234.5678', channel_name: channel }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('overlay keys', () => {
  it('creates the overlay on the first get, shows its key that once, and resolves the key', async () => {
    const api = harness.client(streamerToken);
    const first = await api.overlay.get.query();
    expect(first.key).toMatch(/^gto_/);
    expect(first.key?.startsWith(first.keyPrefix)).toBe(true);
    expect(first.streamerId).toBe(cast.streamerA.userId);
    expect(first.settings).toMatchObject({ corner: 'bottom_right', rotationStrategy: 'fair', paused: false });

    const again = await api.overlay.get.query();
    expect(again.overlayId).toBe(first.overlayId);
    expect(again.key).toBeNull();

    const resolved = await harness.serviceClient('analytics').overlay.internal.resolveKey.query({ key: first.key ?? '' });
    expect(resolved).toMatchObject({ overlayId: first.overlayId, streamerId: cast.streamerA.userId, live: false });
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

  it('signs only the key’s own overlay channel', async () => {
    const { key } = await harness.createOverlayFor(streamerToken);
    const other = await harness.createOverlayFor(await issuer.tokenFor(cast.streamerB));
    expect((await postChannelAuth(key, `private-overlay-${other.overlayId}`)).status).toBe(403);
    expect((await postChannelAuth(key, `presence-streamer-${cast.streamerA.userId}`)).status).toBe(403);
    expect((await postChannelAuth(undefined, `private-overlay-${other.overlayId}`)).status).toBe(403);
  });

  it('answers live from the streamer.live_status_changed projection, newest event winning', async () => {
    const { key } = await harness.createOverlayFor(streamerToken);
    const internal = harness.serviceClient('analytics').overlay.internal;
    const streamerId = cast.streamerA.userId;
    const liveAt = new Date();
    const eventId = await harness.sendEvent('streamer.live_status_changed', { streamerId, live: true }, { occurredAt: liveAt });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: true });

    // A replayed event and an older one change nothing.
    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: true }, { id: eventId, occurredAt: liveAt });
    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: false }, { occurredAt: new Date(liveAt.getTime() - 60_000) });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: true });

    await harness.sendEvent('streamer.live_status_changed', { streamerId, live: false }, { occurredAt: new Date(liveAt.getTime() + 1_000) });
    expect(await internal.resolveKey.query({ key })).toMatchObject({ live: false });
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
