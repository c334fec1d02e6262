import {
  connectPlatformInput,
  disconnectPlatformInput,
  importStreamerProgressionInput,
  listStreamerVerificationsInput,
  matchingStreamersInputSchema,
  rejectStreamerVerificationInput,
  requestStreamerVerificationInput,
  onboardStreamerInput,
  platformAuthorizationUrlInput,
  searchStreamersInput,
  setPayoutInput,
  setStreamingScheduleInput,
  streamerIdInput,
  streamerIdsInput,
  streamerIdPageSchema,
  streamerMatchingProfileSchema,
  streamerTargetingProfileSchema,
  streamerMetricsInput,
  streamingPlatformSchema,
  updateStreamerProfileInput,
} from '@gametriggers/contracts';
import {
  adminActorOf,
  adminProcedure,
  authedProcedure,
  internalProcedure,
  router,
  streamerProcedure,
} from '@gametriggers/trpc';
import { z } from 'zod';
import type { StreamerDeps } from './domain/deps';
import { matchingStreamers } from './domain/matching-streamers';
import { metricsSubjectFor } from './domain/metrics-access';
import { setPayout } from './domain/payout';
import {
  connectPlatform,
  disconnectPlatform,
  ownPlatforms,
  platformAuthorizationUrl,
} from './domain/platform-connections';
import { importProgression, progressionOf } from './domain/progression';
import { onboardStreamer, ownProfile, setSchedule, updateProfile } from './domain/profile';
import {
  listProfiles,
  matchingProfile,
  targetingProfile,
  streamerCard,
  streamerMetrics,
} from './domain/streamer-reads';
import { searchStreamers } from './domain/streamer-search';
import {
  listVerificationRequests,
  ownVerification,
  rejectStreamerVerification,
  requestVerification,
  verificationReview,
  verifyStreamer,
} from './domain/verification';
import { streamerPlatformStats } from './domain/platform-stats';
import { brandOrAdminProcedure } from './procedures';
import {
  connectedPlatformOutput,
  ownVerificationOutput,
  payoutSummaryOutput,
  progressionOutput,
  searchPageOutput,
  streamerCardOutput,
  streamerListProfileOutput,
  streamerMetricsOutput,
  streamerProfileOutput,
  verificationDecisionOutput,
  verificationQueueOutput,
  verificationReviewOutput,
} from './schemas';

export function createStreamerRouter(deps: StreamerDeps) {
  return router({
    streamer: router({
      /** The admin dashboard's streamers: onboarded, live now and their viewers; any admin. */
      platformStats: adminProcedure()
        .output(
          z.object({
            onboarded: z.number().int(),
            liveNow: z.number().int(),
            liveViewers: z.number().int(),
          }),
        )
        .query(() => streamerPlatformStats(deps.db)),

      /** The streamers the admin dashboard ranks, by id; any admin. */
      profilesForAdmin: adminProcedure()
        .input(streamerIdsInput)
        .output(z.array(streamerListProfileOutput))
        .query(({ input }) => listProfiles(deps, input.streamerIds)),

      onboard: streamerProcedure
        .input(onboardStreamerInput)
        .output(streamerProfileOutput)
        .mutation(({ ctx, input }) => onboardStreamer(deps, ctx.caller.userId, input)),

      /** The signed-in streamer's profile without secrets; null before onboarding. */
      me: streamerProcedure
        .output(streamerProfileOutput.nullable())
        .query(({ ctx }) => ownProfile(deps, ctx.caller.userId)),

      updateProfile: streamerProcedure
        .input(updateStreamerProfileInput)
        .output(streamerProfileOutput)
        .mutation(({ ctx, input }) => updateProfile(deps, ctx.caller.userId, input)),

      setSchedule: streamerProcedure
        .input(setStreamingScheduleInput)
        .output(streamerProfileOutput)
        .mutation(({ ctx, input }) => setSchedule(deps, ctx.caller.userId, input.schedule)),

      setPayout: streamerProcedure
        .input(setPayoutInput)
        .output(payoutSummaryOutput)
        .mutation(({ ctx, input }) => setPayout(deps, ctx.caller.userId, input)),

      /** Own metrics for streamers; any streamer's for brands and admins. */
      metrics: authedProcedure
        .input(streamerMetricsInput)
        .output(streamerMetricsOutput)
        .query(({ ctx, input }) =>
          streamerMetrics(deps, metricsSubjectFor(ctx.caller, input.streamerId)),
        ),

      /** The public-safe card of one streamer. */
      get: authedProcedure
        .input(streamerIdInput)
        .output(streamerCardOutput)
        .query(({ input }) => streamerCard(deps, input.streamerId)),

      search: brandOrAdminProcedure
        .input(searchStreamersInput)
        .output(searchPageOutput)
        .query(({ input }) => searchStreamers(deps, input)),

      /** Streaks, XP, level and reputation: the streamer's own (others see the reputation on cards). */
      progression: router({
        mine: streamerProcedure
          .output(progressionOutput.nullable())
          .query(({ ctx }) => progressionOf(deps, ctx.caller.userId)),
      }),

      /** A streamer asks to be verified; admins with `canVerifyStreamers` decide. */
      verification: router({
        request: streamerProcedure
          .input(requestStreamerVerificationInput)
          .output(ownVerificationOutput)
          .mutation(({ ctx, input }) => requestVerification(deps, ctx.caller.userId, input)),

        mine: streamerProcedure
          .output(ownVerificationOutput)
          .query(({ ctx }) => ownVerification(deps, ctx.caller.userId)),

        list: adminProcedure('canVerifyStreamers')
          .input(listStreamerVerificationsInput)
          .output(verificationQueueOutput)
          .query(({ input }) => listVerificationRequests(deps, input)),

        review: adminProcedure('canVerifyStreamers')
          .input(streamerIdInput)
          .output(verificationReviewOutput)
          .query(({ input }) => verificationReview(deps, input.streamerId)),

        verify: adminProcedure('canVerifyStreamers')
          .input(streamerIdInput)
          .output(verificationDecisionOutput)
          .mutation(({ ctx, input }) => verifyStreamer(deps, adminActorOf(ctx), input.streamerId)),

        reject: adminProcedure('canVerifyStreamers')
          .input(rejectStreamerVerificationInput)
          .output(verificationDecisionOutput)
          .mutation(({ ctx, input }) => rejectStreamerVerification(deps, adminActorOf(ctx), input)),
      }),

      platforms: router({
        list: streamerProcedure
          .output(z.array(connectedPlatformOutput))
          .query(({ ctx }) => ownPlatforms(deps, ctx.caller.userId)),

        authorizationUrl: streamerProcedure
          .input(platformAuthorizationUrlInput)
          .output(z.object({ url: z.string(), state: z.string() }))
          .mutation(({ ctx, input }) => platformAuthorizationUrl(deps, ctx.caller.userId, input)),

        connect: streamerProcedure
          .input(connectPlatformInput)
          .output(connectedPlatformOutput)
          .mutation(({ ctx, input }) => connectPlatform(deps, ctx.caller.userId, input)),

        disconnect: streamerProcedure
          .input(disconnectPlatformInput)
          .output(z.object({ platform: streamingPlatformSchema, disconnected: z.literal(true) }))
          .mutation(({ ctx, input }) =>
            disconnectPlatform(deps, ctx.caller.userId, input.platform),
          ),
      }),

      internal: router({
        matchingProfile: internalProcedure
          .input(streamerIdInput)
          .output(streamerMatchingProfileSchema.nullable())
          .query(({ input }) => matchingProfile(deps, input.streamerId)),

        /** What targeting matches on, with its version (campaign discovery keeps a copy). */
        targetingProfile: internalProcedure
          .input(streamerIdInput)
          .output(streamerTargetingProfileSchema.nullable())
          .query(({ input }) => targetingProfile(deps, input.streamerId)),

        profiles: internalProcedure
          .input(streamerIdsInput)
          .output(z.array(streamerListProfileOutput))
          .query(({ input }) => listProfiles(deps, input.streamerIds)),

        /** The streamers a campaign's targeting matches, by id, a page at a time (the launch notice's audience). */
        matchingStreamers: internalProcedure
          .input(matchingStreamersInputSchema)
          .output(streamerIdPageSchema)
          .query(({ input }) => matchingStreamers(deps, input)),

        /** The importer sets what the old platform knew of a streamer's progression; again replaces it. */
        importProgression: internalProcedure
          .input(importStreamerProgressionInput)
          .output(progressionOutput)
          .mutation(({ input }) => importProgression(deps, input)),
      }),
    }),
  });
}

export type StreamerRouter = ReturnType<typeof createStreamerRouter>;
