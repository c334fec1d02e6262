import {
  castCallers,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { creditDeposit } from './money/deposits';
import type { PaymentHarness } from './testing/payment-harness';
import { startPaymentHarness } from './testing/payment-harness';

const now = new Date('2026-03-08T07:30:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: PaymentHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
  // Money in one brand's wallet, so reservations can succeed as well as be refused.
  await harness.transaction((tx) =>
    creditDeposit(tx, harness.deps, {
      brandId: cast.brandA.userId,
      amountCents: 1_000_000,
      paymentIntentId: 'pi_fuzz',
    }),
  );
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
      harnessTarget('payment', harness, {
        callers: await castCallers(issuer, cast),
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
