import type { CampaignFields } from '@gametriggers/contracts';
import type { CampaignDraft } from './campaign-draft';

export type StepKey = 'basics' | 'creative' | 'targeting' | 'pricing' | 'schedule' | 'review';

/** The wizard's steps and the input fields each one sets (errors are shown on their step). */
export const wizardSteps: ReadonlyArray<{
  key: StepKey;
  title: string;
  intro: string;
  fields: ReadonlyArray<keyof CampaignFields>;
}> = [
  {
    key: 'basics',
    title: 'Basics',
    intro:
      'What the campaign is about. Streamers see the title and description in the marketplace.',
    fields: ['title', 'description', 'categories'],
  },
  {
    key: 'creative',
    title: 'Creative & link',
    intro: 'The image or video shown on stream (uploaded here, checked, then approved by a moderator), and where a viewer lands when they follow it.',
    fields: ['creative', 'clickThroughUrl'],
  },
  {
    key: 'targeting',
    title: 'Targeting',
    intro:
      'Who can join. A streamer must match every part: one of your categories, a language, a country and the minimum size.',
    fields: ['languages', 'regions', 'minFollowers', 'minAverageViewers'],
  },
  {
    key: 'pricing',
    title: 'Pricing & budget',
    intro:
      'How you pay and how much in total. The whole budget is reserved when the campaign is approved.',
    fields: [
      'pricing',
      'budgetCents',
      'perStreamerCapCents',
      'maxParticipants',
      'targetImpressions',
      'joinMode',
    ],
  },
  {
    key: 'schedule',
    title: 'Schedule',
    intro: 'When it runs and how often the ad shows on a stream.',
    fields: ['startsAt', 'endsAt', 'frequency', 'gkeyCooloffHours'],
  },
  {
    key: 'review',
    title: 'Review',
    intro: 'Check everything and the preview, then save.',
    fields: [],
  },
];

/** Where each form control's errors come from (the input path). */
export const errorPathOf: Record<keyof CampaignDraft, string> = {
  title: 'title',
  description: 'description',
  categories: 'categories',
  creativeAssetId: 'creative.assetId',
  creativeAltText: 'creative.altText',
  clickThroughUrl: 'clickThroughUrl',
  languages: 'languages',
  regions: 'regions',
  minFollowers: 'minFollowers',
  minAverageViewers: 'minAverageViewers',
  pricingModel: 'pricing.model',
  rateDollars: 'pricing.rateCents',
  budgetDollars: 'budgetCents',
  perStreamerCapDollars: 'perStreamerCapCents',
  maxParticipants: 'maxParticipants',
  targetImpressions: 'targetImpressions',
  joinMode: 'joinMode',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  adDurationSeconds: 'frequency.adDurationSeconds',
  minMinutesBetweenShows: 'frequency.minMinutesBetweenShows',
  maxShowsPerHour: 'frequency.maxShowsPerHour',
  gkeyCooloffHours: 'gkeyCooloffHours',
};

/** The step whose fields include the error at `path` (`pricing.rateCents` → pricing). */
export function stepOfPath(path: string): number {
  const top = path.split('.')[0];
  return wizardSteps.findIndex((step) => step.fields.some((field) => field === top));
}
