import type { RouterOutputs } from '@gametriggers/api';
import type { ContentReportReason, ModerationItemStatus, ModerationKind } from '@gametriggers/contracts';

/** An item of the queue (`admin.moderation.list`). */
export type ModerationItem = RouterOutputs['admin']['moderation']['list']['items'][number];

/** An item of the queue with its reports (`admin.moderation.get`). */
export type ModerationItemDetail = RouterOutputs['admin']['moderation']['get'];

export const kindLabels: Record<ModerationKind, string> = {
  campaign_creative: 'Campaign creative',
  creative_asset: 'Uploaded creative',
  brand_profile: 'Brand profile',
  streamer_profile: 'Streamer profile',
};

/** The kind filter's chips. */
export const kindFilterLabels: Record<ModerationKind, string> = {
  campaign_creative: 'Campaign creatives',
  creative_asset: 'Uploaded creatives',
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
  creative_asset: {
    title: 'Reject this uploaded creative?',
    description:
      'No campaign can take this file any more, and none can go to review with it; the brand is told your reason.',
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

export const statusLabels: Record<ModerationItemStatus, string> = {
  pending: 'To review',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const statusTones = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
} as const satisfies Record<ModerationItemStatus, string>;

/** Who owns each kind of content: a brand (creatives, its profile) or a streamer (their profile). */
export const ownerRoles = {
  campaign_creative: 'brand',
  creative_asset: 'brand',
  brand_profile: 'brand',
  streamer_profile: 'streamer',
} as const satisfies Record<ModerationKind, 'brand' | 'streamer'>;

/** `1280 × 720 px`. */
export const formatDimensions = (width: number | null, height: number | null) =>
  width && height ? `${width} × ${height} px` : '—';

/** `12.5 s`, `1 min 5 s`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 100) / 10;
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** `2.4 MB`, `310 KB`. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export const reportReasonLabels: Record<ContentReportReason, string> = {
  inappropriate: 'Inappropriate',
  misleading: 'Misleading',
  offensive: 'Offensive',
  broken: 'Broken or not loading',
  other: 'Other',
};

export const formatInstant = (date: Date) =>
  date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
