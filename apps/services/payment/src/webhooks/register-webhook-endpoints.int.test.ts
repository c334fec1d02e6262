import { startLocalStripe } from '@gametriggers/stripe-local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPaymentHarness } from '../testing/payment-harness';

let stripe: Awaited<ReturnType<typeof startLocalStripe>>;
beforeAll(async () => {
  stripe = await startLocalStripe();
});
afterAll(() => stripe.stop());

it('replaces the endpoints an earlier run registered at the same URLs', async () => {
  const first = await startPaymentHarness({ jwksUrl: 'http://127.0.0.1:9/jwks.json', stripe, flows: { STRIPE_WEBHOOK_BASE_URL: 'http://localhost:4000' } });
  await first.close();
  const second = await startPaymentHarness({ jwksUrl: 'http://127.0.0.1:9/jwks.json', stripe, flows: { STRIPE_WEBHOOK_BASE_URL: 'http://localhost:4000' } });
  try {
    const endpoints = (await second.deps.stripe.webhookEndpoints.list({ limit: 100 })).data;
    expect(endpoints.map((endpoint) => endpoint.url).sort()).toEqual([
      'http://localhost:4000/webhooks/stripe',
      'http://localhost:4000/webhooks/stripe/connect',
    ]);
  } finally {
    await second.close();
  }
});
