import { z } from 'zod';
import { pageInputSchema } from './pagination';
import { idSchema } from './primitives/ids';
import { paragraphTextSchema } from './primitives/text';

/**
 * What the moderation queue holds: campaigns' creatives (as submitted with a campaign), uploaded
 * creative files (the asset service's, before any campaign can go to review with them) and the
 * public text of brand and streamer profiles.
 */
export const moderationKinds = ['campaign_creative', 'creative_asset', 'brand_profile', 'streamer_profile'] as const;
export const moderationKindSchema = z.enum(moderationKinds, { error: 'Choose a content kind' });
export type ModerationKind = z.infer<typeof moderationKindSchema>;

/** `pending` items are in the queue; a decision takes them out. */
export const moderationStatuses = ['pending', 'approved', 'rejected'] as const;
export const moderationStatusSchema = z.enum(moderationStatuses, { error: 'Choose a status' });
export type ModerationStatus = z.infer<typeof moderationStatusSchema>;

/**
 * A queue item's status: a decision, or `withdrawn` when the content went away before one (an
 * uploaded creative deleted by its owner while pending).
 */
export const moderationItemStatuses = [...moderationStatuses, 'withdrawn'] as const;
export const moderationItemStatusSchema = z.enum(moderationItemStatuses, { error: 'Choose a status' });
export type ModerationItemStatus = z.infer<typeof moderationItemStatusSchema>;

/**
 * Where a profile's public text stands with moderation, as its owner sees it: `pending` from each
 * change of that text until a decision; `rejected` hides it from everyone else until it changes.
 */
export const profileModerationSchema = z.object({
  status: moderationStatusSchema,
  reason: z.string().nullable(),
  decidedAt: z.date().nullable(),
});
export type ProfileModeration = z.infer<typeof profileModerationSchema>;

/** What others see instead of a profile's rejected public text. */
export const hiddenProfileText = {
  brandName: 'Brand (profile hidden)',
  brandIndustry: 'Not shown',
  streamerDisplayName: 'Streamer (profile hidden)',
} as const;

/** Why a streamer reports content. */
export const contentReportReasons = [
  'inappropriate',
  'misleading',
  'offensive',
  'broken',
  'other',
] as const;
export const contentReportReasonSchema = z.enum(contentReportReasons, {
  error: 'Choose why you report this ad',
});
export type ContentReportReason = z.infer<typeof contentReportReasonSchema>;

/** The queue, oldest first; `reportedOnly` keeps the items streamers reported. */
export const listModerationInputSchema = pageInputSchema.extend({
  kind: moderationKindSchema.optional(),
  status: moderationItemStatusSchema.default('pending'),
  reportedOnly: z.boolean().default(false),
});
export type ListModerationInput = z.input<typeof listModerationInputSchema>;

export const moderationItemIdInputSchema = z.object({ itemId: idSchema('moderation item') });

export const rejectModerationItemInputSchema = moderationItemIdInputSchema.extend({
  reason: paragraphTextSchema({
    what: 'the reason',
    min: 5,
    max: 1000,
    required: 'Say why the content is rejected',
    tooShort: 'Say why in at least 5 characters, so its owner knows what to change',
  }),
});
export type RejectModerationItemInput = z.infer<typeof rejectModerationItemInputSchema>;

/** A streamer reports a campaign's creative. */
export const reportContentInputSchema = z.object({
  campaignId: idSchema('campaign'),
  reason: contentReportReasonSchema,
  details: paragraphTextSchema({ what: 'the details', max: 1000 }).optional(),
});
export type ReportContentInput = z.infer<typeof reportContentInputSchema>;

/** What a profile's owning service (brand, streamer) keeps about its public text's moderation. */
export interface ProfileModerationColumns {
  /** When the public text last changed and went to moderation; null for a profile never sent. */
  profileSubmittedAt: Date | null;
  profileModeration: ModerationStatus | null;
  profileModeratedAt: Date | null;
  profileRejectionReason: string | null;
}

/** Public text going (back) to moderation at `now`: pending, any earlier decision cleared. */
export const profileSubmittedColumns = (now: Date) => ({
  profileSubmittedAt: now,
  profileModeration: 'pending' as const,
  profileModeratedAt: null,
  profileRejectionReason: null,
});

/** Others see a placeholder instead of public text moderation rejected. */
export const isProfileHidden = (row: Pick<ProfileModerationColumns, 'profileModeration'>) =>
  row.profileModeration === 'rejected';

/** What the profile's owner sees of it; null for a profile never sent to moderation. */
export function profileModerationView(row: ProfileModerationColumns): ProfileModeration | null {
  if (!row.profileModeration) return null;
  return {
    status: row.profileModeration,
    reason: row.profileRejectionReason,
    decidedAt: row.profileModeratedAt,
  };
}

/**
 * What a moderator's decision (a rejection carries a reason) sets on the profile, or null when it is
 * about text changed since: that newer text is in the queue, awaiting its own decision.
 */
export function profileDecisionColumns(
  row: Pick<ProfileModerationColumns, 'profileSubmittedAt'>,
  decision: { contentSubmittedAt: string; reason?: string },
  now: Date,
) {
  if (row.profileSubmittedAt && row.profileSubmittedAt > new Date(decision.contentSubmittedAt)) {
    return null;
  }
  return {
    profileModeration: decision.reason === undefined ? ('approved' as const) : ('rejected' as const),
    profileModeratedAt: now,
    profileRejectionReason: decision.reason ?? null,
  };
}
