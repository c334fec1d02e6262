import { randomUUID } from 'node:crypto';
import {
  castCallers,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnalyticsHarness } from './testing/analytics-harness';
import { startAnalyticsHarness } from './testing/analytics-harness';
import { campaignsStandIn } from './testing/campaigns-stand-in';

const HOUR = 60 * 60_000;
const now = new Date('2026-03-08T07:30:00Z');
const cast = testCast();
const campaignOfA = randomUUID();
const campaignOfB = randomUUID();
let issuer: TestTokenIssuer;
let harness: AnalyticsHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: 'http://127.0.0.1:9',
    campaigns: campaignsStandIn({
      [campaignOfA]: cast.brandA.userId,
      [campaignOfB]: cast.brandB.userId,
    }),
    now: () => now,
  });
  // Counted hours of both brands' campaigns, so reports have something to add up.
  await harness.db.hourlyCount.createMany({
    data: [campaignOfA, campaignOfB].map((campaignId, index) => ({
      participationId: randomUUID(),
      campaignId,
      streamerId: index === 0 ? cast.streamerA.userId : cast.streamerB.userId,
      hourStart: new Date(now.getTime() - (index + 2) * HOUR),
      impressions: 1_000n,
      clicks: 10,
      revision: 1,
    })),
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

it(
  'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
  { timeout: 600_000 },
  async () => {
    const { findings, report } = await fuzzService(
      harnessTarget('analytics', harness, {
        callers: await castCallers(issuer, cast),
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
