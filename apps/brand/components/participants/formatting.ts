import { contentCategories, labelOf } from '@gametriggers/contracts';

export const categoryLabel = (id: string) => labelOf(contentCategories, id);

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** 12,400 → "12.4K". */
export const formatCount = (value: number) => compact.format(value);

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
export const formatDay = (date: Date) => day.format(date);

const criterionLabels: Record<string, string> = {
  category: 'your categories',
  language: 'your languages',
  region: 'your regions',
  followers: 'your minimum followers',
  average_viewers: 'your minimum average viewers',
};

/**
 * An approval the service refused, said to the brand (the service's own messages speak to the
 * streamer): what is in the way on the streamer's side, by the stable reason.
 */
export function approvalRefusalText(
  reason: string | undefined,
  message: string,
  details: unknown,
): string {
  const facts = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  switch (reason) {
    case 'no_key': {
      const category = typeof facts.category === 'string' ? categoryLabel(facts.category) : 'this';
      return `The streamer’s ${category} G-Key is busy with another campaign, so they cannot run yours at the same time. Try again once it is free.`;
    }
    case 'no_energy':
      return 'The streamer has used today’s energy packs. Approve again after their local midnight.';
    case 'conflict_rule':
      return `A platform rule stops this streamer from joining now: ${typeof facts.message === 'string' ? facts.message : message}`;
    case 'not_eligible': {
      const criteria = Array.isArray(facts.criteria) ? (facts.criteria as string[]) : [];
      return `The streamer no longer matches ${criteria.map((criterion) => criterionLabels[criterion] ?? criterion).join(', ') || 'your targeting'}.`;
    }
    case 'campaign_full':
      return 'The campaign has reached its maximum number of participants.';
    case 'campaign_not_active':
      return 'The campaign is not running, so nobody can be approved into it now.';
    default:
      return message;
  }
}
