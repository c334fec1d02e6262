import {
  adminListCampaignsInputSchema,
  brandCampaignIdsInputSchema,
  brandCampaignIdsSchema,
  campaignDeliveryInfoInputSchema,
  campaignDeliveryInfoSchema,
  campaignForParticipationSchema,
  campaignIdsInputSchema,
  campaignIdInputSchema,
  campaignInputSchema,
  campaignOversightInputSchema,
  discoverCampaignsInputSchema,
  platformStatsRangeSchema,
  listMyCampaignsInputSchema,
  overrideCampaignBudgetInputSchema,
  rejectCampaignInputSchema,
  reportContentInputSchema,
  updateCampaignInputSchema,
} from '@gametriggers/contracts';
import {
  DomainError,
  adminActorOf,
  adminProcedure,
  authedProcedure,
  brandProcedure,
  internalProcedure,
  router,
  streamerProcedure,
} from '@gametriggers/trpc';
import { z } from 'zod';
import { campaignNotFound, findManagedCampaign, managerOf } from './domain/campaign-access';
import { createCampaign, newCampaignDefaults, updateCampaign } from './domain/campaign-edits';
import {
  cancelCampaign,
  endCampaign,
  pauseCampaign,
  resumeCampaign,
} from './domain/campaign-lifecycle';
import { listBrandCampaigns, listCampaignsForAdmin } from './domain/campaign-listing';
import {
  emergencyPause,
  forceCancel,
  forceComplete,
  liftEmergencyPause,
  overrideBudget,
} from './domain/campaign-oversight';
import { approveCampaign, rejectCampaign, submitCampaign } from './domain/campaign-review';
import {
  campaignForParticipation,
  campaignView,
  publicCampaignView,
} from './domain/campaign-views';
import { brandCampaignIds } from './domain/brand-campaign-ids';
import { campaignDeliveryInfo } from './domain/delivery-info';
import type { CampaignDeps } from './domain/deps';
import { reportContent } from './domain/content-reports';
import { discoverCampaigns } from './domain/discovery';
import { streamerTargetingFor } from './domain/streamer-targeting';
import { campaignPlatformStats, campaignTitles } from './domain/platform-stats';
import {
  adminCampaignsOutput,
  campaignPlatformStatsOutput,
  campaignTitlesOutput,
  campaignOutput,
  discoveryPageOutput,
  newCampaignDefaultsOutput,
  myCampaignsOutput,
  publicCampaignOutput,
} from './schemas';

export function createCampaignRouter(deps: CampaignDeps) {
  return router({
    campaign: router({
      /** What a new campaign gets for the fields a brand leaves empty (the platform's defaults now). */
      newCampaignDefaults: brandProcedure
        .output(newCampaignDefaultsOutput)
        .query(() => newCampaignDefaults(deps)),

      create: brandProcedure
        .input(campaignInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => createCampaign(deps, ctx.caller.userId, input)),

      update: brandProcedure
        .input(updateCampaignInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) =>
          updateCampaign(deps, ctx.caller.userId, input.campaignId, input.patch),
        ),

      submit: brandProcedure
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => submitCampaign(deps, ctx.caller.userId, input.campaignId)),

      approve: adminProcedure('canManageCampaigns')
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => approveCampaign(deps, adminActorOf(ctx), input.campaignId)),

      reject: adminProcedure('canManageCampaigns')
        .input(rejectCampaignInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) =>
          rejectCampaign(deps, adminActorOf(ctx), input.campaignId, input.reason),
        ),

      pause: brandProcedure
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => pauseCampaign(deps, ctx.caller.userId, input.campaignId)),

      resume: brandProcedure
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => resumeCampaign(deps, ctx.caller.userId, input.campaignId)),

      cancel: brandProcedure
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => cancelCampaign(deps, ctx.caller.userId, input.campaignId)),

      /** The brand ends its campaign early: completed, `ended_by_brand`. */
      end: brandProcedure
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .mutation(({ ctx, input }) => endCampaign(deps, ctx.caller.userId, input.campaignId)),

      /** Administrators' oversight of any brand's campaign; each with a reason, audited. */
      oversight: router({
        emergencyPause: adminProcedure('canManageCampaigns')
          .input(campaignOversightInputSchema)
          .output(campaignOutput)
          .mutation(({ ctx, input }) => emergencyPause(deps, adminActorOf(ctx), input)),

        resume: adminProcedure('canManageCampaigns')
          .input(campaignOversightInputSchema)
          .output(campaignOutput)
          .mutation(({ ctx, input }) => liftEmergencyPause(deps, adminActorOf(ctx), input)),

        forceComplete: adminProcedure('canManageCampaigns')
          .input(campaignOversightInputSchema)
          .output(campaignOutput)
          .mutation(({ ctx, input }) => forceComplete(deps, adminActorOf(ctx), input)),

        forceCancel: adminProcedure('canManageCampaigns')
          .input(campaignOversightInputSchema)
          .output(campaignOutput)
          .mutation(({ ctx, input }) => forceCancel(deps, adminActorOf(ctx), input)),

        overrideBudget: adminProcedure('canManageCampaigns')
          .input(overrideCampaignBudgetInputSchema)
          .output(campaignOutput)
          .mutation(({ ctx, input }) => overrideBudget(deps, adminActorOf(ctx), input)),
      }),

      /** Everything about a campaign, for its brand and campaign admins. */
      get: authedProcedure
        .input(campaignIdInputSchema)
        .output(campaignOutput)
        .query(async ({ ctx, input }) => {
          const manager = managerOf(ctx.caller);
          const campaign = await findManagedCampaign(deps.db, input.campaignId, manager);
          return campaignView(campaign, manager.kind, deps.now());
        }),

      /** What a streamer sees of an active campaign; any other status is not found. */
      publicView: streamerProcedure
        .input(campaignIdInputSchema)
        .output(publicCampaignOutput)
        .query(async ({ input }) => {
          const campaign = await deps.db.campaign.findUnique({ where: { id: input.campaignId } });
          if (campaign?.status !== 'active') throw campaignNotFound();
          return publicCampaignView(campaign);
        }),

      /** A streamer reports an active campaign's creative to the moderation queue (once per campaign). */
      reportContent: streamerProcedure
        .input(reportContentInputSchema)
        .output(z.object({ reportId: z.uuid(), reportedAt: z.date() }))
        .mutation(({ ctx, input }) => reportContent(deps, ctx.caller.userId, input)),

      listMine: brandProcedure
        .input(listMyCampaignsInputSchema)
        .output(myCampaignsOutput)
        .query(({ ctx, input }) => listBrandCampaigns(deps, ctx.caller.userId, input)),

      adminList: adminProcedure('canManageCampaigns')
        .input(adminListCampaignsInputSchema)
        .output(adminCampaignsOutput)
        .query(({ input }) => listCampaignsForAdmin(deps, input)),

      /** The admin dashboard's campaigns by status and launches in the window; any admin. */
      platformStats: adminProcedure()
        .input(platformStatsRangeSchema)
        .output(campaignPlatformStatsOutput)
        .query(({ input }) => campaignPlatformStats(deps.db, input)),

      /** Titles of the campaigns the admin dashboard ranks; any admin. */
      titles: adminProcedure()
        .input(campaignIdsInputSchema)
        .output(campaignTitlesOutput)
        .query(({ input }) => campaignTitles(deps.db, input.campaignIds)),

      /** Campaigns the signed-in streamer matches and can join now. */
      discover: streamerProcedure
        .input(discoverCampaignsInputSchema)
        .output(discoveryPageOutput)
        .query(async ({ ctx, input }) => {
          const profile = await streamerTargetingFor(deps, ctx.caller.userId);
          if (!profile) {
            throw new DomainError(
              'precondition_failed',
              'streamer_not_onboarded',
              'Complete your streamer profile to see campaigns that match you.',
            );
          }
          return discoverCampaigns(deps.db, profile, input, deps.now());
        }),

      internal: router({
        /** What the participation service checks before a streamer joins; null when there is no such campaign. */
        forParticipation: internalProcedure
          .input(campaignIdInputSchema)
          .output(campaignForParticipationSchema.nullable())
          .query(async ({ input }) => {
            const campaign = await deps.db.campaign.findUnique({ where: { id: input.campaignId } });
            return campaign ? campaignForParticipation(campaign) : null;
          }),

        /** What the overlay service shows for each campaign (creative, link, frequency, pricing). */
        deliveryInfo: internalProcedure
          .input(campaignDeliveryInfoInputSchema)
          .output(z.array(campaignDeliveryInfoSchema))
          .query(({ input }) => campaignDeliveryInfo(deps, input.campaignIds)),

        /** The ids of a brand's campaigns, for the analytics service's brand report. */
        brandCampaignIds: internalProcedure
          .input(brandCampaignIdsInputSchema)
          .output(brandCampaignIdsSchema)
          .query(({ input }) => brandCampaignIds(deps, input.brandId)),
      }),
    }),
  });
}

export type CampaignRouter = ReturnType<typeof createCampaignRouter>;
