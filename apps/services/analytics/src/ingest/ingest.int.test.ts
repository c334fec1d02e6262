import { randomUUID } from 'node:crypto';
import { fixedClock, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from '../testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from '../testing/analytics-harness';
import type { OverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from '../testing/overlay-keys-stand-in';

let issuer: TestTokenIssuer;
let overlays: OverlayKeysStandIn;
let harness: AnalyticsHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);
/** The instant `ms` before the clock's now, as a report states it. */
const before = (ms: number) => new Date(clock.now().getTime() - ms).toISOString();

const live = { key: 'key-live', overlayId: randomUUID(), streamerId: randomUUID() };
const offline = { key: 'key-offline', overlayId: randomUUID(), streamerId: randomUUID() };

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  overlays.setOverlay(live.key, {
    overlayId: live.overlayId,
    streamerId: live.streamerId,
    live: true,
    viewers: 100_000,
  });
  overlays.setOverlay(offline.key, {
    overlayId: offline.overlayId,
    streamerId: offline.streamerId,
    live: false,
    viewers: 0,
  });
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlays.url,
    now: clock.now,
  });
});
afterAll(async () => {
  await harness.close();
  await overlays.close();
  await issuer.close();
});

function heartbeat(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: 'heartbeat',
    at: clock.now().toISOString(),
    adId: 'ad-1',
    participationId: randomUUID(),
    campaignId: randomUUID(),
    viewers: 40,
    ...overrides,
  };
}

async function storedRows(ids: string[]) {
  return harness.db.$queryRawUnsafe<
    Array<{ id: string; streamerId: string; countable: boolean; invalidReason: string | null }>
  >(
    'SELECT id::text, "streamerId"::text, countable, "invalidReason" FROM overlay_events WHERE id = ANY($1::uuid[])',
    ids,
  );
}

describe('POST /ingest', () => {
  it('stores a batch before answering, for the streamer the key belongs to', async () => {
    const events = [
      heartbeat(),
      heartbeat({ type: 'display_start' }),
      heartbeat({ type: 'click' }),
    ];
    const answer = await harness.ingest(live.key, { events });
    expect(answer).toEqual({ status: 200, body: { accepted: 3, refused: [] } });
    const rows = await storedRows(events.map((e) => e.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.streamerId === live.streamerId && row.countable)).toBe(true);
  });

  it('stores duplicated and replayed events once', async () => {
    const event = heartbeat();
    expect((await harness.ingest(live.key, { events: [event, event] })).status).toBe(200);
    expect((await harness.ingest(live.key, { events: [event] })).status).toBe(200);
    expect(await storedRows([event.id])).toHaveLength(1);
  });

  it('accepts late and out-of-order events within the window', async () => {
    const events = [
      heartbeat({ at: before(60 * 60_000 - 2_000) }),
      heartbeat({ at: before(30 * 60 * 60_000) }),
      heartbeat({ at: before(60 * 60_000) }),
    ];
    expect((await harness.ingest(live.key, { events })).body).toEqual({ accepted: 3, refused: [] });
    expect(await storedRows(events.map((e) => e.id))).toHaveLength(3);
  });

  it('refuses events far in the past or future one by one, storing the rest', async () => {
    const old = heartbeat({ at: before(72 * 60 * 60_000) });
    const ahead = heartbeat({ at: before(-60 * 60_000) });
    const fine = heartbeat();
    const answer = await harness.ingest(live.key, { events: [old, fine, ahead] });
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.refused).toEqual([
      { id: old.id, reason: 'too_old' },
      { id: ahead.id, reason: 'in_future' },
    ]);
    expect((await storedRows([old.id, ahead.id, fine.id])).map((r) => r.id)).toEqual([fine.id]);
  });

  it('refuses a batch with a malformed event, naming it and storing nothing', async () => {
    const good = heartbeat();
    const bad = heartbeat({ viewers: 'many' });
    const answer = await harness.ingest(live.key, { events: [good, bad] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'invalid_events',
      events: [{ index: 1, id: bad.id, problems: [expect.stringContaining('viewers')] }],
    });
    expect(String(answer.body.message)).toContain(bad.id);
    expect(await storedRows([good.id, bad.id])).toEqual([]);
    expect((await harness.ingest(live.key, '{"events": [')).status).toBe(400);
  });

  it('answers 401 and stores nothing for a missing, wrong or unknown key', async () => {
    const event = heartbeat();
    expect((await harness.ingest(undefined, { events: [event] })).status).toBe(401);
    expect((await harness.ingest('no-such-key', { events: [event] })).status).toBe(401);
    expect(await storedRows([event.id])).toEqual([]);
  });

  it('stores reports of an overlay that is not live, and test reports, as not countable', async () => {
    const notLive = heartbeat();
    const test = heartbeat({ test: true });
    await harness.ingest(offline.key, { events: [notLive] });
    await harness.ingest(live.key, { events: [test] });
    const rows = await storedRows([notLive.id, test.id]);
    expect(rows.map((r) => [r.id, r.countable, r.invalidReason]).sort()).toEqual(
      [
        [notLive.id, false, 'not_live'],
        [test.id, false, 'test'],
      ].sort(),
    );
  });

  it('counts a report delivered after the stream ended by the live status and viewers of its time', async () => {
    const key = 'key-ended';
    const streamerId = randomUUID();
    overlays.setOverlay(key, { overlayId: randomUUID(), streamerId, live: false, viewers: 0 });
    const minute = 60_000;
    const start = clock.now().getTime() - 3 * 60 * minute;
    const sync = (offsetMinutes: number, live: boolean, viewers: number) =>
      harness.sendEvent(
        'streamer.live_status_changed',
        { streamerId, live, viewers },
        { occurredAt: new Date(start + offsetMinutes * minute) },
      );
    // Arriving out of order and once twice, as a queue may deliver them.
    await sync(60, false, 0);
    await sync(0, true, 150);
    const rise = await sync(20, true, 400);
    await harness.sendEvent(
      'streamer.live_status_changed',
      { streamerId, live: true, viewers: 400 },
      { id: rise, occurredAt: new Date(start + 20 * minute) },
    );
    expect(await harness.db.liveChange.count({ where: { streamerId } })).toBe(3);

    const at = (offsetMinutes: number) => new Date(start + offsetMinutes * minute).toISOString();
    const early = heartbeat({ at: at(10), viewers: 900 });
    const later = heartbeat({ at: at(50), viewers: 380 });
    const justAfterEnd = heartbeat({ at: at(61), viewers: 380 });
    const afterEnd = heartbeat({ at: at(90), viewers: 380 });
    const beforeStart = heartbeat({ at: at(-30), viewers: 100 });
    const test = heartbeat({ at: at(30), test: true });
    const events = [early, later, justAfterEnd, afterEnd, beforeStart, test];
    expect((await harness.ingest(key, { events })).body).toEqual({ accepted: 6, refused: [] });
    const rows = await harness.db.$queryRawUnsafe<
      Array<{ id: string; viewers: number; invalidReason: string | null }>
    >(
      'SELECT "id"::text, "viewers", "invalidReason" FROM overlay_events WHERE "id" = ANY($1::uuid[])',
      events.map((event) => event.id),
    );
    const judged = Object.fromEntries(rows.map((row) => [row.id, [row.viewers, row.invalidReason]]));
    expect(judged).toEqual({
      [early.id]: [150, null],
      [later.id]: [380, null],
      [justAfterEnd.id]: [380, null],
      [afterEnd.id]: [0, 'not_live'],
      [beforeStart.id]: [0, 'not_live'],
      [test.id]: [40, 'test'],
    });
  });

  it('flags an impossible jump in viewers', async () => {
    const key = 'key-jump';
    overlays.setOverlay(key, {
      overlayId: randomUUID(),
      streamerId: randomUUID(),
      live: true,
      viewers: 100_000,
    });
    const normal = heartbeat({ viewers: 50, at: before(20_000) });
    const jump = heartbeat({ viewers: 50_000 });
    await harness.ingest(key, { events: [jump, normal] });
    const rows = await storedRows([normal.id, jump.id]);
    expect(rows.find((r) => r.id === jump.id)?.invalidReason).toBe('viewer_jump');
    expect(rows.find((r) => r.id === normal.id)?.countable).toBe(true);
  });

  it('believes no more viewers than the platform reported at the last sync', async () => {
    const key = 'key-inflated';
    overlays.setOverlay(key, {
      overlayId: randomUUID(),
      streamerId: randomUUID(),
      live: true,
      viewers: 300,
    });
    const honest = heartbeat({ viewers: 280, at: before(10_000) });
    const inflated = heartbeat({ viewers: 2_900 });
    expect((await harness.ingest(key, { events: [honest, inflated] })).status).toBe(200);
    const rows = await harness.db.$queryRawUnsafe<
      Array<{ id: string; viewers: number; countable: boolean }>
    >(
      'SELECT "id"::text, "viewers", "countable" FROM overlay_events WHERE "id" = ANY($1::uuid[])',
      [honest.id, inflated.id],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, [row.viewers, row.countable]]))).toEqual({
      [honest.id]: [280, true],
      [inflated.id]: [300, true],
    });
  });

  it('asks the overlay service about a key only once in a while', async () => {
    const key = 'key-cached';
    overlays.setOverlay(key, {
      overlayId: randomUUID(),
      streamerId: randomUUID(),
      live: true,
      viewers: 100_000,
    });
    const before = overlays.calls;
    for (let i = 0; i < 5; i += 1) await harness.ingest(key, { events: [heartbeat()] });
    expect(overlays.calls - before).toBe(1);
  });

  it('creates a missing day partition on demand', async () => {
    const today = clock.now().toISOString().slice(0, 10).replaceAll('-', '');
    await harness.db.$executeRawUnsafe(`DROP TABLE IF EXISTS "overlay_events_${today}"`);
    const event = heartbeat();
    expect((await harness.ingest(live.key, { events: [event] })).status).toBe(200);
    expect(await storedRows([event.id])).toHaveLength(1);
  });

  it('answers 503 (retry) rather than acknowledging reports the database did not take', async () => {
    await harness.db.$executeRawUnsafe(
      'ALTER TABLE overlay_events ADD CONSTRAINT refuse_test_viewers CHECK ("viewers" IS DISTINCT FROM 99999)',
    );
    try {
      const event = heartbeat({ viewers: 99_999 });
      const answer = await harness.ingest(live.key, { events: [event] });
      expect(answer.status).toBe(503);
      expect(await storedRows([event.id])).toEqual([]);
    } finally {
      await harness.db.$executeRawUnsafe(
        'ALTER TABLE overlay_events DROP CONSTRAINT refuse_test_viewers',
      );
    }
  });

  it('refuses bodies over 256 KB', async () => {
    const answer = await harness.ingest(live.key, {
      events: [heartbeat()],
      padding: 'x'.repeat(300_000),
    });
    expect(answer.status).toBe(413);
  });
});
