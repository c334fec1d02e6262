import type { RouterOutputs } from '@gametriggers/api';
import type { ContentReportReason, ModerationKind, ModerationStatus } from '@gametriggers/contracts';

/** An item of the queue (`admin.moderation.list`). */
export type ModerationItem = RouterOutputs['admin']['moderation']['list']['items'][number];

export const kindLabels: Record<ModerationKind, string> = {
  campaign_creative: 'Campaign creative',
};

export const statusLabels: Record<ModerationStatus, string> = {
  pending: 'To review',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const statusTones = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
} as const satisfies Record<ModerationStatus, string>;

export const reportReasonLabels: Record<ContentReportReason, string> = {
  inappropriate: 'Inappropriate',
  misleading: 'Misleading',
  offensive: 'Offensive',
  broken: 'Broken or not loading',
  other: 'Other',
};

export const formatInstant = (date: Date) =>
  date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
