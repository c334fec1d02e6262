/**
 * Top-up latency: from the card payment completing at the local Stripe (which then delivers
 * `payment_intent.succeeded` and `checkout.session.completed` to the service's webhook route) to
 * the brand's wallet credited in the ledger. TOPUPS sequential top-ups; prints p50, p99 and max.
 * Run by `bench/run.ts` after the settling figures  [TOPUPS=200].
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTopUp } from '../src/checkout/top-ups';
import { startPaymentHarness } from '../src/testing/payment-harness';
import { payCheckout, TEST_CARD } from '../src/testing/stripe-flow-helpers';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureTopUpLatency(topUps: number): Promise<{ topUps: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  // Nothing here is called as a person: the token verifier is never asked.
  const harness = await startPaymentHarness({ jwksUrl: 'http://127.0.0.1:9/jwks.json' });
  try {
    const brandId = randomUUID();
    const latencies: number[] = [];
    for (let index = 0; index < topUps; index++) {
      const { url } = await createTopUp(harness.deps, brandId, { amountCents: 1_000 + index, saveCard: false });
      const started = performance.now();
      const paid = await payCheckout(harness.stripe, url, TEST_CARD.visa);
      const paymentIntentId = paid.body.payment_intent!;
      for (;;) {
        const found = await harness.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "deposits" WHERE "paymentIntentId" = $1`, paymentIntentId);
        if (found.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return { topUps, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), maxMs: round(latencies.at(-1)!) };
  } finally {
    await harness.close();
  }
}
