import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startOverlayHarness } from './testing/overlay-harness';

itFuzzesEveryProcedure({
  service: 'overlay',
  start: async ({ issuer, cast, now }) => {
    const harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    await harness.createOverlayFor(await issuer.tokenFor(cast.streamerA));
    await harness.createOverlayFor(await issuer.tokenFor(cast.streamerB));
    return { harness, close: () => harness.close() };
  },
});
