import { randomUUID } from 'node:crypto';
import { fixedClock, scrapeMetric, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from '../testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from '../testing/analytics-harness';
import type { OverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from '../testing/overlay-keys-stand-in';

const HOUR = 60 * 60_000;
let issuer: TestTokenIssuer;
let overlays: OverlayKeysStandIn;
let harness: AnalyticsHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
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

function liveOverlay(live = true) {
  const key = `key-${randomUUID()}`;
  const streamerId = randomUUID();
  overlays.setOverlay(key, { overlayId: randomUUID(), streamerId, live, viewers: live ? 1_000 : 0 });
  return { key, streamerId };
}

function slotReports(base: number, ids: { participationId: string; campaignId: string; adId: string }) {
  const report = (type: string, offsetMs: number, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    type,
    at: new Date(base + offsetMs).toISOString(),
    ...ids,
    ...extra,
  });
  return {
    start: report('display_start', 0, { viewers: 90 }),
    beats: [report('heartbeat', 5_000, { viewers: 100 }), report('heartbeat', 10_000, { viewers: 120 })],
    click: report('click', 7_000),
    end: report('display_end', 15_000),
  };
}

async function countedEvents(participationId: string) {
  const rows = await harness.db.outboxEvent.findMany({
    where: { type: 'analytics.participation_hour_counted' },
    orderBy: { occurredAt: 'asc' },
  });
  return rows
    .map((row) => row.payload as { participationId: string; impressions: number; clicks: number; revision: number })
    .filter((payload) => payload.participationId === participationId);
}

describe('hourly counts', () => {
  const hourStart = Math.floor((clock.now().getTime() - 3 * HOUR) / HOUR) * HOUR;

  it('counts each slot’s viewers once, duplicates and replays included, and announces the hour', async () => {
    const overlay = liveOverlay();
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-a' };
    const first = slotReports(hourStart + 10 * 60_000, ids);
    const second = slotReports(hourStart + 20 * 60_000, { ...ids, adId: 'ad-b' });
    // Out of order, with a duplicate inside the batch and a replay of the whole batch.
    const batch = [first.end, ...first.beats, first.click, first.start, first.beats[0], second.start, ...second.beats];
    const counted = () =>
      Promise.all([
        scrapeMetric(harness.url, 'gametriggers_impressions_counted_total'),
        scrapeMetric(harness.url, 'gametriggers_clicks_counted_total'),
      ]);
    const [impressionsBefore, clicksBefore] = await counted();
    expect((await harness.ingest(overlay.key, { events: batch })).status).toBe(200);
    expect((await harness.ingest(overlay.key, { events: batch })).status).toBe(200);

    await harness.service.rollupNow();
    // The business counters rose by what was counted, replays and duplicates left out.
    expect(await counted()).toEqual([impressionsBefore + 240, clicksBefore + 1]);
    const count = await harness.db.hourlyCount.findFirstOrThrow({
      where: { participationId: ids.participationId },
    });
    expect(count).toMatchObject({
      hourStart: new Date(hourStart),
      campaignId: ids.campaignId,
      streamerId: overlay.streamerId,
      impressions: 240n,
      clicks: 1,
      revision: 1,
    });
    expect(await countedEvents(ids.participationId)).toEqual([
      expect.objectContaining({ impressions: 240, clicks: 1, revision: 1 }),
    ]);

    // Nothing new: a re-count changes, announces and counts nothing.
    await harness.service.rollupNow();
    expect(await countedEvents(ids.participationId)).toHaveLength(1);
    expect(await counted()).toEqual([impressionsBefore + 240, clicksBefore + 1]);
  });

  it('counts an ad shorter than the heartbeat interval by the viewers of its display start', async () => {
    const overlay = liveOverlay();
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-short' };
    const slot = slotReports(hourStart + 40 * 60_000, ids);
    expect((await harness.ingest(overlay.key, { events: [slot.start, slot.end] })).status).toBe(200);
    await harness.service.rollupNow();
    expect(
      await harness.db.hourlyCount.findFirstOrThrow({ where: { participationId: ids.participationId } }),
    ).toMatchObject({ impressions: 90n, clicks: 0 });
  });

  it('re-counts an hour when late reports arrive and announces a higher revision', async () => {
    const overlay = liveOverlay();
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-late' };
    const slot = slotReports(hourStart + 30 * 60_000, ids);
    await harness.ingest(overlay.key, { events: [slot.start, slot.beats[0]] });
    await harness.service.rollupNow();
    await harness.ingest(overlay.key, { events: [slot.beats[1], slot.click] });
    await harness.service.rollupNow();
    expect(
      (await countedEvents(ids.participationId)).map((e) => [e.impressions, e.clicks, e.revision]),
    ).toEqual([
      [100, 0, 1],
      [120, 1, 2],
    ]);
  });

  it('counts nothing for test reports, overlays that are not live, or slots never displayed', async () => {
    const offline = liveOverlay(false);
    const online = liveOverlay();
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-x' };
    const notLive = slotReports(hourStart + 40 * 60_000, ids);
    await harness.ingest(offline.key, { events: [notLive.start, ...notLive.beats] });
    const test = slotReports(hourStart + 41 * 60_000, { ...ids, adId: 'ad-y' });
    await harness.ingest(online.key, {
      events: [test.start, ...test.beats].map((event) => ({ ...event, test: true })),
    });
    const undisplayed = slotReports(hourStart + 42 * 60_000, { ...ids, adId: 'ad-z' });
    await harness.ingest(online.key, { events: undisplayed.beats });
    await harness.service.rollupNow();
    expect(await harness.db.hourlyCount.count({ where: { participationId: ids.participationId } })).toBe(0);
    expect(await countedEvents(ids.participationId)).toEqual([]);
  });

  it('gives a slot to the hour it started in, even when its heartbeats fall in the next', async () => {
    const overlay = liveOverlay();
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-edge' };
    const slot = slotReports(hourStart + HOUR - 7_000, ids);
    await harness.ingest(overlay.key, { events: [slot.start, ...slot.beats] });
    await harness.service.rollupNow();
    const counts = await harness.db.hourlyCount.findMany({ where: { participationId: ids.participationId } });
    expect(counts.map((c) => [c.hourStart, c.impressions])).toEqual([[new Date(hourStart), 120n]]);
  });

  it('re-counts a slot’s hour when a late heartbeat lands in the next hour', async () => {
    const overlay = liveOverlay();
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-spill' };
    const slot = slotReports(hourStart + HOUR - 20_000, ids);
    await harness.ingest(overlay.key, { events: [slot.start, slot.beats[0]] });
    await harness.service.rollupNow();
    // The second heartbeat (120 viewers, 10 s after the hour turned) arrives late.
    await harness.ingest(overlay.key, {
      events: [{ ...slot.beats[1], at: new Date(hourStart + HOUR + 10_000).toISOString() }],
    });
    await harness.service.rollupNow();
    expect(
      (await countedEvents(ids.participationId)).map((e) => [e.impressions, e.revision]),
    ).toEqual([
      [100, 1],
      [120, 2],
    ]);
  });
});
