import { z } from 'zod';

const centsOut = z.number().int().nonnegative();

/** A participation dispute as its parties see it. */
export const participationDisputeOutput = z.object({
  id: z.string(),
  participationId: z.string(),
  campaignId: z.string(),
  brandId: z.string(),
  streamerId: z.string(),
  openedBy: z.enum(['brand', 'streamer']),
  reason: z.string(),
  evidenceText: z.string(),
  evidenceLinks: z.array(z.string()),
  responseText: z.string().nullable(),
  responseLinks: z.array(z.string()),
  respondedAt: z.date().nullable(),
  currency: z.string(),
  heldCents: centsOut,
  heldPendingCents: centsOut,
  heldAvailableCents: centsOut,
  status: z.enum(['open', 'resolved']),
  outcome: z.enum(['release', 'refund', 'split']).nullable(),
  streamerCents: centsOut.nullable(),
  brandCents: centsOut.nullable(),
  resolutionReason: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const adminParticipationDisputeOutput = participationDisputeOutput.extend({
  resolvedBy: z.string().nullable(),
});

export const participationDisputePageOutput = z.object({
  items: z.array(participationDisputeOutput),
  nextCursor: z.string().nullable(),
});

export const adminParticipationDisputePageOutput = z.object({
  items: z.array(adminParticipationDisputeOutput),
  nextCursor: z.string().nullable(),
});

export const openedDisputeOutput = z.object({ disputeId: z.string(), heldCents: centsOut });

export const resolvedDisputeOutput = z.object({
  disputeId: z.string(),
  status: z.literal('resolved'),
  outcome: z.enum(['release', 'refund', 'split']),
  streamerCents: centsOut,
  brandCents: centsOut,
});
