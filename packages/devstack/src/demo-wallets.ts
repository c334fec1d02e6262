import type { ApiClient } from '@gametriggers/api';
import { MAX_TOP_UP_CENTS } from '@gametriggers/contracts';

/** Stripe's test card that always succeeds. */
const SUCCEEDING_CARD = '4242424242424242';

/**
 * Tops up a brand's wallet the way a person does: a Checkout Session from the payment service,
 * paid with a test card on the local Stripe (its `/_test/pay` route is what the hosted page's form
 * posts), then the webhook credits the wallet. Resolves once the wallet shows the money.
 */
export async function topUpByCard(brand: ApiClient, stripeUrl: string, amountCents: number, timeoutMs = 60_000) {
  const before = await brand.payment.wallet.summary.query();
  const { url } = await brand.payment.billing.createTopUp.mutate({ amountCents, saveCard: false });
  const checkoutSession = new URL(url).pathname.split('/').at(-1) ?? '';
  const paid = await fetch(`${stripeUrl.replace(/\/$/, '')}/_test/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ checkout_session: checkoutSession, card: SUCCEEDING_CARD }),
  });
  if (!paid.ok) throw new Error(`Paying top-up ${checkoutSession} failed: HTTP ${paid.status} ${await paid.text()}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const wallet = await brand.payment.wallet.summary.query();
    if (wallet.availableCents >= before.availableCents + amountCents) return wallet;
    if (Date.now() > deadline) {
      throw new Error(`The wallet was not credited within ${timeoutMs / 1000} s of paying ${checkoutSession} (is the webhook reaching the payment service?)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `totalCents` as the fewest top-ups Checkout accepts, near-equal so none falls below the minimum. */
export function topUpAmounts(totalCents: number): number[] {
  const count = Math.ceil(totalCents / MAX_TOP_UP_CENTS);
  const base = Math.floor(totalCents / count);
  return Array.from({ length: count }, (_, index) => base + (index < totalCents - base * count ? 1 : 0));
}
