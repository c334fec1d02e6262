import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startStreamerHarness } from './testing/streamer-harness';

itFuzzesEveryProcedure({
  service: 'streamer',
  start: async ({ issuer, cast, now }) => {
    const harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    for (const [streamer, category] of [
      [cast.streamerA, 'fps'],
      [cast.streamerB, 'rpg'],
    ] as const) {
      await harness.onboardedStreamer(await issuer.tokenFor(streamer), {
        categories: [category],
        language: 'en',
        country: 'US',
        followers: 500,
        averageViewers: 20,
      });
    }
    return { harness, close: () => harness.close() };
  },
});
