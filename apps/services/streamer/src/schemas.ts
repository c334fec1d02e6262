import {
  attachedDocumentSchema,
  contentCategorySchema,
  contentRatingSchema,
  countrySchema,
  kycDocumentKindSchema,
  languageSchema,
  payoutMethodSchema,
  profileModerationSchema,
  streamerVerificationStatusSchema,
  streamingPlatformSchema,
  weekdaySchema,
} from '@gametriggers/contracts';
import { z } from 'zod';

// Output schemas: explicit, so tokens and payout details can never leave by accident.

const count = z.number().int().nonnegative();

export const platformMetricsOutput = z.object({
  followers: count,
  averageViewers: count,
  totalViews: count,
  monthlyHours: count,
});

export const connectedPlatformOutput = z.object({
  platform: streamingPlatformSchema,
  username: z.string(),
  channelId: z.string(),
  channelUrl: z.string(),
  verified: z.boolean(),
  live: z.boolean(),
  metrics: platformMetricsOutput,
  lastSyncedAt: z.date().nullable(),
  connectedAt: z.date(),
});
export type ConnectedPlatformOutput = z.infer<typeof connectedPlatformOutput>;

export const streamingScheduleOutput = z.object({
  days: z.array(weekdaySchema),
  startTime: z.string(),
  endTime: z.string(),
});

export const payoutSummaryOutput = z.object({
  method: payoutMethodSchema,
  /** e.g. `•••• 4821` or `p•••@example.com`; never the details themselves. */
  hint: z.string(),
});

/** Best across platforms. */
export const headlineMetricsOutput = z.object({
  followers: count,
  averageViewers: count,
  live: z.boolean(),
});

export const streamerProfileOutput = z.object({
  streamerId: z.uuid(),
  displayName: z.string(),
  content: z.object({
    primaryCategory: contentCategorySchema,
    secondaryCategories: z.array(contentCategorySchema),
    language: languageSchema,
    rating: contentRatingSchema,
  }),
  demographics: z.object({
    country: countrySchema,
    timezone: z.string(),
    streamingSchedule: streamingScheduleOutput.nullable(),
  }),
  payout: payoutSummaryOutput.nullable(),
  metrics: headlineMetricsOutput,
  platforms: z.array(connectedPlatformOutput),
  /** Where the public profile stands with moderation; null for a profile never sent to it. */
  profileModeration: profileModerationSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type StreamerProfileOutput = z.infer<typeof streamerProfileOutput>;

export const publicPlatformOutput = z.object({
  platform: streamingPlatformSchema,
  username: z.string(),
  channelUrl: z.string(),
  verified: z.boolean(),
  live: z.boolean(),
  followers: count,
  averageViewers: count,
});

/** What brands and other streamers may see of a streamer. */
export const streamerCardOutput = z.object({
  streamerId: z.uuid(),
  displayName: z.string(),
  primaryCategory: contentCategorySchema,
  categories: z.array(contentCategorySchema),
  language: languageSchema,
  country: countrySchema,
  rating: contentRatingSchema,
  followers: count,
  averageViewers: count,
  live: z.boolean(),
  /** Reputation points (RP): public, so brands can weigh and filter by it. */
  reputation: count,
  platforms: z.array(publicPlatformOutput),
  createdAt: z.date(),
});
export type StreamerCardOutput = z.infer<typeof streamerCardOutput>;

export const streamerMetricsOutput = z.object({
  streamerId: z.uuid(),
  followers: count,
  averageViewers: count,
  live: z.boolean(),
  platforms: z.array(
    platformMetricsOutput.extend({
      platform: streamingPlatformSchema,
      live: z.boolean(),
      lastSyncedAt: z.date().nullable(),
    }),
  ),
});

/** For other services' lists (participants, applicants). */
export const streamerListProfileOutput = z.object({
  streamerId: z.uuid(),
  displayName: z.string(),
  followers: count,
  averageViewers: count,
  live: z.boolean(),
  /** The channel with the most followers; null before any is connected. */
  channelUrl: z.string().nullable(),
});

export const searchPageOutput = z.object({
  items: z.array(streamerCardOutput),
  nextCursor: z.string().nullable(),
});

/** A channel as it stood when a verification request was made. */
const verificationChannelOutput = publicPlatformOutput.omit({ live: true });
export type VerificationChannel = z.infer<typeof verificationChannelOutput>;

export const verificationRequestOutput = z.object({
  id: z.uuid(),
  streamerId: z.uuid(),
  displayName: z.string(),
  channels: z.array(verificationChannelOutput),
  note: z.string().nullable(),
  status: z.enum(['pending', 'verified', 'rejected']),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
  decidedBy: z.uuid().nullable(),
  rejectionReason: z.string().nullable(),
  /** Optional KYC documents: the streamer's uploads, served through `asset.signedUrl`. */
  documents: z.array(
    attachedDocumentSchema.omit({ url: true }).extend({ kind: kycDocumentKindSchema, assetId: z.uuid() }),
  ),
});

export const ownVerificationOutput = z.object({
  status: streamerVerificationStatusSchema,
  latestRequest: verificationRequestOutput.nullable(),
});

export const verificationQueueOutput = z.object({
  items: z.array(verificationRequestOutput),
  nextCursor: z.string().nullable(),
});

export const verificationReviewOutput = z.object({
  status: streamerVerificationStatusSchema,
  streamer: streamerCardOutput,
  requests: z.array(verificationRequestOutput),
});

export const verificationDecisionOutput = z.object({
  streamerId: z.uuid(),
  status: z.enum(['verified', 'rejected']),
  decidedAt: z.date(),
});

const calendarDayOutput = z.iso.date();

/** A streamer's own progression: level and XP, reputation, streaks and the streak calendar. */
export const progressionOutput = z.object({
  streamerId: z.uuid(),
  /** The streamer's time zone: days, streaks and the calendar are its calendar days. */
  timezone: z.string(),
  today: calendarDayOutput,
  level: count,
  experiencePoints: count,
  levelStartsAt: count,
  nextLevelAt: count,
  reputation: count,
  currentStreak: count,
  longestStreak: count,
  countedToday: z.boolean(),
  completedCampaigns: count,
  countedImpressions: count,
  /** Whole weeks from Monday, the last one ending today. */
  calendar: z.array(z.object({ day: calendarDayOutput, counted: z.boolean() })),
  rules: z.object({
    countedImpressionsPerExperiencePoint: count,
    experiencePerCompletedCampaign: count,
    reputationPerCompletedCampaign: count,
    reputationLostPerFraudRemoval: count,
  }),
});
