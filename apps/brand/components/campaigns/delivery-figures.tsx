import { StatCard } from '@gametriggers/ui';
import { estimateBasis, estimatedSpendCents } from '../analytics/estimated-cost';
import { portal } from '../../portal';
import { formatCount, formatMoney } from './formatting';
import type { Campaign } from './types';

/** Statuses in which nothing can have been delivered yet: no need to ask analytics. */
const neverDelivered = new Set<Campaign['status']>(['draft', 'pending_review', 'rejected']);

/**
 * A campaign's spend, impressions and clicks so far, read from analytics (the same hourly counts
 * as its analytics page and export), never from a counter of the campaign's own.
 */
export async function DeliveryFigures({ campaign }: { campaign: Campaign }) {
  const api = await portal.sessionApi();
  const toDate = neverDelivered.has(campaign.status)
    ? { totals: { impressions: 0, clicks: 0 }, deliveringStreamers: 0 }
    : await api.analytics.campaignToDate.query({ campaignId: campaign.id }).catch(() => null);
  if (!toDate) {
    const unavailable = 'Delivery figures cannot be loaded right now.';
    return (
      <>
        <StatCard label="Estimated spend" value="—" hint={unavailable} testId="campaign-spent" />
        <StatCard label="Impressions" value="—" hint={unavailable} testId="campaign-impressions" />
        <StatCard label="Clicks" value="—" hint={unavailable} testId="campaign-clicks" />
      </>
    );
  }
  const spend = estimatedSpendCents(campaign.pricing, {
    ...toDate.totals,
    deliveringStreamers: toDate.deliveringStreamers,
  });
  // An ended campaign with nothing counted says so, rather than reading like one still to begin.
  const endedUnseen =
    (campaign.status === 'completed' || campaign.status === 'cancelled') &&
    toDate.totals.impressions === 0 &&
    spend === 0;
  return (
    <>
      <StatCard
        label="Estimated spend"
        value={formatMoney(spend)}
        hint={
          endedUnseen
            ? 'Nothing was delivered, so nothing was spent.'
            : `${estimateBasis(campaign.pricing.model)}, so far.`
        }
        testId="campaign-spent"
      />
      <StatCard
        label="Impressions"
        value={formatCount(toDate.totals.impressions)}
        hint={
          endedUnseen
            ? 'It ended before any ad was shown'
            : campaign.targetImpressions
              ? `Target ${formatCount(campaign.targetImpressions)}`
              : 'Since the campaign began'
        }
        testId="campaign-impressions"
      />
      <StatCard
        label="Clicks"
        value={formatCount(toDate.totals.clicks)}
        hint="Since the campaign began"
        testId="campaign-clicks"
      />
    </>
  );
}
