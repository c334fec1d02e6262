import { randomUUID } from 'node:crypto';
import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from './testing/analytics-harness';
import { startAnalyticsHarness } from './testing/analytics-harness';
import { campaignsStandIn } from './testing/campaigns-stand-in';

const HOUR = 60 * 60_000;
const cast = testCast();
const day = Date.parse('2026-11-20T00:00:00Z');
const range = { from: new Date(day), to: new Date(day + 2 * 24 * HOUR) };
const first = randomUUID();
const second = randomUUID();
const idle = randomUUID();
const otherBrands = randomUUID();
const campaigns = campaignsStandIn({
  [first]: cast.brandA.userId,
  [second]: cast.brandA.userId,
  [idle]: cast.brandA.userId,
  [otherBrands]: cast.brandB.userId,
});

let issuer: TestTokenIssuer;
let harness: AnalyticsHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: 'http://127.0.0.1:9',
    campaigns,
  });
  const count = (
    campaignId: string,
    streamerId: string,
    hour: number,
    impressions: number,
    clicks: number,
  ) => ({
    participationId: randomUUID(),
    campaignId,
    streamerId,
    hourStart: new Date(day + hour * HOUR),
    impressions: BigInt(impressions),
    clicks,
    revision: 1,
  });
  await harness.db.hourlyCount.createMany({
    data: [
      count(first, cast.streamerA.userId, 1, 1_000, 10),
      count(first, cast.streamerB.userId, 1, 500, 0),
      count(second, cast.streamerA.userId, 30, 4_000, 8),
      // Outside the window.
      count(second, cast.streamerA.userId, 72, 9_999, 99),
      // Another brand's campaign, in the same hours.
      count(otherBrands, cast.streamerA.userId, 1, 7_000, 70),
      // An hour re-counted to nothing: the campaign delivered nothing in the window.
      count(idle, cast.streamerB.userId, 2, 0, 0),
    ],
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const asBrand = async (person = cast.brandA) => harness.client(await issuer.tokenFor(person));

describe('analytics.brand', () => {
  it('adds up all of the brand’s campaigns in the window, and nothing else', async () => {
    const report = await (await asBrand()).analytics.brand.query(range);
    expect(report.brandId).toBe(cast.brandA.userId);
    expect(report.totals).toEqual({ impressions: 5_500, clicks: 18, ctr: 18 / 5_500 });
    expect(
      report.series.map((bucket) => [bucket.bucketStart, bucket.impressions, bucket.clicks]),
    ).toEqual([
      [new Date(day), 1_500, 10],
      [new Date(day + 24 * HOUR), 4_000, 8],
    ]);
    expect(
      report.byCampaign.map((row) => [
        row.campaignId,
        row.impressions,
        row.clicks,
        row.deliveringStreamers,
      ]),
    ).toEqual([
      [second, 4_000, 8, 1],
      [first, 1_500, 10, 2],
    ]);
  });

  it('buckets by hour when asked', async () => {
    const report = await (await asBrand()).analytics.brand.query({ ...range, granularity: 'hour' });
    expect(report.series.map((bucket) => bucket.bucketStart)).toEqual([
      new Date(day + HOUR),
      new Date(day + 30 * HOUR),
    ]);
  });

  it('counts a campaign as soon as the campaign service lists it', async () => {
    const later = randomUUID();
    await harness.db.hourlyCount.create({
      data: {
        participationId: randomUUID(),
        campaignId: later,
        streamerId: cast.streamerB.userId,
        hourStart: new Date(day + 5 * HOUR),
        impressions: 100n,
        clicks: 1,
        revision: 1,
      },
    });
    const brand = await asBrand(cast.brandB);
    expect((await brand.analytics.brand.query(range)).totals.impressions).toBe(7_000);
    campaigns.setOwner(later, cast.brandB.userId);
    const report = await brand.analytics.brand.query(range);
    expect(report.totals.impressions).toBe(7_100);
    expect(report.byCampaign.map((row) => row.campaignId).sort()).toEqual(
      [otherBrands, later].sort(),
    );
  });

  it('gives a brand without campaigns or delivery zeros and empty lists', async () => {
    const newcomer = { ...cast.brandA, userId: randomUUID(), email: 'newcomer@brand.test' };
    const report = await (await asBrand(newcomer)).analytics.brand.query(range);
    expect(report).toEqual({
      brandId: newcomer.userId,
      totals: { impressions: 0, clicks: 0, ctr: 0 },
      series: [],
      byCampaign: [],
    });
  });

  it('says so when the campaign service cannot list the brand’s campaigns', async () => {
    const broken = await startAnalyticsHarness({
      jwksUrl: issuer.jwksUrl,
      overlayServiceUrl: 'http://127.0.0.1:9',
      campaignServiceUrl: 'http://127.0.0.1:9',
    });
    try {
      const brand = broken.client(await issuer.tokenFor(cast.brandA));
      expect(await failure(brand.analytics.brand.query(range))).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'campaign_service_unavailable',
      });
    } finally {
      await broken.close();
    }
  });

  it('refuses a window that is too long for hourly buckets', async () => {
    const error = await failure(
      (await asBrand()).analytics.brand.query({
        from: range.from,
        to: new Date(day + 40 * 24 * HOUR),
        granularity: 'hour',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});
