import {
  applyToCampaignInputSchema,
  campaignRefInputSchema,
  campaignRefsInputSchema,
  campaignStreamersInputSchema,
  conflictRuleInputSchema,
  disableConflictRuleInputSchema,
  joinCampaignInputSchema,
  listCampaignParticipantsInputSchema,
  listConflictRulesInputSchema,
  listMyParticipationsInputSchema,
  listParticipationsInputSchema,
  listViolationsInputSchema,
  overrideViolationInputSchema,
  participationByClickCodeInputSchema,
  participationByClickCodeSchema,
  participationRefInputSchema,
  streamerIdPageSchema,
  rejectApplicationInputSchema,
  removeParticipantInputSchema,
  updateConflictRuleInputSchema,
} from '@gametriggers/contracts';
import {
  adminActorOf,
  adminProcedure,
  authedProcedure,
  brandProcedure,
  internalProcedure,
  router,
  streamerProcedure,
} from '@gametriggers/trpc';
import { z } from 'zod';
import { campaignStreamers } from './domain/campaign-streamers';
import type { ParticipationDeps } from './domain/deps';
import { participationRef } from './domain/participation-view';
import { checkEligibilities, checkEligibility } from './domain/eligibility';
import { applyToCampaign, approveApplication, joinCampaign } from './domain/join';
import { currentEnergy, listKeys } from './domain/keys-and-energy';
import {
  leaveParticipation,
  pauseParticipation,
  rejectApplication,
  removeParticipant,
  resumeParticipation,
} from './domain/lifecycle';
import {
  getParticipation,
  listCampaignParticipants,
  listMyParticipations,
  listParticipations,
} from './domain/participation-queries';
import {
  createRule,
  disableRule,
  listRules,
  listViolations,
  overrideViolation,
  updateRule,
} from './domain/rules-admin';
import {
  admissionOutput,
  conflictRuleOutput,
  eligibilityOutput,
  energyOutput,
  keyOutput,
  participationOutput,
  participationPageOutput,
  violationOutput,
  violationPageOutput,
} from './schemas';

const campaignAdminProcedure = adminProcedure('canManageCampaigns');

export function createParticipationRouter(deps: ParticipationDeps) {
  return router({
    participation: router({
      internal: router({
        /** The participation behind a short link, for the analytics service (services only). */
        byClickCode: internalProcedure
          .input(participationByClickCodeInputSchema)
          .output(participationByClickCodeSchema.nullable())
          .query(async ({ input }) => {
            const row = await deps.db.participation.findUnique({
              where: { clickCode: input.clickCode },
            });
            return row ? { ...participationRef(row), status: row.status } : null;
          }),

        /** A campaign's streamers in these statuses, by id, a page at a time (who hears that it paused or ended). */
        campaignStreamers: internalProcedure
          .input(campaignStreamersInputSchema)
          .output(streamerIdPageSchema)
          .query(({ input }) => campaignStreamers(deps.db, input)),
      }),

      join: streamerProcedure
        .input(joinCampaignInputSchema)
        .output(admissionOutput)
        .mutation(({ ctx, input }) => joinCampaign(deps, ctx.caller.userId, input)),

      // `apply` is reserved by tRPC (it proxies Function.prototype.apply).
      applyToCampaign: streamerProcedure
        .input(applyToCampaignInputSchema)
        .output(admissionOutput)
        .mutation(({ ctx, input }) => applyToCampaign(deps, ctx.caller.userId, input)),

      approve: brandProcedure
        .input(participationRefInputSchema)
        .output(participationOutput)
        .mutation(({ ctx, input }) =>
          approveApplication(deps, ctx.caller.userId, input.participationId),
        ),

      reject: brandProcedure
        .input(rejectApplicationInputSchema)
        .output(participationOutput)
        .mutation(({ ctx, input }) => rejectApplication(deps, ctx.caller.userId, input)),

      leave: streamerProcedure
        .input(participationRefInputSchema)
        .output(participationOutput)
        .mutation(({ ctx, input }) =>
          leaveParticipation(deps, ctx.caller.userId, input.participationId),
        ),

      pause: streamerProcedure
        .input(participationRefInputSchema)
        .output(participationOutput)
        .mutation(({ ctx, input }) =>
          pauseParticipation(deps, ctx.caller.userId, input.participationId),
        ),

      resume: streamerProcedure
        .input(participationRefInputSchema)
        .output(participationOutput)
        .mutation(({ ctx, input }) =>
          resumeParticipation(deps, ctx.caller.userId, input.participationId),
        ),

      remove: authedProcedure
        .input(removeParticipantInputSchema)
        .output(participationOutput)
        .mutation(({ ctx, input }) => removeParticipant(deps, ctx.caller, input, ctx.requestId)),

      get: authedProcedure
        .input(participationRefInputSchema)
        .output(participationOutput)
        .query(({ ctx, input }) => getParticipation(deps, ctx.caller, input.participationId)),

      listMine: streamerProcedure
        .input(listMyParticipationsInputSchema)
        .output(participationPageOutput)
        .query(({ ctx, input }) => listMyParticipations(deps, ctx.caller.userId, input)),

      listForCampaign: authedProcedure
        .input(listCampaignParticipantsInputSchema)
        .output(participationPageOutput)
        .query(({ ctx, input }) => listCampaignParticipants(deps, ctx.caller, input)),

      /** Every participation on the platform, filtered (campaign admins). */
      list: campaignAdminProcedure
        .input(listParticipationsInputSchema)
        .output(participationPageOutput)
        .query(({ ctx, input }) => listParticipations(deps, ctx.caller.userId, input)),

      eligibility: streamerProcedure
        .input(campaignRefInputSchema)
        .output(eligibilityOutput)
        .query(({ ctx, input }) => checkEligibility(deps, ctx.caller.userId, input.campaignId)),

      /** The same dry run for each campaign of a marketplace page: the caller's own standing only. */
      standings: streamerProcedure
        .input(campaignRefsInputSchema)
        .output(z.array(eligibilityOutput))
        .query(({ ctx, input }) => checkEligibilities(deps, ctx.caller.userId, input.campaignIds)),

      keys: router({
        list: streamerProcedure
          .output(z.array(keyOutput))
          .query(({ ctx }) => listKeys(deps, ctx.caller.userId)),
      }),

      energy: router({
        get: streamerProcedure
          .output(energyOutput)
          .query(({ ctx }) => currentEnergy(deps, ctx.caller.userId)),
      }),

      rules: router({
        list: campaignAdminProcedure
          .input(listConflictRulesInputSchema)
          .output(z.array(conflictRuleOutput))
          .query(({ input }) => listRules(deps, input.includeDisabled)),

        create: campaignAdminProcedure
          .input(conflictRuleInputSchema)
          .output(conflictRuleOutput)
          .mutation(({ ctx, input }) => createRule(deps, adminActorOf(ctx), input)),

        update: campaignAdminProcedure
          .input(updateConflictRuleInputSchema)
          .output(conflictRuleOutput)
          .mutation(({ ctx, input }) =>
            updateRule(deps, adminActorOf(ctx), input.ruleId, input.rule),
          ),

        disable: campaignAdminProcedure
          .input(disableConflictRuleInputSchema)
          .output(conflictRuleOutput)
          .mutation(({ ctx, input }) => disableRule(deps, adminActorOf(ctx), input)),

        violations: campaignAdminProcedure
          .input(listViolationsInputSchema)
          .output(violationPageOutput)
          .query(({ input }) => listViolations(deps, input)),

        override: campaignAdminProcedure
          .input(overrideViolationInputSchema)
          .output(violationOutput)
          .mutation(({ ctx, input }) => overrideViolation(deps, adminActorOf(ctx), input)),
      }),
    }),
  });
}

export type ParticipationRouter = ReturnType<typeof createParticipationRouter>;
