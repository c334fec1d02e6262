import { z } from 'zod';
import { participationStatusSchema } from './participation';
import { cursorInputSchema } from './primitives/keyset-cursor';
import { idSchema } from './primitives/ids';
import { contentCategorySchema, countrySchema, languageSchema } from './vocabulary';

/**
 * Audiences: the people one event concerns when there may be thousands of them (the streamers a
 * campaign's targeting matches, a campaign's participants). The notification service reads them a
 * page at a time from the service that owns the data (service-token `internal` procedures).
 */

/** Most ids one audience page answers. */
export const MAX_AUDIENCE_PAGE = 1_000;

const audiencePageLimitSchema = z.number().int().min(1).max(MAX_AUDIENCE_PAGE).default(500);

const countAtLeastSchema = z.number().int().min(0).max(1_000_000_000);

/** What a campaign targets: the fields `targetingMismatches` compares (empty languages/regions: any). */
export const campaignTargetingSchema = z.object({
  categories: z.array(contentCategorySchema).min(1).max(20),
  languages: z.array(languageSchema).max(100),
  regions: z.array(countrySchema).max(300),
  minFollowers: countAtLeastSchema,
  minAverageViewers: countAtLeastSchema,
});
export type CampaignTargeting = z.infer<typeof campaignTargetingSchema>;

/** `streamer.internal.matchingStreamers` → the onboarded streamers a campaign's targeting matches, by id. */
export const matchingStreamersInputSchema = z.object({
  targeting: campaignTargetingSchema,
  cursor: cursorInputSchema.optional(),
  limit: audiencePageLimitSchema,
});
export type MatchingStreamersInput = z.input<typeof matchingStreamersInputSchema>;

/** `participation.internal.campaignStreamers` → the streamers of a campaign's participations in these statuses. */
export const campaignStreamersInputSchema = z.object({
  campaignId: idSchema('campaign'),
  statuses: z
    .array(participationStatusSchema)
    .min(1)
    .max(8)
    .refine((list) => new Set(list).size === list.length, { error: 'Each status only once' }),
  cursor: cursorInputSchema.optional(),
  limit: audiencePageLimitSchema,
});
export type CampaignStreamersInput = z.input<typeof campaignStreamersInputSchema>;

/** One page of an audience: streamer ids (identity user ids) in ascending order, and the next page's cursor. */
export const streamerIdPageSchema = z.object({
  streamerIds: z.array(z.uuid()),
  nextCursor: z.string().nullable(),
});
export type StreamerIdPage = z.infer<typeof streamerIdPageSchema>;
