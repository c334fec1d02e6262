import type { LocalStripe } from '@gametriggers/stripe-local';
import type Stripe from 'stripe';

/** Webhooks arrive on their own time: waits until `check` gives a value (not undefined/null/false). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what = 'the condition', timeoutMs = 15_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Calls one of the local Stripe's `/_test/…` routes (JSON in and out). */
export async function stripeTestRoute<T = unknown>(
  stripe: LocalStripe,
  path: string,
  body?: unknown,
  method: 'POST' | 'GET' = 'POST',
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stripe.url}/_test/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export const TEST_CARD = {
  visa: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  authentication: '4000002500003155',
  disputed: '4000000000000259',
  /** Succeeds with the funds available at once (so the platform can transfer them). */
  available: '4000000000000077',
} as const;

/** What the hosted Checkout page's Pay button does, for the session in `url`. */
export async function payCheckout(stripe: LocalStripe, url: string, card: string) {
  const sessionId = url.split('/pay/')[1] ?? '';
  return stripeTestRoute<{ id: string; payment_intent: string | null; error?: { message: string; code: string } }>(stripe, 'pay', {
    checkout_session: sessionId,
    card,
  });
}

/** Every event the local Stripe emitted so far, oldest first. */
export async function stripeEvents(stripe: LocalStripe): Promise<Stripe.Event[]> {
  return (await stripeTestRoute<{ data: Stripe.Event[] }>(stripe, 'events', undefined, 'GET')).body.data;
}

export async function stripeEventOf(stripe: LocalStripe, type: string, objectId: string): Promise<Stripe.Event> {
  return eventually(
    async () => (await stripeEvents(stripe)).find((event) => event.type === type && (event.data.object as { id?: string }).id === objectId),
    `${type} of ${objectId}`,
  );
}
