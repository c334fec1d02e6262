import type { PricingModel } from './campaign';

/** What a campaign's budget buys at its rate: impressions for CPM, clicks for CPC, streamers for a fixed fee. */
export interface EstimatedReach {
  unit: 'impressions' | 'clicks' | 'streamers';
  count: number;
}

/**
 * The most the whole budget buys at the rate, before anything is spent: budget ÷ CPM × 1,000
 * impressions, budget ÷ CPC clicks, or budget ÷ fee streamers, rounded down (a part is not bought).
 * Null while the budget or rate is not a positive amount. Whole cents keep the division exact.
 */
export function estimatedReach(
  pricing: { model: PricingModel; rateCents: number },
  budgetCents: number,
): EstimatedReach | null {
  const { model, rateCents } = pricing;
  if (!Number.isSafeInteger(rateCents) || !Number.isSafeInteger(budgetCents)) return null;
  if (rateCents <= 0 || budgetCents <= 0) return null;
  switch (model) {
    case 'cpm':
      return { unit: 'impressions', count: Math.floor((budgetCents * 1000) / rateCents) };
    case 'cpc':
      return { unit: 'clicks', count: Math.floor(budgetCents / rateCents) };
    case 'fixed':
      return { unit: 'streamers', count: Math.floor(budgetCents / rateCents) };
  }
}
