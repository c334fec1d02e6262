import { randomUUID } from 'node:crypto';
import { adminWith, errorOf, failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from './testing/analytics-harness';
import { startAnalyticsHarness } from './testing/analytics-harness';
import { campaignsStandIn } from './testing/campaigns-stand-in';

const HOUR = 60 * 60_000;
const cast = testCast();
const financeAdmin = adminWith('canViewFinancials');
const campaignA = randomUUID();
const campaignB = randomUUID();
const day = Date.parse('2026-11-20T00:00:00Z');
const range = { from: new Date(day), to: new Date(day + 2 * 24 * HOUR) };

let issuer: TestTokenIssuer;
let harness: AnalyticsHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: 'http://127.0.0.1:9',
    campaigns: campaignsStandIn({
      [campaignA]: cast.brandA.userId,
      [campaignB]: cast.brandB.userId,
    }),
    // Streamer B is unknown to the streamer service (a deleted profile): the export still lists them.
    streamers: {
      nameplatesOf: (ids) =>
        Promise.resolve(
          new Map(
            ids
              .filter((id) => id === cast.streamerA.userId)
              .map((id) => [
                id,
                {
                  streamerId: id,
                  displayName: 'Nina, "the" Sniper',
                  channelUrl: 'https://twitch.tv/nina',
                },
              ]),
          ),
        ),
    },
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
      count(campaignA, cast.streamerA.userId, 1, 1_000, 10),
      count(campaignA, cast.streamerA.userId, 2, 500, 5),
      count(campaignA, cast.streamerB.userId, 26, 2_000, 0),
      count(campaignB, cast.streamerB.userId, 3, 300, 3),
      count(campaignB, cast.streamerB.userId, 72, 999, 9),
    ],
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const as = async (person?: TestPerson) =>
  harness.client(person ? await issuer.tokenFor(person) : undefined);

describe('analytics reports', () => {
  it('gives the owning brand its campaign’s totals, series and streamers', async () => {
    const report = await (
      await as(cast.brandA)
    ).analytics.campaign.query({ campaignId: campaignA, ...range });
    expect(report.totals).toEqual({ impressions: 3_500, clicks: 15, ctr: 15 / 3_500 });
    expect(report.series.map((b) => [b.bucketStart, b.impressions, b.clicks])).toEqual([
      [new Date(day), 1_500, 15],
      [new Date(day + 24 * HOUR), 2_000, 0],
    ]);
    expect(report.byStreamer.map((s) => [s.streamerId, s.impressions])).toEqual([
      [cast.streamerB.userId, 2_000],
      [cast.streamerA.userId, 1_500],
    ]);
    const hourly = await (
      await as(cast.brandA)
    ).analytics.campaign.query({
      campaignId: campaignA,
      ...range,
      granularity: 'hour',
    });
    expect(hourly.series).toHaveLength(3);
  });

  it('gives a streamer only their own delivery', async () => {
    const report = await (await as(cast.streamerB)).analytics.streamer.query(range);
    expect(report.totals.impressions).toBe(2_300);
    expect(report.byCampaign.map((c) => c.campaignId).sort()).toEqual(
      [campaignA, campaignB].sort(),
    );
  });

  it('gives finance admins the platform with top campaigns and streamers', async () => {
    const report = await (await as(financeAdmin)).analytics.platform.query(range);
    expect(report.totals).toMatchObject({ impressions: 3_800, clicks: 18 });
    expect(report.topCampaigns[0]?.campaignId).toBe(campaignA);
  });

  it('gives any admin the platform’s delivery by week or month for the dashboard', async () => {
    const weekly = await (await as(cast.powerlessAdmin)).analytics.platformActivity.query({
      ...range,
      granularity: 'week',
    });
    expect(weekly.totals).toMatchObject({ impressions: 3_800, clicks: 18 });
    // 2026-11-20 is a Friday: its week began on Monday the 16th; the 23rd starts the next.
    expect(weekly.series.map((b) => [b.bucketStart, b.impressions])).toEqual([
      [new Date('2026-11-16T00:00:00Z'), 3_800],
    ]);
    expect(weekly.topStreamers.map((s) => [s.streamerId, s.impressions])).toEqual([
      [cast.streamerB.userId, 2_300],
      [cast.streamerA.userId, 1_500],
    ]);
    const monthly = await (await as(cast.powerlessAdmin)).analytics.platformActivity.query({
      ...range,
      granularity: 'month',
    });
    expect(monthly.series.map((b) => [b.bucketStart, b.impressions])).toEqual([
      [new Date('2026-11-01T00:00:00Z'), 3_800],
    ]);
  });

  it('exports a campaign as CSV, naming each streamer and their channel beside the id', async () => {
    const file = await (
      await as(cast.brandA)
    ).analytics.campaignCsv.query({ campaignId: campaignA, ...range });
    expect(file.csv.trim().split('\n')).toEqual([
      'period_start,streamer_id,streamer_name,channel,impressions,clicks,ctr',
      `2026-11-20T00:00:00.000Z,${cast.streamerA.userId},"Nina, ""the"" Sniper",https://twitch.tv/nina,1500,15,0.010000`,
      `2026-11-21T00:00:00.000Z,${cast.streamerB.userId},,,2000,0,0.000000`,
    ]);
  });

  it('gives a campaign’s page the same figures as its report: one source, the hourly counts', async () => {
    const brand = await as(cast.brandA);
    const toDate = await brand.analytics.campaignToDate.query({ campaignId: campaignA });
    // Every counted hour of campaign A lies in `range`, so its report must say exactly the same.
    const report = await brand.analytics.campaign.query({ campaignId: campaignA, ...range });
    expect(toDate).toEqual({
      campaignId: campaignA,
      totals: report.totals,
      deliveringStreamers: report.byStreamer.filter((row) => row.impressions > 0).length,
    });
    expect(toDate.totals).toMatchObject({ impressions: 3_500, clicks: 15 });
    // To date has no window: campaign B's hour outside `range` counts too.
    const b = await (
      await as(cast.brandB)
    ).analytics.campaignToDate.query({ campaignId: campaignB });
    expect(b.totals).toMatchObject({ impressions: 1_299, clicks: 12 });
  });

  it('says so when the campaign service cannot tell who owns a campaign', async () => {
    const unknownToStandIn = randomUUID();
    const broken = await startAnalyticsHarness({
      jwksUrl: issuer.jwksUrl,
      overlayServiceUrl: 'http://127.0.0.1:9',
      campaignServiceUrl: 'http://127.0.0.1:9',
    });
    try {
      const brand = broken.client(await issuer.tokenFor(cast.brandA));
      const error = await failure(
        brand.analytics.campaign.query({ campaignId: unknownToStandIn, ...range }),
      );
      expect(error).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'campaign_service_unavailable',
      });
    } finally {
      await broken.close();
    }
  });

  it('says so when the streamer service cannot name the streamers of an export', async () => {
    const unnamed = await startAnalyticsHarness({
      jwksUrl: issuer.jwksUrl,
      overlayServiceUrl: 'http://127.0.0.1:9',
      campaigns: campaignsStandIn({ [campaignA]: cast.brandA.userId }),
    });
    try {
      await unnamed.db.hourlyCount.create({
        data: {
          participationId: randomUUID(),
          campaignId: campaignA,
          streamerId: cast.streamerA.userId,
          hourStart: new Date(day + HOUR),
          impressions: 10n,
          clicks: 0,
          revision: 1,
        },
      });
      const brand = unnamed.client(await issuer.tokenFor(cast.brandA));
      expect(
        await failure(brand.analytics.campaignCsv.query({ campaignId: campaignA, ...range })),
      ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'streamer_service_unavailable' });
    } finally {
      await unnamed.close();
    }
  });

  it('refuses windows that are backwards or too long', async () => {
    const brand = await as(cast.brandA);
    const backwards = await failure(
      brand.analytics.campaign.query({ campaignId: campaignA, from: range.to, to: range.from }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    const tooLong = await failure(
      brand.analytics.campaign.query({
        campaignId: campaignA,
        from: range.from,
        to: new Date(day + 40 * 24 * HOUR),
        granularity: 'hour',
      }),
    );
    expect(tooLong.code).toBe('BAD_REQUEST');
  });
});

describe('who may read which report', () => {
  const people: Array<[string, TestPerson | undefined]> = [
    ['anonymous', undefined],
    ['brandA', cast.brandA],
    ['brandB', cast.brandB],
    ['streamerA', cast.streamerA],
    ['streamerB', cast.streamerB],
    ['admin with canViewFinancials', financeAdmin],
    ['admin without it', cast.powerlessAdmin],
  ];
  const expected: Record<string, Record<string, string>> = {
    campaign: {
      anonymous: 'UNAUTHORIZED',
      brandA: 'ok',
      brandB: 'NOT_FOUND',
      streamerA: 'FORBIDDEN',
      streamerB: 'FORBIDDEN',
      'admin with canViewFinancials': 'ok',
      'admin without it': 'FORBIDDEN',
    },
    brand: {
      anonymous: 'UNAUTHORIZED',
      brandA: 'ok',
      brandB: 'ok',
      streamerA: 'FORBIDDEN',
      streamerB: 'FORBIDDEN',
      'admin with canViewFinancials': 'FORBIDDEN',
      'admin without it': 'FORBIDDEN',
    },
    streamer: {
      anonymous: 'UNAUTHORIZED',
      brandA: 'FORBIDDEN',
      brandB: 'FORBIDDEN',
      streamerA: 'ok',
      streamerB: 'ok',
      'admin with canViewFinancials': 'FORBIDDEN',
      'admin without it': 'FORBIDDEN',
    },
    platform: {
      anonymous: 'UNAUTHORIZED',
      brandA: 'FORBIDDEN',
      brandB: 'FORBIDDEN',
      streamerA: 'FORBIDDEN',
      streamerB: 'FORBIDDEN',
      'admin with canViewFinancials': 'ok',
      'admin without it': 'FORBIDDEN',
    },
  };
  expected.campaignCsv = expected.campaign!;
  expected.campaignToDate = expected.campaign!;

  for (const [procedure, outcomes] of Object.entries(expected)) {
    it.each(people)(`analytics.${procedure} as %s`, async (name, person) => {
      const client = await as(person);
      const call = {
        campaign: () => client.analytics.campaign.query({ campaignId: campaignA, ...range }),
        campaignCsv: () => client.analytics.campaignCsv.query({ campaignId: campaignA, ...range }),
        campaignToDate: () => client.analytics.campaignToDate.query({ campaignId: campaignA }),
        brand: () => client.analytics.brand.query(range),
        streamer: () => client.analytics.streamer.query(range),
        platform: () => client.analytics.platform.query(range),
      }[procedure]!;
      const outcome = await call().then(
        () => 'ok',
        (error: unknown) => errorOf(error).code,
      );
      expect(outcome).toBe(outcomes[name]);
    });
  }
});
