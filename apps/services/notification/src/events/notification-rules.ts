import type { NotificationCategory } from '@gametriggers/contracts';
import { formatCents } from '@gametriggers/contracts';
import type { EventPayload, EventType } from '@gametriggers/events';

/** What one recipient is told: a path on their own portal as the link. */
export interface NoticeText {
  title: string;
  body: string;
  link: string | null;
}

/** What a rule may look up: local projections only, never another service. */
export interface RecipientLookup {
  /** The brand (its owner's user id) of a campaign this service has seen an event of. */
  campaignBrandId(campaignId: string): Promise<string | null>;
  /** A campaign's title, from the same projection. */
  campaignTitle(campaignId: string): Promise<string | null>;
}

/**
 * An email-only notice carrying one of identity's single-use links (verify the address, reset the
 * password): never in the inbox, always sent (its category's email cannot be turned off), to the
 * address the link was issued for. The link is fetched from identity when the mail is sent.
 */
export interface AccountMail<T extends EventType> {
  to: (payload: EventPayload<T>) => string;
  linkId: (payload: EventPayload<T>) => string;
  /** The button's words. */
  action: string;
  /** Under the button: how long the link works, what to do if it was not you. */
  note: string;
}

/**
 * A noisy notice, batched: one recipient's events of the same key within the digest window become
 * one notification (and one email), written for how many there were.
 */
export interface DigestRule<T extends EventType> {
  /** What is batched together for one recipient, e.g. `campaign:<id>`: different keys never merge. */
  key: (payload: EventPayload<T>) => string;
  /** The digest's text, from the newest item's payload. */
  text: (payload: EventPayload<T>, count: number, lookup: RecipientLookup) => Promise<NoticeText>;
}

export interface NotificationRule<T extends EventType> {
  category: NotificationCategory;
  /**
   * Who is told, as identity user ids. Brand and streamer ids are their accounts' user ids, so the
   * payload names the recipients; an empty list tells nobody (e.g. the brand paused its own campaign).
   */
  recipients: (payload: EventPayload<T>, lookup: RecipientLookup) => string[] | Promise<string[]>;
  text: (payload: EventPayload<T>) => NoticeText;
  accountMail?: AccountMail<T>;
  digest?: DigestRule<T>;
}

export type NotificationRules = { [T in EventType]?: NotificationRule<T> };

const money = (cents: number, currency: string) => formatCents(cents, currency);
const quoted = (title: string) => `“${title}”`;
const brand = (payload: { brandId: string }) => [payload.brandId];
const streamer = (payload: { streamerId: string }) => [payload.streamerId];

const completionReasons: Record<EventPayload<'campaign.completed'>['reason'], string> = {
  budget_spent: 'its budget is spent',
  target_reached: 'it reached its target',
  end_date: 'its end date passed',
  inactive: 'it was inactive for too long',
  ended_by_brand: 'you ended it',
  ended_by_admin: 'an administrator ended it',
};

const removalReasons: Record<EventPayload<'participation.removed'>['reason'], string> = {
  violation: 'a rule violation',
  fraud: 'suspected invalid traffic',
  admin_decision: 'an administrator’s decision',
  brand_decision: 'the brand’s decision',
};

const disputeOutcomes: Record<EventPayload<'payment.participation_dispute_resolved'>['outcome'], string> = {
  release: 'the held earnings were released to the streamer',
  refund: 'the held amount was refunded to the brand',
  split: 'the held amount was split',
};

type AccountMailEvent = 'user.email_verification_requested' | 'user.password_reset_requested';

/** One of identity's account mails: to the account's owner, at the address its link was issued for. */
function accountMailRule<T extends AccountMailEvent>(mail: { title: string; body: string; action: string; note: string }): NotificationRule<T> {
  return {
    category: 'security',
    recipients: (p) => [p.userId],
    text: () => ({ title: mail.title, body: mail.body, link: null }),
    accountMail: { to: (p) => p.email, linkId: (p) => p.linkId, action: mail.action, note: mail.note },
  };
}

/**
 * Every platform event that tells someone something: its category, who is told and what. One
 * entry per event type; the consumer subscribes to exactly these (see `notifiedEventTypes`).
 */
export const notificationRules: NotificationRules = {
  // Campaign review (the brand).
  'campaign.submitted': {
    category: 'campaign_review',
    recipients: brand,
    text: (p) => ({
      title: 'Campaign submitted for review',
      body: `${quoted(p.title)} is waiting for review. We will tell you when it is decided.`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },
  'campaign.approved': {
    category: 'campaign_review',
    recipients: brand,
    text: (p) => ({
      title: 'Campaign approved',
      body: `${quoted(p.title)} was approved. It goes live at its start time.`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },
  'campaign.rejected': {
    category: 'campaign_review',
    recipients: brand,
    text: (p) => ({
      title: 'Campaign rejected',
      body: `${quoted(p.title)} was not approved: ${p.reason}`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },

  // Campaign status (the brand; the participating streamers' ids are not in these events).
  'campaign.launched': {
    category: 'campaign_status',
    recipients: brand,
    text: (p) => ({
      title: 'Campaign live',
      body: `${quoted(p.title)} is live: streamers can join it now.`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },
  'campaign.paused': {
    category: 'campaign_status',
    // A brand that paused its own campaign knows; an administrator's pause is news.
    recipients: (p) => (p.by === 'admin' ? [p.brandId] : []),
    text: (p) => ({
      title: 'Campaign paused by an administrator',
      body: `${quoted(p.title)} was paused by an administrator and is not shown on streams.`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },
  'campaign.completed': {
    category: 'campaign_status',
    recipients: (p) => (p.reason === 'ended_by_brand' ? [] : [p.brandId]),
    text: (p) => ({
      title: 'Campaign completed',
      body: `${quoted(p.title)} has ended: ${completionReasons[p.reason]}.`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },
  'campaign.cancelled': {
    category: 'campaign_status',
    recipients: (p) => (p.by === 'admin' ? [p.brandId] : []),
    text: (p) => ({
      title: 'Campaign cancelled by an administrator',
      body: `${quoted(p.title)} was cancelled by an administrator.`,
      link: `/campaigns/${p.campaignId}`,
    }),
  },

  // Applications and participation.
  'participation.applied': {
    category: 'applications',
    recipients: brand,
    text: (p) => ({
      title: 'New applicant',
      body: 'A streamer applied to join your campaign. Review the application.',
      link: `/campaigns/${p.campaignId}`,
    }),
    // Applications come in bursts: one notice per campaign and digest window.
    digest: {
      key: (p) => `campaign:${p.campaignId}`,
      text: async (p, count, lookup) => {
        const title = await lookup.campaignTitle(p.campaignId);
        const campaign = title ? quoted(title) : 'your campaign';
        return count === 1
          ? { title: 'New applicant', body: `A streamer applied to join ${campaign}. Review the application.`, link: `/campaigns/${p.campaignId}` }
          : { title: `${count} new applicants`, body: `${count} streamers applied to join ${campaign}. Review their applications.`, link: `/campaigns/${p.campaignId}` };
      },
    },
  },
  'participation.approved': {
    category: 'applications',
    recipients: streamer,
    text: () => ({
      title: 'Application approved',
      body: 'Your application was approved: the campaign can now run on your stream.',
      link: '/my-campaigns',
    }),
  },
  'participation.rejected': {
    category: 'applications',
    recipients: streamer,
    text: (p) => ({
      title: 'Application not accepted',
      body: `Your application was not accepted: ${p.reason}`,
      link: '/marketplace',
    }),
  },
  'participation.removed': {
    category: 'participation',
    recipients: streamer,
    text: (p) => ({
      title: 'Removed from a campaign',
      body: `You were removed from a campaign because of ${removalReasons[p.reason]}.${
        p.forfeitEarnings ? ' Its unpaid earnings are forfeited.' : ''
      }`,
      link: '/my-campaigns',
    }),
  },

  // Money: the brand's wallet.
  'payment.deposit_received': {
    category: 'money',
    recipients: brand,
    text: (p) => ({
      title: 'Wallet topped up',
      body: `${money(p.amountCents, p.currency)} was added to your wallet.`,
      link: '/billing',
    }),
  },
  'payment.topup_failed': {
    category: 'money',
    // An automatic top-up's failure is told by `payment.wallet_low` (which also says auto top-up was
    // turned off); this tells the brand about a card payment they made themselves.
    recipients: (p) => (p.source === 'checkout' ? [p.brandId] : []),
    text: (p) => ({
      title: 'Top-up failed',
      body: `Your top-up of ${money(p.amountCents, p.currency)} did not go through: ${p.reason} Nothing was charged; try again or use another card.`,
      link: '/billing',
    }),
  },
  'payment.wallet_low': {
    category: 'money',
    recipients: brand,
    text: (p) => ({
      title: 'Wallet running low',
      body: `Your wallet has ${money(p.availableCents, p.currency)} available: ${p.reason}`,
      link: '/billing',
    }),
  },
  'payment.refund_issued': {
    category: 'money',
    recipients: brand,
    text: (p) => ({
      title: 'Refund issued',
      body: `${money(p.amountCents, p.currency)} was refunded to you.`,
      link: '/billing',
    }),
  },
  'payment.dispute_opened': {
    category: 'money',
    recipients: brand,
    text: (p) => ({
      title: 'Card payment disputed',
      body: `A card payment of ${money(p.amountCents, p.currency)} was disputed with your bank; ${money(p.heldCents, p.currency)} is held until it is settled.`,
      link: '/billing',
    }),
  },
  'payment.dispute_closed': {
    category: 'money',
    recipients: brand,
    text: (p) => ({
      title: p.outcome === 'won' ? 'Card dispute settled in your favour' : 'Card dispute lost',
      body:
        p.outcome === 'won'
          ? `The held ${money(p.heldCents, p.currency)} is back in your wallet.`
          : `The held ${money(p.heldCents, p.currency)} went back to the card holder.`,
      link: '/billing',
    }),
  },

  // Money: the streamer's earnings.
  'payment.earnings_credited': {
    category: 'money',
    recipients: streamer,
    text: (p) => ({
      title: 'Earnings credited',
      body: `You earned ${money(p.amountCents, p.currency)}; it becomes available to withdraw on ${p.availableAt.slice(0, 10)}.`,
      link: '/earnings',
    }),
  },
  'payment.earnings_available': {
    category: 'money',
    recipients: streamer,
    text: (p) => ({
      title: 'Earnings available',
      body: `${money(p.amountCents, p.currency)} is now available to withdraw.`,
      link: '/earnings',
    }),
  },
  'payment.withdrawal_paid': {
    category: 'money',
    recipients: streamer,
    text: (p) => ({
      title: 'Withdrawal paid',
      body: `Your withdrawal of ${money(p.amountCents, p.currency)} was paid out.`,
      link: '/earnings',
    }),
  },
  'payment.withdrawal_failed': {
    category: 'money',
    recipients: streamer,
    text: (p) => ({
      title: 'Withdrawal failed',
      body: `Your withdrawal of ${money(p.amountCents, p.currency)} failed: ${p.reason}. The amount is back in your available earnings.`,
      link: '/earnings',
    }),
  },

  // Disputes between a brand and a streamer: the other party hears of an opening, both of the outcome.
  'payment.participation_dispute_opened': {
    category: 'money',
    recipients: (p) => (p.openedBy === 'brand' ? [p.streamerId] : [p.brandId]),
    text: (p) => ({
      title: 'Dispute opened',
      body: `The ${p.openedBy} opened a dispute about a participation; ${money(p.heldCents, p.currency)} is held until an administrator decides.`,
      link: '/disputes',
    }),
  },
  'payment.participation_dispute_resolved': {
    category: 'money',
    recipients: (p) => [p.brandId, p.streamerId],
    text: (p) => ({
      title: 'Dispute resolved',
      body: `An administrator resolved the dispute: ${disputeOutcomes[p.outcome]} (streamer ${money(p.streamerCents, p.currency)}, brand ${money(p.brandCents, p.currency)}).`,
      link: '/disputes',
    }),
  },

  // Verification decisions.
  'brand.verified': {
    category: 'verification',
    recipients: brand,
    text: (p) => ({
      title: 'Brand verified',
      body: `${p.companyName} is verified: your campaigns can be reviewed.`,
      link: '/profile',
    }),
  },
  'brand.rejected': {
    category: 'verification',
    recipients: brand,
    text: (p) => ({
      title: 'Verification not approved',
      body: `${p.companyName} was not verified: ${p.reason}`,
      link: '/profile',
    }),
  },
  'streamer.verified': {
    category: 'verification',
    recipients: streamer,
    text: () => ({ title: 'You are verified', body: 'Your streamer account is verified.', link: '/profile' }),
  },
  'streamer.verification_rejected': {
    category: 'verification',
    recipients: streamer,
    text: (p) => ({ title: 'Verification not approved', body: `Your verification was not approved: ${p.reason}`, link: '/profile' }),
  },

  // Moderation: a rejected creative, uploaded creative (its owner named in the decision) or public
  // profile (a profile's id is its owner's user id).
  'moderation.content_rejected': {
    category: 'moderation',
    recipients: async (p, lookup) => {
      if (p.kind === 'creative_asset') return p.ownerId ? [p.ownerId] : [];
      if (p.kind !== 'campaign_creative') return [p.subjectId];
      const brandId = await lookup.campaignBrandId(p.subjectId);
      return brandId ? [brandId] : [];
    },
    text: (p) => {
      switch (p.kind) {
        case 'campaign_creative':
          return { title: 'Creative rejected', body: `A moderator rejected your campaign’s creative: ${p.reason}`, link: `/campaigns/${p.subjectId}` };
        case 'creative_asset':
          // Uploaded creatives are chosen (and new ones uploaded) in the campaign form.
          return {
            title: 'Creative rejected',
            body: `A moderator rejected your creative${p.title ? ` ${quoted(p.title)}` : ''}; no campaign can use it: ${p.reason}`,
            link: '/campaigns/new',
          };
        default:
          return { title: 'Profile rejected', body: `A moderator hid your public profile: ${p.reason}`, link: '/profile' };
      }
    },
  },

  // Security: identity's account mails (email only, with a single-use link fetched at send time).
  'user.email_verification_requested': accountMailRule({
    title: 'Confirm your email for Gametriggers',
    body: 'Welcome to Gametriggers! Confirm your email address to finish setting up your account.',
    action: 'Confirm email',
    note: 'The link works once and expires in 48 hours. If you did not sign up, ignore this email.',
  }),
  'user.password_reset_requested': accountMailRule({
    title: 'Reset your Gametriggers password',
    body: 'Someone asked to reset the password of your Gametriggers account. Choose a new one with the button below.',
    action: 'Choose a new password',
    note: 'The link works once and expires in 1 hour. If it was not you, ignore this email: your password stays as it is.',
  }),

  // Security: the account's own changes, which a thief could have made.
  'user.password_changed': {
    category: 'security',
    recipients: (p) => [p.userId],
    text: () => ({
      title: 'Your password was changed',
      body: 'Your password was changed and your other devices were signed out. If this was not you, reset your password at once.',
      link: '/settings',
    }),
  },
};

/** The event types this service subscribes to for notifications. */
export const notifiedEventTypes = Object.keys(notificationRules) as EventType[];
