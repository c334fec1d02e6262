import { deliveryValueAtRateCents } from '@gametriggers/contracts';
import type { PricingModel } from '@gametriggers/contracts';

/**
 * What the delivery would cost at the campaign's rate, in cents. Billing is not live yet, so this is
 * an estimate before the platform fee: CPM per 1,000 impressions, CPC per click, a fixed fee per
 * streamer who delivered.
 */
export function estimatedSpendCents(
  pricing: { model: PricingModel; rateCents: number },
  delivery: { impressions: number; clicks: number; deliveringStreamers: number },
) {
  return (
    deliveryValueAtRateCents(pricing, delivery) ?? delivery.deliveringStreamers * pricing.rateCents
  );
}

/** How the estimate was made, in a line under the figure. */
export function estimateBasis(model: PricingModel) {
  switch (model) {
    case 'cpm':
      return 'Estimated from impressions at the campaign’s CPM rate';
    case 'cpc':
      return 'Estimated from clicks at the campaign’s CPC rate';
    case 'fixed':
      return 'Estimated as the fixed fee for each streamer who delivered';
  }
}
