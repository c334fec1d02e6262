import type { CampaignStatus } from '@gametriggers/contracts';
import { campaignStatusLabels, formatCents } from '@gametriggers/contracts';

export const statusTones: Record<
  CampaignStatus,
  'neutral' | 'warning' | 'success' | 'danger' | 'brand'
> = {
  draft: 'neutral',
  pending_review: 'warning',
  active: 'success',
  paused: 'warning',
  completed: 'brand',
  rejected: 'danger',
  cancelled: 'neutral',
};

export const statusLabel = (status: CampaignStatus) => campaignStatusLabels[status];

/** Whole dollars in tables; cents only when there are any. */
export const money = (cents: number) => formatCents(cents).replace(/\.00$/, '');

/** An instant as admins compare it across time zones. */
export const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
