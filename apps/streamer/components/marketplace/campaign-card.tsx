import { campaignStandingLabels } from '@gametriggers/contracts';
import type { CampaignStanding } from '@gametriggers/contracts';
import { Badge } from '@gametriggers/ui';
import { categoryLabel, formatMoney, pricingModelLabel, rateLabel } from './formatting';
import { EndsIn } from './time-left';
import type { MarketplaceEntry } from './types';

const standingTones = {
  join: 'success',
  apply: 'warning',
  running: 'brand',
  pending: 'neutral',
  blocked: 'danger',
} as const satisfies Record<
  CampaignStanding,
  'brand' | 'neutral' | 'success' | 'warning' | 'danger'
>;

/** The streamer's standing in a word; without one, only how the campaign is joined. */
function StandingBadge({ campaign }: { campaign: MarketplaceEntry }) {
  if (!campaign.standing) {
    return (
      <Badge tone="neutral" data-testid="campaign-standing">
        {campaign.joinMode === 'open' ? 'Open' : 'By application'}
      </Badge>
    );
  }
  return (
    <Badge tone={standingTones[campaign.standing.standing]} data-testid="campaign-standing">
      {campaignStandingLabels[campaign.standing.standing]}
    </Badge>
  );
}

/** Why a campaign cannot be joined now, or what joining would ask to acknowledge. */
function StandingNote({ campaign }: { campaign: MarketplaceEntry }) {
  const standing = campaign.standing;
  const note =
    standing?.reason ??
    (standing && (standing.standing === 'join' || standing.standing === 'apply')
      ? standing.warnings[0]
      : undefined);
  if (!note) return null;
  return (
    <p
      className={
        standing?.reason
          ? 'mt-3 rounded-lg bg-red-50 px-3 py-2 text-xs text-red-800'
          : 'mt-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900'
      }
      data-testid="campaign-standing-reason"
    >
      {note}
    </p>
  );
}

/** One discovered campaign: who, what, how it pays, how much is left, when it ends, can I join. */
export function CampaignCard({ campaign }: { campaign: MarketplaceEntry }) {
  return (
    <li data-testid="marketplace-campaign" data-campaign-id={campaign.id}>
      <a
        href={`/marketplace/${campaign.id}`}
        className="flex h-full flex-col rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <div className="flex items-start justify-between gap-3">
          <p
            className="text-xs font-medium tracking-wide text-slate-500 uppercase"
            data-testid="campaign-brand"
          >
            {campaign.brandName ?? 'A brand'}
          </p>
          <StandingBadge campaign={campaign} />
        </div>
        <h2 className="mt-1 line-clamp-2 font-semibold text-slate-900">{campaign.title}</h2>
        <p className="mt-3 text-lg font-bold tracking-tight text-slate-900">
          {rateLabel(campaign.pricing)}
          <span className="ml-2 align-middle text-xs font-medium text-slate-500">
            {pricingModelLabel(campaign.pricing.model)}
          </span>
        </p>
        <div className="mt-3 flex flex-wrap gap-1.5">
          {campaign.categories.map((category) => (
            <span
              key={category}
              className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600"
            >
              {categoryLabel(category)}
            </span>
          ))}
        </div>
        <StandingNote campaign={campaign} />
        <dl className="mt-auto grid grid-cols-2 gap-3 pt-4 text-sm">
          <div>
            <dt className="text-slate-500">Budget left</dt>
            <dd className="font-medium text-slate-900">
              {formatMoney(campaign.remainingBudgetCents)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Schedule</dt>
            <dd className="font-medium text-slate-900">
              <EndsIn endsAt={campaign.endsAt} />
            </dd>
          </div>
        </dl>
      </a>
    </li>
  );
}
