import { z } from 'zod';
import { pageInputSchema } from './pagination';
import { centsSchema } from './primitives/amounts';
import { idSchema } from './primitives/ids';
import { httpsUrlSchema, lineTextSchema, paragraphTextSchema } from './primitives/text';

// Disputes between a brand and a streamer over one participation's earnings (the payment service,
// `payment.disputes.*`). Not Stripe chargebacks, which are `payment.dispute_*`.

export const PARTICIPATION_DISPUTE_STATUSES = ['open', 'resolved'] as const;
export type ParticipationDisputeStatus = (typeof PARTICIPATION_DISPUTE_STATUSES)[number];

/** Release the held money to the streamer, refund it to the brand's wallet, or split it. */
export const PARTICIPATION_DISPUTE_OUTCOMES = ['release', 'refund', 'split'] as const;
export type ParticipationDisputeOutcome = (typeof PARTICIPATION_DISPUTE_OUTCOMES)[number];

export const MAX_EVIDENCE_LINKS = 5;

/** What a party says: the text and up to five links (files come with the asset service). */
export const disputeEvidenceSchema = z.object({
  evidenceText: paragraphTextSchema({ what: 'your evidence', min: 1, max: 4000 }),
  evidenceLinks: z
    .array(httpsUrlSchema({ what: 'the link' }), { error: 'Links are a list of addresses' })
    .max(MAX_EVIDENCE_LINKS, `Add at most ${MAX_EVIDENCE_LINKS} links`)
    .default([]),
});

/** `payment.disputes.brand.open` / `payment.disputes.streamer.open`. */
export const openParticipationDisputeInputSchema = disputeEvidenceSchema.extend({
  participationId: idSchema('participation'),
  reason: lineTextSchema({ what: 'the reason', min: 1, max: 200 }),
});
export type OpenParticipationDisputeInput = z.input<typeof openParticipationDisputeInputSchema>;
export type OpenParticipationDisputeRequest = z.output<typeof openParticipationDisputeInputSchema>;

export const participationDisputeIdInputSchema = z.object({ disputeId: idSchema('dispute') });

/** `…respond`: the other party's side, once, while the dispute is open. */
export const respondToParticipationDisputeInputSchema = disputeEvidenceSchema.extend({
  disputeId: idSchema('dispute'),
});
export type RespondToParticipationDisputeRequest = z.output<
  typeof respondToParticipationDisputeInputSchema
>;

/** `…listMine`: the caller's disputes, newest first. */
export const myParticipationDisputesInputSchema = pageInputSchema.extend({
  campaignId: idSchema('campaign').optional(),
  participationId: idSchema('participation').optional(),
});

/** The columns the admins' dispute queue sorts by: opened at, amount held, status. */
export const participationDisputeSortKeys = ['createdAt', 'heldCents', 'status'] as const;
export const participationDisputeSortKeySchema = z.enum(participationDisputeSortKeys, {
  error: 'Sort by createdAt, heldCents or status',
});
export type ParticipationDisputeSortKey = z.infer<typeof participationDisputeSortKeySchema>;

/** `payment.disputes.admin.list`: the queue (by default the open ones, oldest first), sorted and filtered. */
export const participationDisputeQueueInputSchema = pageInputSchema.extend({
  status: z
    .enum([...PARTICIPATION_DISPUTE_STATUSES, 'all'], { error: 'Choose open, resolved or all' })
    .default('open'),
  openedBy: z.enum(['brand', 'streamer'], { error: 'Choose brand or streamer' }).optional(),
  brandId: idSchema('brand').optional(),
  streamerId: idSchema('streamer').optional(),
  sortBy: participationDisputeSortKeySchema.default('createdAt'),
  direction: z.enum(['asc', 'desc'], { error: 'Choose asc or desc' }).default('asc'),
});
export type ParticipationDisputeQueueInput = z.input<typeof participationDisputeQueueInputSchema>;

/**
 * `payment.disputes.admin.resolve`. A split names what the streamer receives; the brand's wallet
 * receives the rest of what is held (so rounding happens in one place: the admin's figure).
 */
export const resolveParticipationDisputeInputSchema = z
  .object({
    disputeId: idSchema('dispute'),
    outcome: z.enum(PARTICIPATION_DISPUTE_OUTCOMES, { error: 'Choose release, refund or split' }),
    streamerShareCents: centsSchema.optional(),
    reason: lineTextSchema({ what: 'the reason', min: 1, max: 500 }),
  })
  .refine((input) => input.outcome !== 'split' || input.streamerShareCents !== undefined, {
    message: 'Enter the amount the streamer receives',
    path: ['streamerShareCents'],
  });
export type ResolveParticipationDisputeInput = z.input<
  typeof resolveParticipationDisputeInputSchema
>;
