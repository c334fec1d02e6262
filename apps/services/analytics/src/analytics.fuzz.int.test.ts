import { randomUUID } from 'node:crypto';
import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startAnalyticsHarness } from './testing/analytics-harness';
import { campaignsStandIn } from './testing/campaigns-stand-in';

const HOUR = 60 * 60_000;

itFuzzesEveryProcedure({
  service: 'analytics',
  start: async ({ issuer, cast, now }) => {
    const campaignOfA = randomUUID();
    const campaignOfB = randomUUID();
    const harness = await startAnalyticsHarness({
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
    return { harness, close: () => harness.close() };
  },
});
