import type { RouterOutputs } from '@gametriggers/api';
import type { ContentReportReason, ModerationKind, ModerationStatus } from '@gametriggers/contracts';

/** An item of the queue (`admin.moderation.list`). */
export type ModerationItem = RouterOutputs['admin']['moderation']['list']['items'][number];

/** An item of the queue with its reports (`admin.moderation.get`). */
export type ModerationItemDetail = RouterOutputs['admin']['moderation']['get'];

export const kindLabels: Record<ModerationKind, string> = {
  campaign_creative: 'Campaign creative',
  brand_profile: 'Brand profile',
  streamer_profile: 'Streamer profile',
};

/** The kind filter's chips. */
export const kindFilterLabels: Record<ModerationKind, string> = {
  campaign_creative: 'Campaign creatives',
  brand_profile: 'Brand profiles',
  streamer_profile: 'Streamer profiles',
};

/** What a rejection does to each kind of content, for the confirmation dialog. */
export const rejectionConsequences: Record<ModerationKind, { title: string; description: string }> = {
  campaign_creative: {
    title: 'Reject this creative?',
    description:
      'A live campaign is paused and its brand must change the creative before it runs again; a campaign in review is rejected.',
  },
  brand_profile: {
    title: 'Reject this brand profile?',
    description:
      'Others see a placeholder instead of its company name, industry and website until the brand changes them; the brand sees your reason on its profile page.',
  },
  streamer_profile: {
    title: 'Reject this streamer profile?',
    description:
      'Others see a placeholder instead of the display name (and search no longer finds it) until the streamer changes it; the streamer sees your reason on their profile page.',
  },
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
