import { DomainError } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';

export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** The cards the brand saved at top-up (kept by Stripe on the brand's customer). */
export async function savedCards(deps: PaymentDeps, brandId: string): Promise<SavedCard[]> {
  const existing = await deps.db.stripeCustomer.findUnique({ where: { brandId } });
  if (!existing) return [];
  const methods = await deps.stripe.paymentMethods.list({ customer: existing.customerId, type: 'card', limit: 100 });
  return methods.data.map((method) => ({
    id: method.id,
    brand: method.card?.brand ?? 'card',
    last4: method.card?.last4 ?? '????',
    expMonth: method.card?.exp_month ?? 0,
    expYear: method.card?.exp_year ?? 0,
  }));
}

/** Forgets a saved card (auto top-up using it is turned off). */
export async function removeSavedCard(deps: PaymentDeps, brandId: string, paymentMethodId: string): Promise<void> {
  const cards = await savedCards(deps, brandId);
  if (!cards.some((card) => card.id === paymentMethodId)) {
    throw new DomainError('not_found', 'card_not_found', 'There is no such saved card.');
  }
  await deps.stripe.paymentMethods.detach(paymentMethodId, {}, { idempotencyKey: `detach:${brandId}:${paymentMethodId}` });
  await deps.db.autoTopUp.updateMany({
    where: { brandId, paymentMethodId },
    data: { enabled: false, paymentMethodId: null, disabledReason: 'The saved card was removed.', updatedAt: deps.now() },
  });
}
