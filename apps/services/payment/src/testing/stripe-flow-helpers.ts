import { randomUUID } from 'node:crypto';
import type { LocalStripe } from '@gametriggers/stripe-local';
import type { TestClock } from '@gametriggers/testing';
import { eventually } from '@gametriggers/testing';
import type Stripe from 'stripe';
import { matureDueEarnings } from '../jobs/earnings-maturing';
import { reserveCampaignBudget } from '../money/campaign-budget';
import { chargeParticipationHours } from '../money/charging';
import { creditDeposit } from '../money/deposits';
import type { PaymentHarness } from './payment-harness';

// Webhooks arrive on their own time; the flows' tests wait for them with the kit's `eventually`.
export { eventually };

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

/** Earnings the streamer can withdraw now: a campaign of a funded brand charged, and the hold passed. */
export async function giveAvailableEarnings(
  harness: PaymentHarness,
  clock: TestClock,
  streamerId: string,
  earningsCents: number,
): Promise<void> {
  // With the 20 % fee, a charge of earnings ÷ 0.8 leaves exactly `earningsCents` (a multiple of 4).
  const chargeCents = (earningsCents / 4) * 5;
  const brandId = randomUUID();
  const campaignId = randomUUID();
  await harness.transaction(async (tx) => {
    await creditDeposit(tx, harness.deps, { brandId, amountCents: chargeCents, paymentIntentId: `pi_seed_${campaignId}` });
    await reserveCampaignBudget(tx, harness.deps, {
      campaignId,
      brandId,
      budgetCents: chargeCents,
      pricingModel: 'cpc',
      rateCents: chargeCents,
      perStreamerCapCents: null,
    });
    await chargeParticipationHours(tx, harness.deps, [
      { participationId: randomUUID(), campaignId, streamerId, hourStart: new Date(Date.UTC(2026, 0, 1)).toISOString(), impressions: 1, clicks: 1, revision: 1 },
    ]);
  });
  clock.advance(((await harness.deps.platformConfig.get()).earningsHoldDays + 1) * 86_400_000);
  await matureDueEarnings(harness.deps);
}

/** The streamer's Express account, onboarded on the local Stripe's page; resolves once payouts are enabled here. */
export async function onboardStreamer(harness: PaymentHarness, streamer: ReturnType<PaymentHarness['client']>) {
  const { url } = await streamer.payment.payouts.startOnboarding.mutate();
  const completed = await fetch(url, { method: 'POST', redirect: 'manual' });
  if (completed.status !== 303 && completed.status !== 302) throw new Error(`Onboarding answered ${completed.status}`);
  await eventually(async () => (await streamer.payment.payouts.account.query()).payoutsEnabled, 'payouts enabled');
}

/** Money in the platform's Stripe balance, available at once (for transfers), not a brand's top-up. */
export async function fundPlatform(harness: PaymentHarness, amountCents: number) {
  await harness.deps.stripe.paymentIntents.create(
    { amount: amountCents, currency: 'usd', payment_method: 'pm_card_bypassPending', confirm: true },
    { idempotencyKey: `fund:${randomUUID()}` },
  );
}
