import { castCallers, itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startParticipationStack } from './testing/participation-stack';

// The participation stack runs its own token issuer and clock; the fuzz calls as its cast, at its now.
itFuzzesEveryProcedure({
  service: 'participation',
  start: async () => {
    const stack = await startParticipationStack();
    const { brandA, streamerA, streamerB } = stack.cast;
    for (const streamer of [streamerA, streamerB]) {
      await stack.onboarded(streamer, {
        categories: ['fps', 'rpg'],
        language: 'en',
        country: 'US',
        followers: 1_000,
        averageViewers: 50,
      });
    }
    // A running campaign the first streamer has joined, so participations, keys and energy exist.
    const campaign = await stack.runningCampaign(brandA, { categories: ['fps'] });
    await (await stack.as(streamerA)).participation.join.mutate({ campaignId: campaign.id });
    return {
      harness: stack.participation,
      close: () => stack.close(),
      callers: await castCallers(stack.issuer, stack.cast),
      now: stack.clock.now(),
    };
  },
});
