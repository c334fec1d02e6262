import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startBrandHarness } from './testing/brand-harness';

itFuzzesEveryProcedure({
  service: 'brand',
  start: async ({ issuer, cast, now }) => {
    const harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    // A verified brand and one awaiting review, so ids of both kinds exist.
    await harness.verifiedBrand(
      await issuer.tokenFor(cast.brandA),
      await issuer.tokenFor(cast.superAdmin),
    );
    await harness.onboardedBrand(await issuer.tokenFor(cast.brandB));
    return { harness, close: () => harness.close() };
  },
});
