import { formatCents } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import Stripe from 'stripe';
import type { PaymentDeps } from '../deps';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { customerOfBrand } from './customers';
import { savedCards } from './saved-cards';
import { recordPaidTopUp } from './top-ups';

export interface AutoTopUpSettings {
  enabled: boolean;
  thresholdCents: number;
  amountCents: number;
  paymentMethodId: string | null;
  disabledReason: string | null;
}

export async function autoTopUpSettings(deps: PaymentDeps, brandId: string): Promise<AutoTopUpSettings> {
  const row = await deps.db.autoTopUp.findUnique({ where: { brandId } });
  if (!row) return { enabled: false, thresholdCents: 0, amountCents: 0, paymentMethodId: null, disabledReason: null };
  return {
    enabled: row.enabled,
    thresholdCents: Number(row.thresholdCents),
    amountCents: Number(row.amountCents),
    paymentMethodId: row.paymentMethodId,
    disabledReason: row.disabledReason,
  };
}

/** Turns auto top-up on (with one of the brand's saved cards) or off. */
export async function setAutoTopUp(
  deps: PaymentDeps,
  brandId: string,
  input: { enabled: boolean; thresholdCents: number; amountCents: number; paymentMethodId?: string },
): Promise<AutoTopUpSettings> {
  let paymentMethodId: string | null = null;
  if (input.enabled) {
    const cards = await savedCards(deps, brandId);
    const card = input.paymentMethodId ? cards.find((saved) => saved.id === input.paymentMethodId) : cards[0];
    if (!card) {
      throw new DomainError(
        input.paymentMethodId ? 'not_found' : 'precondition_failed',
        input.paymentMethodId ? 'card_not_found' : 'no_saved_card',
        input.paymentMethodId ? 'There is no such saved card.' : 'Save a card with a top-up first: auto top-up charges it.',
      );
    }
    paymentMethodId = card.id;
  }
  const values = {
    enabled: input.enabled,
    thresholdCents: BigInt(input.thresholdCents),
    amountCents: BigInt(input.amountCents),
    paymentMethodId,
    disabledReason: null,
    updatedAt: deps.now(),
  };
  await deps.db.autoTopUp.upsert({ where: { brandId }, create: { brandId, ...values }, update: values });
  return autoTopUpSettings(deps, brandId);
}

export type AutoTopUpOutcome = 'not_needed' | 'paid' | 'failed';

/**
 * When the brand's wallet is below its auto top-up threshold: charges the saved card off-session
 * (idempotency key `autotopup:<brand>:<attempt>`). A decline or a card asking for authentication
 * turns auto top-up off and tells the brand (`payment.wallet_low` with the reason).
 */
export async function topUpIfBelowThreshold(deps: PaymentDeps, brandId: string): Promise<AutoTopUpOutcome> {
  const attempt = await deps.transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ thresholdCents: string; amountCents: string; paymentMethodId: string | null; attempts: number }>>(
      `SELECT "thresholdCents"::text, "amountCents"::text, "paymentMethodId", "attempts" FROM "auto_top_ups"
       WHERE "brandId" = $1 AND "enabled" FOR UPDATE`,
      brandId,
    );
    const settings = rows[0];
    if (!settings?.paymentMethodId) return null;
    const available = (await balanceOf(tx, accounts.brandWallet(brandId).code)).available;
    if (available >= BigInt(settings.thresholdCents)) return null;
    const number = Number(settings.attempts) + 1;
    await tx.$executeRawUnsafe(
      `UPDATE "auto_top_ups" SET "attempts" = $2, "lastAttemptAt" = $3 WHERE "brandId" = $1`,
      brandId,
      number,
      deps.now(),
    );
    return { number, amountCents: Number(settings.amountCents), paymentMethodId: settings.paymentMethodId };
  });
  if (!attempt) return 'not_needed';

  const customer = await customerOfBrand(deps, brandId);
  try {
    const intent = await deps.stripe.paymentIntents.create(
      {
        amount: attempt.amountCents,
        currency: 'usd',
        customer,
        payment_method: attempt.paymentMethodId,
        off_session: true,
        confirm: true,
        metadata: { brandId, source: 'auto_top_up' },
      },
      { idempotencyKey: `autotopup:${brandId}:${attempt.number}` },
    );
    if (intent.status !== 'succeeded') {
      await turnOffAfterFailure(deps, brandId, `The automatic top-up needs attention (${intent.status}).`);
      return 'failed';
    }
    await deps.transaction((tx) =>
      recordPaidTopUp(tx, deps, {
        brandId,
        paymentIntentId: intent.id,
        amountCents: intent.amount,
        currency: intent.currency.toUpperCase(),
        source: 'auto_top_up',
      }),
    );
    return 'paid';
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    const reason =
      error.code === 'authentication_required'
        ? 'Your bank asked to confirm the automatic top-up; top up by hand and turn auto top-up on again.'
        : `The automatic top-up of ${formatCents(attempt.amountCents, 'USD')} was declined: ${error.message}`;
    await turnOffAfterFailure(deps, brandId, reason);
    return 'failed';
  }
}

async function turnOffAfterFailure(deps: PaymentDeps, brandId: string, reason: string) {
  await deps.transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `UPDATE "auto_top_ups" SET "enabled" = false, "disabledReason" = $2, "updatedAt" = $3 WHERE "brandId" = $1`,
      brandId,
      reason.slice(0, 200),
      deps.now(),
    );
    const available = (await balanceOf(tx, accounts.brandWallet(brandId).code)).available;
    await recordEvent(tx, 'payment.wallet_low', { brandId, availableCents: Number(available), currency: 'USD', reason });
  });
}
