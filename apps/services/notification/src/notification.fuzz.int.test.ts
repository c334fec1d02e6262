import { randomUUID } from 'node:crypto';
import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startNotificationHarness } from './testing/notification-harness';

itFuzzesEveryProcedure({
  service: 'notification',
  start: async ({ issuer, cast, now }) => {
    const harness = await startNotificationHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    // Notifications for the cast's brand and streamer, so ids of real rows exist.
    const campaign = { campaignId: randomUUID(), brandId: cast.brandA.userId, title: 'Fuzzed' };
    await harness.send('campaign.submitted', campaign);
    await harness.send('campaign.approved', { ...campaign, approvedBy: cast.superAdmin.userId });
    await harness.send('payment.earnings_available', { streamerId: cast.streamerA.userId, amountCents: 500, currency: 'USD' });
    return { harness, close: () => harness.close() };
  },
});
