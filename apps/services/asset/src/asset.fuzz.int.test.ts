import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startAssetHarness } from './testing/asset-harness';
import { fileOf, imageBytes, pdfBytes } from './testing/media-fixtures';

itFuzzesEveryProcedure({
  service: 'asset',
  start: async ({ issuer, cast, now }) => {
    const harness = await startAssetHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    // A public creative and a private document of brand A, checked, so ids of both kinds exist.
    const token = await issuer.tokenFor(cast.brandA);
    for (const assetId of [
      await harness.upload(token, 'campaignCreative', fileOf(await imageBytes('png'), 'ad.png', 'image/png')),
      await harness.upload(token, 'verificationDocument', fileOf(pdfBytes(), 'registration.pdf', 'application/pdf')),
    ]) {
      await harness.settled(assetId);
    }
    return { harness, close: () => harness.close() };
  },
});
