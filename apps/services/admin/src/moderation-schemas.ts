import {
  contentReportReasonSchema,
  creativeTypeSchema,
  moderationKindSchema,
  moderationStatusSchema,
} from '@gametriggers/contracts';
import { z } from 'zod';

/** A campaign creative as its item holds it (the `campaign.creative_submitted` event's content). */
export const creativeContentSchema = z.object({
  type: creativeTypeSchema,
  url: z.string(),
  altText: z.string().nullable(),
  clickThroughUrl: z.string(),
  description: z.string(),
  submittedAt: z.iso.datetime(),
});

export const moderationItemOutput = z.object({
  id: z.string(),
  kind: moderationKindSchema,
  subjectId: z.string(),
  ownerId: z.string(),
  title: z.string(),
  content: creativeContentSchema,
  contentSubmittedAt: z.date(),
  status: moderationStatusSchema,
  reportCount: z.number().int(),
  lastReportedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.date(),
});

export const moderationPageOutput = z.object({
  items: z.array(moderationItemOutput),
  nextCursor: z.string().nullable(),
});

export const moderationItemDetailOutput = moderationItemOutput.extend({
  reports: z.array(
    z.object({
      id: z.string(),
      reporterId: z.string(),
      reason: contentReportReasonSchema,
      details: z.string().nullable(),
      reportedAt: z.date(),
    }),
  ),
});
