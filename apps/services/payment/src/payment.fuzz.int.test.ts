import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { creditDeposit } from './money/deposits';
import { startPaymentHarness } from './testing/payment-harness';

itFuzzesEveryProcedure({
  service: 'payment',
  start: async ({ issuer, cast, now }) => {
    const harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    // Money in one brand's wallet, so reservations can succeed as well as be refused.
    await harness.transaction((tx) =>
      creditDeposit(tx, harness.deps, {
        brandId: cast.brandA.userId,
        amountCents: 1_000_000,
        paymentIntentId: 'pi_fuzz',
      }),
    );
    return { harness, close: () => harness.close() };
  },
});
