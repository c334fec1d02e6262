import { z } from 'zod';
import { adminActionSchema } from './admin-action-schema';

const campaignRef = z.object({ campaignId: z.uuid(), brandId: z.uuid(), title: z.string() });
const cents = z.number().int().nonnegative();
const money = z.object({ currency: z.string().regex(/^[A-Z]{3}$/) });
/** What moderators see of a campaign's creative: the content as the brand submitted it. */
const campaignCreative = z.object({
  /** The brand's upload (asset service); null for a campaign from before uploads (and older events). */
  assetId: z.uuid().nullable().default(null),
  type: z.enum(['image', 'video']),
  url: z.string(),
  altText: z.string().nullable(),
  clickThroughUrl: z.string(),
  description: z.string(),
  /** When the campaign went to review with it: decisions about an older submission are stale. */
  submittedAt: z.iso.datetime(),
});
/** What moderators see of a brand's public profile. */
const brandProfileSnapshot = z.object({
  companyName: z.string(),
  industry: z.string(),
  website: z.string().nullable(),
  /** When the brand saved this text: decisions about an older version are stale. */
  submittedAt: z.iso.datetime(),
});
/** What moderators see of a streamer's public profile (the card brands find in search). */
const streamerProfileSnapshot = z.object({
  displayName: z.string(),
  primaryCategory: z.string(),
  secondaryCategories: z.array(z.string()),
  language: z.string(),
  rating: z.string(),
  /** When the streamer saved this text: decisions about an older version are stale. */
  submittedAt: z.iso.datetime(),
});
/** What can be moderated (the admin service's queue items). */
const moderatedContent = z.object({
  itemId: z.uuid(),
  kind: z.enum(['campaign_creative', 'creative_asset', 'brand_profile', 'streamer_profile']),
  /** The moderated thing's id (for a campaign creative, its campaign's; for a creative asset, the asset's). */
  subjectId: z.uuid(),
  /** Whose content it is, and its title in the queue (absent from decisions recorded before they were added). */
  ownerId: z.uuid().optional(),
  title: z.string().optional(),
  decidedBy: z.uuid(),
  /** When the content decided on was submitted: the owner ignores a decision about older content. */
  contentSubmittedAt: z.iso.datetime(),
});
const participationRef = z.object({
  participationId: z.uuid(),
  campaignId: z.uuid(),
  brandId: z.uuid(),
  streamerId: z.uuid(),
  /** The participation's tracked short link code (`/r/<code>`). */
  clickCode: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
});

/** A mail with a single-use link for an account: the link is named (`linkId`), never carried. */
const accountMailRequest = z.object({
  userId: z.uuid(),
  /** The address the link was issued for: the mail goes there and nowhere else. */
  email: z.email(),
  role: z.enum(['brand', 'streamer', 'admin']),
  linkId: z.uuid(),
  expiresAt: z.iso.datetime(),
});

/**
 * Every event the platform emits: its payload schema and the services whose queue receives it.
 * Adding an event is adding an entry; adding a subscriber is adding a name.
 */
export const eventCatalogue = {
  'user.registered': {
    schema: z.object({
      userId: z.uuid(),
      email: z.email(),
      role: z.enum(['brand', 'streamer', 'admin']),
    }),
    // The notification service keeps each person's address for email.
    subscribers: ['notification'],
  },
  /** An admin suspended the account (or deactivated an admin): its sessions are already ended. */
  'user.suspended': {
    schema: z.object({
      userId: z.uuid(),
      role: z.enum(['brand', 'streamer', 'admin']),
      suspendedAt: z.iso.datetime(),
    }),
    // The gateway refuses the account's access tokens issued before `suspendedAt` at once.
    subscribers: ['overlay', 'gateway'],
  },
  'user.reactivated': {
    schema: z.object({ userId: z.uuid(), role: z.enum(['brand', 'streamer', 'admin']) }),
    subscribers: ['overlay'],
  },
  /**
   * The person changed their password (knowing the old one). Their other sessions are already
   * ended; the one they changed it from (`keptSessionId`, absent when unknown) goes on.
   */
  'user.password_changed': {
    schema: z.object({
      userId: z.uuid(),
      role: z.enum(['brand', 'streamer', 'admin']),
      changedAt: z.iso.datetime(),
      keptSessionId: z.uuid().optional(),
    }),
    subscribers: ['gateway', 'notification'],
  },
  /** The person signed out of their other devices: every session but `keptSessionId` ended. */
  'user.other_sessions_ended': {
    schema: z.object({
      userId: z.uuid(),
      role: z.enum(['brand', 'streamer', 'admin']),
      endedAt: z.iso.datetime(),
      keptSessionId: z.uuid(),
      sessionsEnded: z.number().int().nonnegative(),
    }),
    subscribers: ['gateway'],
  },
  /**
   * A mail with a single-use link (verify the address, reset the password) is due; the notification
   * service sends it. The payload names the link (`linkId`) but never carries it: outbox rows,
   * queue jobs and dead letters are kept, and the link is a credential. The sender asks identity for
   * it at send time (`identity.internal.mailLink`), so only the email itself holds the secret, and
   * a link used, replaced or expired in the meantime is not sent at all.
   */
  'user.email_verification_requested': { schema: accountMailRequest, subscribers: ['notification'] },
  /** A password reset was asked for an active account: see `user.email_verification_requested`. */
  'user.password_reset_requested': { schema: accountMailRequest, subscribers: ['notification'] },
  /**
   * No longer emitted: identity's mails are sent by the notification service from the two events
   * above. It carried the link in the clear; kept only as the events kit's own sample event.
   */
  'identity.email_requested': {
    schema: z.object({
      to: z.email(),
      template: z.enum(['verify_email', 'reset_password']),
      link: z.url(),
    }),
    subscribers: ['identity'],
  },

  /** A brand created or changed its public profile text; the moderation queue reviews it. */
  'brand.profile_changed': {
    schema: z.object({ brandId: z.uuid(), profile: brandProfileSnapshot }),
    subscribers: ['admin'],
  },
  'brand.verification_requested': {
    schema: z.object({
      brandId: z.uuid(),
      companyName: z.string(),
      documentCount: z.number().int(),
    }),
    subscribers: [],
  },
  'brand.verified': {
    schema: z.object({ brandId: z.uuid(), companyName: z.string(), verifiedBy: z.uuid() }),
    subscribers: ['notification'],
  },
  'brand.rejected': {
    schema: z.object({
      brandId: z.uuid(),
      companyName: z.string(),
      reason: z.string(),
      rejectedBy: z.uuid(),
    }),
    subscribers: ['notification'],
  },

  'streamer.onboarded': {
    schema: z.object({ streamerId: z.uuid(), displayName: z.string() }),
    subscribers: [],
  },
  /** A streamer created or changed their public profile; the moderation queue reviews it. */
  'streamer.profile_changed': {
    schema: z.object({ streamerId: z.uuid(), profile: streamerProfileSnapshot }),
    subscribers: ['admin'],
  },
  /**
   * What campaign targeting matches the streamer on changed (profile or platform metrics); `version`
   * counts up per streamer, so an older copy arriving late changes nothing.
   */
  'streamer.targeting_changed': {
    schema: z.object({
      streamerId: z.uuid(),
      categories: z.array(z.string()),
      language: z.string(),
      country: z.string(),
      followers: z.number().int().nonnegative(),
      averageViewers: z.number().int().nonnegative(),
      version: z.number().int().nonnegative(),
    }),
    subscribers: ['campaign'],
  },
  'streamer.platform_connected': {
    schema: z.object({
      streamerId: z.uuid(),
      platform: z.enum(['twitch', 'youtube', 'tiktok', 'facebook']),
      channelId: z.string(),
    }),
    subscribers: [],
  },
  'streamer.verification_requested': {
    schema: z.object({
      streamerId: z.uuid(),
      displayName: z.string(),
      channelCount: z.number().int(),
    }),
    subscribers: [],
  },
  'streamer.verified': {
    schema: z.object({ streamerId: z.uuid(), displayName: z.string(), verifiedBy: z.uuid() }),
    subscribers: ['notification'],
  },
  'streamer.verification_rejected': {
    schema: z.object({
      streamerId: z.uuid(),
      displayName: z.string(),
      reason: z.string(),
      rejectedBy: z.uuid(),
    }),
    subscribers: ['notification'],
  },
  /** Live or not, and the live viewers across platforms; sent when either changes at a sync. */
  'streamer.live_status_changed': {
    // Events queued before `viewers` existed read as 0 viewers.
    schema: z.object({
      streamerId: z.uuid(),
      live: z.boolean(),
      viewers: z.number().int().nonnegative().default(0),
    }),
    subscribers: ['overlay', 'analytics'],
  },

  'campaign.submitted': { schema: campaignRef, subscribers: ['notification'] },
  /** The creative a campaign goes to review with, for the moderation queue. */
  'campaign.creative_submitted': {
    schema: campaignRef.extend({ creative: campaignCreative }),
    subscribers: ['admin', 'notification'],
  },
  /** A streamer reported a campaign's creative; carries the creative as the streamer saw it. */
  'campaign.content_reported': {
    schema: campaignRef.extend({
      reportId: z.uuid(),
      streamerId: z.uuid(),
      reason: z.enum(['inappropriate', 'misleading', 'offensive', 'broken', 'other']),
      details: z.string().nullable(),
      creative: campaignCreative,
    }),
    subscribers: ['admin'],
  },
  'campaign.approved': {
    schema: campaignRef.extend({ approvedBy: z.uuid() }),
    subscribers: ['notification'],
  },
  'campaign.rejected': {
    schema: campaignRef.extend({ rejectedBy: z.uuid(), reason: z.string() }),
    subscribers: ['payment', 'notification'],
  },
  /** Approved and its start time reached (or approved after it): streamers can join. */
  'campaign.launched': { schema: campaignRef, subscribers: ['notification'] },
  'campaign.paused': {
    schema: campaignRef.extend({ by: z.enum(['brand', 'admin']) }),
    subscribers: ['participation', 'overlay', 'notification'],
  },
  'campaign.resumed': { schema: campaignRef, subscribers: ['participation', 'overlay', 'notification'] },
  'campaign.completed': {
    schema: campaignRef.extend({
      reason: z.enum([
        'budget_spent',
        'target_reached',
        'end_date',
        'inactive',
        'ended_by_brand',
        'ended_by_admin',
      ]),
    }),
    subscribers: ['participation', 'overlay', 'payment', 'notification', 'streamer'],
  },
  'campaign.cancelled': {
    schema: campaignRef.extend({ by: z.enum(['brand', 'admin']) }),
    subscribers: ['participation', 'overlay', 'payment', 'notification'],
  },

  'participation.applied': { schema: participationRef, subscribers: ['notification'] },
  'participation.approved': {
    schema: participationRef,
    subscribers: ['campaign', 'overlay', 'analytics', 'notification', 'streamer'],
  },
  'participation.rejected': {
    schema: participationRef.extend({ reason: z.string() }),
    subscribers: ['notification'],
  },
  'participation.joined': {
    schema: participationRef,
    subscribers: ['campaign', 'overlay', 'analytics', 'streamer'],
  },
  'participation.paused': {
    schema: participationRef,
    subscribers: ['campaign', 'overlay', 'analytics'],
  },
  'participation.resumed': {
    schema: participationRef,
    subscribers: ['campaign', 'overlay', 'analytics'],
  },
  'participation.left': {
    schema: participationRef,
    subscribers: ['campaign', 'overlay', 'analytics', 'streamer'],
  },
  'participation.removed': {
    schema: participationRef.extend({
      reason: z.enum(['violation', 'fraud', 'admin_decision', 'brand_decision']),
      forfeitEarnings: z.boolean(),
      removedBy: z.uuid(),
    }),
    subscribers: ['campaign', 'overlay', 'analytics', 'notification', 'streamer'],
  },

  /** Counted delivery of one participation in one clock hour (UTC), for billing; re-sent with new totals when late events change the hour. */
  'analytics.participation_hour_counted': {
    schema: z.object({
      participationId: z.uuid(),
      campaignId: z.uuid(),
      streamerId: z.uuid(),
      hourStart: z.iso.datetime(),
      impressions: z.number().int().nonnegative(),
      clicks: z.number().int().nonnegative(),
      /** Increases with every re-count of the hour, so a consumer keeps the newest. */
      revision: z.number().int().positive(),
    }),
    subscribers: ['payment', 'streamer'],
  },

  // Money (the payment service). Amounts are integer cents of `currency`.
  'payment.deposit_received': {
    schema: money.extend({ brandId: z.uuid(), amountCents: cents, paymentIntentId: z.string() }),
    subscribers: ['notification'],
  },
  /**
   * A card payment for the brand's wallet failed (Stripe's `payment_intent.payment_failed`): once
   * per failed attempt. `source` tells a Checkout top-up from an automatic one.
   */
  'payment.topup_failed': {
    schema: money.extend({
      brandId: z.uuid(),
      paymentIntentId: z.string(),
      amountCents: cents,
      source: z.enum(['checkout', 'auto_top_up']),
      /** Stripe's decline or error code, e.g. `card_declined`, `insufficient_funds`. */
      code: z.string(),
      /** Stripe's message for the person paying. */
      reason: z.string(),
    }),
    subscribers: ['notification'],
  },
  'payment.budget_reserved': {
    schema: money.extend({
      campaignId: z.uuid(),
      brandId: z.uuid(),
      reservedCents: cents,
      budgetCents: cents,
    }),
    subscribers: [],
  },
  'payment.budget_released': {
    schema: money.extend({
      campaignId: z.uuid(),
      brandId: z.uuid(),
      releasedCents: cents,
      reason: z.enum(['budget_lowered', 'completed', 'cancelled', 'rejected']),
    }),
    subscribers: [],
  },
  /** After every charge of a campaign: its total spend so far (never decreases) and what is left. */
  'payment.campaign_charged': {
    schema: z.object({
      campaignId: z.uuid(),
      brandId: z.uuid(),
      spentCents: cents,
      remainingCents: cents,
    }),
    subscribers: ['campaign'],
  },
  'payment.earnings_credited': {
    schema: money.extend({
      streamerId: z.uuid(),
      campaignId: z.uuid(),
      amountCents: cents,
      availableAt: z.iso.datetime(),
    }),
    subscribers: ['notification'],
  },
  'payment.earnings_available': {
    schema: money.extend({ streamerId: z.uuid(), amountCents: cents }),
    subscribers: ['notification'],
  },
  'payment.withdrawal_requested': {
    schema: money.extend({ withdrawalId: z.uuid(), streamerId: z.uuid(), amountCents: cents }),
    subscribers: [],
  },
  'payment.withdrawal_paid': {
    schema: money.extend({ withdrawalId: z.uuid(), streamerId: z.uuid(), amountCents: cents }),
    subscribers: ['notification'],
  },
  'payment.withdrawal_failed': {
    schema: money.extend({
      withdrawalId: z.uuid(),
      streamerId: z.uuid(),
      amountCents: cents,
      reason: z.string(),
    }),
    subscribers: ['notification'],
  },
  'payment.wallet_low': {
    schema: money.extend({ brandId: z.uuid(), availableCents: cents, reason: z.string() }),
    subscribers: ['notification'],
  },
  'payment.dispute_opened': {
    schema: money.extend({
      disputeId: z.string(),
      brandId: z.uuid(),
      amountCents: cents,
      heldCents: cents,
    }),
    subscribers: ['notification'],
  },
  'payment.dispute_closed': {
    schema: money.extend({
      disputeId: z.string(),
      brandId: z.uuid(),
      outcome: z.enum(['won', 'lost']),
      heldCents: cents,
    }),
    subscribers: ['notification'],
  },
  // Disputes between a brand and a streamer over a participation (not Stripe chargebacks).
  'payment.participation_dispute_opened': {
    schema: money.extend({
      disputeId: z.uuid(),
      participationId: z.uuid(),
      campaignId: z.uuid(),
      brandId: z.uuid(),
      streamerId: z.uuid(),
      openedBy: z.enum(['brand', 'streamer']),
      heldCents: cents,
    }),
    subscribers: ['notification'],
  },
  'payment.participation_dispute_resolved': {
    schema: money.extend({
      disputeId: z.uuid(),
      participationId: z.uuid(),
      campaignId: z.uuid(),
      brandId: z.uuid(),
      streamerId: z.uuid(),
      outcome: z.enum(['release', 'refund', 'split']),
      streamerCents: cents,
      brandCents: cents,
    }),
    subscribers: ['notification'],
  },
  'payment.refund_issued': {
    schema: money.extend({ refundId: z.string(), brandId: z.uuid(), amountCents: cents }),
    subscribers: ['notification'],
  },
  /** The reconciliation job found the ledger and Stripe disagreeing (details in the stored run). */
  'payment.reconciliation_differences': {
    schema: z.object({ runId: z.uuid(), differenceCount: z.number().int().positive() }),
    subscribers: [],
  },

  /**
   * One admin action anywhere, written by `recordAdminAction` in the transaction of the change; the
   * admin service chains it into the audit log. `personal` and `reason` (free text that may name
   * people) are stored beside the hashed entry so they can be erased.
   */
  'admin.action_recorded': { schema: adminActionSchema, subscribers: ['admin'] },
  /** A moderator found the content acceptable; it leaves the queue (a profile's owner clears a rejection). */
  'moderation.content_approved': { schema: moderatedContent, subscribers: ['brand', 'streamer', 'asset'] },
  /** A moderator refused the content; the service owning it takes it out of sight. */
  'moderation.content_rejected': {
    schema: moderatedContent.extend({ reason: z.string() }),
    subscribers: ['campaign', 'brand', 'streamer', 'notification', 'asset'],
  },
  /**
   * An uploaded file passed its checks (bytes match the claim, within its use's limits): usable. A
   * campaign creative goes to the moderation queue with what it shows (URLs only for public files).
   */
  'asset.ready': {
    schema: z.object({
      assetId: z.uuid(),
      ownerId: z.uuid(),
      use: z.string(),
      kind: z.enum(['image', 'video', 'document']),
      name: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int().nonnegative(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
      durationMs: z.number().int().nullable(),
      url: z.string().nullable(),
      renditionUrl: z.string().nullable(),
      thumbnailUrl: z.string().nullable(),
      /** When the check passed it: the moderation queue's submission time. */
      checkedAt: z.iso.datetime(),
    }),
    subscribers: ['admin'],
  },
  /** An uploaded file failed its checks; it was deleted at the store. */
  'asset.refused': {
    schema: z.object({ assetId: z.uuid(), ownerId: z.uuid(), use: z.string(), reason: z.string() }),
    subscribers: [],
  },
  /** The owner deleted the file; it is no longer served (a pending creative leaves the moderation queue). */
  'asset.deleted': {
    schema: z.object({ assetId: z.uuid(), ownerId: z.uuid(), use: z.string() }),
    subscribers: ['admin'],
  },
  /** Moderation approved an uploaded creative: a campaign can go to review with it. */
  'asset.approved': {
    schema: z.object({ assetId: z.uuid(), ownerId: z.uuid() }),
    subscribers: [],
  },
  /** Moderation rejected an uploaded creative (the moderator's reason): no campaign can take it. */
  'asset.rejected': {
    schema: z.object({ assetId: z.uuid(), ownerId: z.uuid(), reason: z.string() }),
    subscribers: [],
  },
  /** The platform configuration changed (a new version); readers refresh their cached copy. */
  'config.changed': {
    schema: z.object({
      version: z.number().int().positive(),
      values: z.record(z.string(), z.json()),
      changedKeys: z.array(z.string()),
    }),
    subscribers: ['payment', 'participation', 'analytics', 'campaign'],
  },
} satisfies Record<string, { schema: z.ZodType; subscribers: readonly string[] }>;

export type EventType = keyof typeof eventCatalogue;
export type EventPayload<T extends EventType> = z.infer<(typeof eventCatalogue)[T]['schema']>;

export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  payload: EventPayload<T>;
  occurredAt: string;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

export function subscribersOf(type: EventType): readonly string[] {
  return eventCatalogue[type].subscribers;
}

/** Validates a payload against its catalogue schema; throws a ZodError naming the bad fields. */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  return eventCatalogue[type].schema.parse(payload) as EventPayload<T>;
}
