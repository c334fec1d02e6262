import { z } from 'zod';
import {
  DISTINCT_DOCUMENTS_MESSAGE,
  distinctDocumentAssets,
  documentAssetIdSchema,
} from './documents';
import { pageInputSchema } from './pagination';
import {
  countSchema,
  idSchema,
  lineTextSchema,
  opaqueStringSchema,
  paragraphTextSchema,
  searchTextSchema,
} from './primitives';
import {
  clockTimeSchema,
  contentCategorySchema,
  countrySchema,
  languageSchema,
  streamingPlatformSchema,
  timeZoneSchema,
  weekdaySchema,
} from './vocabulary';

// Input schemas of the streamer service; the portals validate their forms with the same ones.

export const contentRatings = [
  { id: 'everyone', label: 'Everyone' },
  { id: 'teen', label: 'Teen' },
  { id: 'mature', label: 'Mature' },
] as const;
export const contentRatingSchema = z.enum(['everyone', 'teen', 'mature'], {
  error: 'Choose a content rating',
});
export type ContentRating = z.infer<typeof contentRatingSchema>;

export const MAX_SECONDARY_CATEGORIES = 5;

export const streamerDisplayNameSchema = lineTextSchema({
  what: 'your display name',
  min: 2,
  max: 50,
  tooShort: 'Use at least 2 characters',
  tooLong: 'Use at most 50 characters',
});

export const streamerContentSchema = z
  .object({
    primaryCategory: contentCategorySchema,
    secondaryCategories: z
      .array(contentCategorySchema)
      .max(
        MAX_SECONDARY_CATEGORIES,
        `Choose at most ${MAX_SECONDARY_CATEGORIES} secondary categories`,
      )
      .default([]),
    language: languageSchema,
    rating: contentRatingSchema,
  })
  .superRefine((content, issues) => {
    if (new Set(content.secondaryCategories).size !== content.secondaryCategories.length) {
      issues.addIssue({
        code: 'custom',
        path: ['secondaryCategories'],
        message: 'Choose each category once',
      });
    }
    if (content.secondaryCategories.includes(content.primaryCategory)) {
      issues.addIssue({
        code: 'custom',
        path: ['secondaryCategories'],
        message: 'Your primary category is already included; pick other ones here',
      });
    }
  });
export type StreamerContentInput = z.input<typeof streamerContentSchema>;

/** Days and a daily window in the streamer's own time zone; an end before the start runs past midnight. */
export const streamingScheduleSchema = z
  .object({
    days: z.array(weekdaySchema).max(7),
    startTime: clockTimeSchema,
    endTime: clockTimeSchema,
  })
  .superRefine((schedule, issues) => {
    if (new Set(schedule.days).size !== schedule.days.length) {
      issues.addIssue({ code: 'custom', path: ['days'], message: 'Choose each day once' });
    }
    if (schedule.startTime === schedule.endTime) {
      issues.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'The end time must differ from the start time',
      });
    }
  });
export type StreamingScheduleInput = z.input<typeof streamingScheduleSchema>;

export const streamerDemographicsSchema = z.object({
  country: countrySchema,
  timezone: timeZoneSchema,
  streamingSchedule: streamingScheduleSchema.nullable().default(null),
});
export type StreamerDemographicsInput = z.input<typeof streamerDemographicsSchema>;

export const onboardStreamerInput = z.object({
  displayName: streamerDisplayNameSchema,
  content: streamerContentSchema,
  demographics: streamerDemographicsSchema,
});
export type OnboardStreamerInput = z.input<typeof onboardStreamerInput>;

/** Any one section or several; a section given is replaced whole. */
export const updateStreamerProfileInput = z
  .object({
    displayName: streamerDisplayNameSchema.optional(),
    content: streamerContentSchema.optional(),
    demographics: streamerDemographicsSchema.optional(),
  })
  .refine((update) => update.displayName !== undefined || update.content || update.demographics, {
    error: 'Change at least one section',
  });
export type UpdateStreamerProfileInput = z.input<typeof updateStreamerProfileInput>;

/** Null clears the schedule. */
export const setStreamingScheduleInput = z.object({ schedule: streamingScheduleSchema.nullable() });

export const payoutMethodSchema = z.enum(['bank', 'paypal', 'crypto']);
export type PayoutMethod = z.infer<typeof payoutMethodSchema>;

export const cryptoPayoutCurrencies = ['USDC', 'BTC', 'ETH'] as const;

export const setPayoutInput = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('bank'),
    accountHolder: lineTextSchema({
      what: 'the account holder’s name',
      min: 2,
      max: 120,
      tooShort: 'Enter the account holder’s name',
    }),
    iban: z
      .string({ error: 'Enter your IBAN' })
      .max(64, 'Enter a valid IBAN, e.g. DE89 3704 0044 0532 0130 00')
      .transform((iban) => iban.replace(/\s+/g, '').toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/,
            'Enter a valid IBAN, e.g. DE89 3704 0044 0532 0130 00',
          ),
      ),
  }),
  z.object({
    method: z.literal('paypal'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ error: 'Enter your PayPal email address' })),
  }),
  z.object({
    method: z.literal('crypto'),
    currency: z.enum(cryptoPayoutCurrencies, { error: 'Choose a currency' }),
    address: z
      .string()
      .max(200)
      .trim()
      .regex(/^[A-Za-z0-9:]{20,100}$/, 'Enter a wallet address (20–100 letters and digits)'),
  }),
]);
export type SetPayoutInput = z.input<typeof setPayoutInput>;

export const streamerIdInput = z.object({ streamerId: idSchema('streamer') });
export const streamerMetricsInput = z
  .object({ streamerId: idSchema('streamer').optional() })
  .default({});

export const streamerSearchSorts = ['followers', 'averageViewers', 'newest'] as const;
export const streamerSearchSortSchema = z.enum(streamerSearchSorts);
export type StreamerSearchSort = z.infer<typeof streamerSearchSortSchema>;

export const searchStreamersInput = pageInputSchema.extend({
  /** Streamers in ANY of these (primary or secondary). Empty: every category. */
  categories: z.array(contentCategorySchema).max(20).default([]),
  languages: z.array(languageSchema).max(20).default([]),
  countries: z.array(countrySchema).max(40).default([]),
  minFollowers: z.number().int().nonnegative().max(1_000_000_000).optional(),
  minAverageViewers: z.number().int().nonnegative().max(10_000_000).optional(),
  /** Reputation points (RP) at least this: campaigns completed cleanly, less removals for fraud. */
  minReputation: countSchema({ what: 'minimum reputation', max: 1_000_000_000 }).optional(),
  liveOnly: z.boolean().default(false),
  /** Matches display names and channel names. */
  query: searchTextSchema(100),
  sort: streamerSearchSortSchema.default('followers'),
});
export type SearchStreamersInput = z.input<typeof searchStreamersInput>;

/** Where the platform sends the streamer back after OAuth; checked against the portal's origin by the service. */
const redirectUriSchema = lineTextSchema({ what: 'the return address', min: 1, max: 500 }).pipe(
  z.url(),
);

/** Platforms we can connect through OAuth today. */
export const connectablePlatforms = ['twitch', 'youtube'] as const;
export const connectablePlatformSchema = z.enum(connectablePlatforms);
export type ConnectablePlatform = z.infer<typeof connectablePlatformSchema>;

export const platformAuthorizationUrlInput = z.object({
  platform: connectablePlatformSchema,
  redirectUri: redirectUriSchema,
});
export const connectPlatformInput = z.object({
  platform: connectablePlatformSchema,
  code: opaqueStringSchema({ what: 'authorization code', max: 2000 }),
  state: opaqueStringSchema({ what: 'sign-in state', min: 16, max: 200 }),
  redirectUri: redirectUriSchema,
});
export const disconnectPlatformInput = z.object({ platform: streamingPlatformSchema });

export const streamerIdsInput = z.object({ streamerIds: z.array(idSchema('streamer')).max(200) });
/** Most streamers one `streamer.internal.profiles` call answers for. */
export const MAX_STREAMER_IDS_PER_CALL = 200;

/**
 * Who a streamer is to other services (`streamer.internal.profiles` answers at least this): the
 * name they go by and their main channel, e.g. for naming them in a brand's exports.
 */
export const streamerNameplateSchema = z.object({
  streamerId: z.uuid(),
  displayName: z.string(),
  channelUrl: z.string().nullable(),
});
export type StreamerNameplate = z.infer<typeof streamerNameplateSchema>;

// Streamer verification: a streamer with a connected channel asks, an admin with
// `canVerifyStreamers` decides.

export const streamerVerificationStatuses = [
  'unverified',
  'pending',
  'verified',
  'rejected',
] as const;
export const streamerVerificationStatusSchema = z.enum(streamerVerificationStatuses);
export type StreamerVerificationStatus = z.infer<typeof streamerVerificationStatusSchema>;

/** What a KYC document shows (optional evidence beside the connected channels). */
export const kycDocumentKinds = [
  { id: 'identity', label: 'Identity document' },
  { id: 'address', label: 'Proof of address' },
  { id: 'other', label: 'Other' },
] as const;
export type KycDocumentKind = (typeof kycDocumentKinds)[number]['id'];
export const kycDocumentKindSchema = z.enum(
  kycDocumentKinds.map((kind) => kind.id) as [KycDocumentKind, ...KycDocumentKind[]],
  { error: 'Choose what kind of document this is' },
);

/** One KYC document: what it is, and the streamer's own upload (`kycDocument`, checked and ready). */
export const kycDocumentSchema = z.object({
  kind: kycDocumentKindSchema,
  assetId: documentAssetIdSchema,
});
export type KycDocument = z.infer<typeof kycDocumentSchema>;

export const MAX_KYC_DOCUMENTS = 5;

export const requestStreamerVerificationInput = z
  .object({
    note: paragraphTextSchema({ what: 'the note', max: 1000 }).optional(),
    /** Optional: the channels are the main evidence. */
    documents: z
      .array(kycDocumentSchema, { error: 'List the documents' })
      .max(MAX_KYC_DOCUMENTS, `Add at most ${MAX_KYC_DOCUMENTS} documents`)
      .refine(distinctDocumentAssets, DISTINCT_DOCUMENTS_MESSAGE)
      .default([]),
  })
  .default({ documents: [] });
export type RequestStreamerVerificationInput = z.input<typeof requestStreamerVerificationInput>;

export const rejectStreamerVerificationInput = streamerIdInput.extend({
  reason: paragraphTextSchema({
    what: 'the reason',
    min: 5,
    max: 1000,
    required: 'Say why the verification is rejected',
    tooShort: 'Say why in at least 5 characters, so the streamer knows what to fix',
  }),
});
export type RejectStreamerVerificationInput = z.input<typeof rejectStreamerVerificationInput>;

/** The admins' queue: requests in one status (waiting ones by default), oldest first. */
export const listStreamerVerificationsInput = pageInputSchema.extend({
  status: z.enum(['pending', 'verified', 'rejected']).default('pending'),
});
export type ListStreamerVerificationsInput = z.input<typeof listStreamerVerificationsInput>;
