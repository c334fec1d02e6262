import { estimatedReach } from '@gametriggers/contracts';
import type { PricingModel } from '@gametriggers/contracts';
import { formatCount, formatMoney } from './formatting';

const unitWords = {
  impressions: { one: 'impression', many: 'impressions' },
  clicks: { one: 'click', many: 'clicks' },
  streamers: { one: 'streamer', many: 'streamers' },
} as const;

const rateWords: Record<PricingModel, string> = {
  cpm: 'per 1,000 impressions',
  cpc: 'per click',
  fixed: 'fixed fee per streamer',
};

const basis: Record<PricingModel, string> = {
  cpm: 'Impressions count viewers who see the ad while a stream is live; the campaign completes when the budget is spent.',
  cpc: 'Clicks count visits through the stream’s link, chat command and QR code; the campaign completes when the budget is spent.',
  fixed: 'Each participating streamer earns the fee, so this is how many the budget can take on.',
};

/** What the budget buys at the chosen rate, as the brand sets them in the wizard. */
export function EstimatedReachNote({
  pricing,
  budgetCents,
}: {
  pricing: { model: PricingModel; rateCents: number | undefined };
  budgetCents: number | undefined;
}) {
  const reach =
    pricing.rateCents === undefined || budgetCents === undefined
      ? null
      : estimatedReach({ model: pricing.model, rateCents: pricing.rateCents }, budgetCents);
  return (
    <section
      aria-live="polite"
      data-testid="campaign-reach"
      className="rounded-xl bg-brand-50 p-4 ring-1 ring-brand-100"
    >
      <h3 className="text-sm font-semibold text-slate-900">Estimated reach</h3>
      {reach && pricing.rateCents !== undefined && budgetCents !== undefined ? (
        <>
          <p className="mt-1 text-2xl font-bold text-brand-700" data-testid="campaign-reach-figure">
            Up to {formatCount(reach.count)}{' '}
            {unitWords[reach.unit][reach.count === 1 ? 'one' : 'many']}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {formatMoney(budgetCents)} at {formatMoney(pricing.rateCents)}{' '}
            {rateWords[pricing.model]}. {basis[pricing.model]}
          </p>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600">
          Enter a rate and a budget to see what the budget buys.
        </p>
      )}
    </section>
  );
}
