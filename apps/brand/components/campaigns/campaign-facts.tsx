import type { CampaignFields } from '@gametriggers/contracts';
import { DetailList } from '@gametriggers/ui';
import {
  categoryLabel,
  countryLabel,
  formatCount,
  formatMoney,
  languageLabel,
  listLabel,
  pricingLabel,
} from './formatting';
import { LocalTime } from './local-time';

type Facts = Pick<
  CampaignFields,
  | 'categories'
  | 'languages'
  | 'regions'
  | 'minFollowers'
  | 'minAverageViewers'
  | 'startsAt'
  | 'endsAt'
  | 'budgetCents'
  | 'pricing'
  | 'perStreamerCapCents'
  | 'maxParticipants'
  | 'frequency'
  | 'joinMode'
  | 'gkeyCooloffHours'
  | 'targetImpressions'
  | 'clickThroughUrl'
>;

/** A campaign's settings as label/value pairs (the wizard's review and the detail page). */
export function CampaignFacts({
  campaign,
  defaultCooloffHours,
}: {
  campaign: Facts;
  /** The platform's default cool-off, shown when the campaign leaves its own empty (a new one). */
  defaultCooloffHours?: number | null;
}) {
  const size = [
    campaign.minFollowers ? `${formatCount(campaign.minFollowers)}+ followers` : null,
    campaign.minAverageViewers
      ? `${formatCount(campaign.minAverageViewers)}+ average viewers`
      : null,
  ].filter(Boolean);
  return (
    <DetailList
      items={[
        { label: 'Pricing', value: pricingLabel(campaign.pricing) },
        { label: 'Budget', value: formatMoney(campaign.budgetCents) },
        {
          label: 'Schedule',
          value: (
            <>
              <LocalTime date={campaign.startsAt} /> – <LocalTime date={campaign.endsAt} />
            </>
          ),
        },
        { label: 'Categories', value: listLabel(campaign.categories, categoryLabel, '—') },
        { label: 'Languages', value: listLabel(campaign.languages, languageLabel, 'Any language') },
        { label: 'Regions', value: listLabel(campaign.regions, countryLabel, 'Worldwide') },
        { label: 'Audience size', value: size.length ? size.join(', ') : 'Any size' },
        {
          label: 'Joining',
          value:
            campaign.joinMode === 'open'
              ? 'Open: streamers join at once'
              : 'You approve each application',
        },
        {
          label: 'Per-streamer cap',
          value:
            campaign.perStreamerCapCents === null
              ? 'No cap'
              : formatMoney(campaign.perStreamerCapCents),
        },
        {
          label: 'Participant limit',
          value:
            campaign.maxParticipants === null ? 'No limit' : formatCount(campaign.maxParticipants),
        },
        {
          label: 'Impression target',
          value:
            campaign.targetImpressions === null ? 'None' : formatCount(campaign.targetImpressions),
        },
        {
          label: 'Frequency',
          value: `${campaign.frequency.adDurationSeconds}s per show, at least ${campaign.frequency.minMinutesBetweenShows} min apart, at most ${campaign.frequency.maxShowsPerHour} an hour`,
        },
        {
          label: 'G-Key cool-off',
          value:
            campaign.gkeyCooloffHours === undefined
              ? `Platform default${defaultCooloffHours == null ? '' : ` (${defaultCooloffHours} hours)`} after a streamer leaves`
              : `${campaign.gkeyCooloffHours} hours after a streamer leaves`,
        },
        {
          label: 'Click-through link',
          value: (
            <a
              href={campaign.clickThroughUrl}
              className="break-all text-brand-700 underline"
              rel="noreferrer"
              target="_blank"
            >
              {campaign.clickThroughUrl}
            </a>
          ),
        },
      ]}
    />
  );
}
