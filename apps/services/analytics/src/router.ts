import {
  brandReportInputSchema,
  campaignRefInputSchema,
  campaignReportInputSchema,
  platformStatsRangeSchema,
  reportRangeSchema,
} from '@gametriggers/contracts';
import {
  DomainError,
  adminProcedure,
  authedProcedure,
  brandProcedure,
  router,
  streamerProcedure,
} from '@gametriggers/trpc';
import { assertMayViewCampaign, campaignIdsOfBrand } from './domain/campaign-access';
import { campaignCreativeHealth, streamerCreativeFailures } from './domain/creative-health';
import type { AnalyticsDeps } from './domain/deps';
import {
  breakdownOf,
  campaignCsv,
  campaignCsvRows,
  campaignToDateOf,
  campaignsWithStreamersOf,
  platformReport,
  seriesOf,
  totalsOf,
} from './domain/reports';
import {
  brandReportOutput,
  campaignCreativeHealthOutput,
  campaignReportOutput,
  campaignToDateOutput,
  csvExportOutput,
  platformReportOutput,
  streamerCreativeFailuresOutput,
  streamerReportOutput,
} from './schemas';

export function createAnalyticsRouter(deps: AnalyticsDeps) {
  const { db } = deps;
  return router({
    analytics: router({
      /** The owning brand, or an admin with canViewFinancials. */
      campaign: authedProcedure
        .input(campaignReportInputSchema)
        .output(campaignReportOutput)
        .query(async ({ ctx, input }) => {
          await assertMayViewCampaign(deps, ctx.caller, input.campaignId);
          const scope = { campaignId: input.campaignId };
          return {
            campaignId: input.campaignId,
            totals: await totalsOf(db, scope, input),
            series: await seriesOf(db, scope, input),
            byStreamer: await breakdownOf(db, scope, input, 'streamerId'),
          };
        }),

      /** The campaign's rows per period and streamer as CSV text; same access as `campaign`. */
      campaignCsv: authedProcedure
        .input(campaignReportInputSchema)
        .output(csvExportOutput)
        .query(async ({ ctx, input }) => {
          await assertMayViewCampaign(deps, ctx.caller, input.campaignId);
          const rows = await campaignCsvRows(db, input.campaignId, input);
          const nameplates = await deps.streamers
            .nameplatesOf(rows.map((row) => row.streamerId))
            .catch((error: unknown) => {
              throw new DomainError(
                'precondition_failed',
                'streamer_service_unavailable',
                'The streamers’ names cannot be read right now; try the export again shortly.',
                { cause: String(error) },
              );
            });
          return {
            filename: `campaign-${input.campaignId}-${input.from.toISOString().slice(0, 10)}.csv`,
            contentType: 'text/csv' as const,
            csv: campaignCsv(rows, nameplates),
          };
        }),

      /**
       * The campaign's delivery since it began, for its own page: the same counts as `campaign`,
       * without a window. Same access as `campaign`.
       */
      campaignToDate: authedProcedure
        .input(campaignRefInputSchema)
        .output(campaignToDateOutput)
        .query(async ({ ctx, input }) => {
          await assertMayViewCampaign(deps, ctx.caller, input.campaignId);
          return {
            campaignId: input.campaignId,
            ...(await campaignToDateOf(db, input.campaignId)),
          };
        }),

      /** Whether overlays lately could not load the campaign's creative; same access as `campaign`. */
      campaignCreativeHealth: authedProcedure
        .input(campaignRefInputSchema)
        .output(campaignCreativeHealthOutput)
        .query(async ({ ctx, input }) => {
          await assertMayViewCampaign(deps, ctx.caller, input.campaignId);
          return campaignCreativeHealth(db, input.campaignId, deps.now());
        }),

      /** The signed-in streamer's campaigns whose creative lately failed to load on their overlay. */
      myCreativeFailures: streamerProcedure
        .output(streamerCreativeFailuresOutput)
        .query(({ ctx }) => streamerCreativeFailures(db, ctx.caller.userId, deps.now())),

      /** The signed-in brand's delivery across all its campaigns. */
      brand: brandProcedure
        .input(brandReportInputSchema)
        .output(brandReportOutput)
        .query(async ({ ctx, input }) => {
          const campaignIds = await campaignIdsOfBrand(deps, ctx.caller.userId);
          const scope = { campaignIds };
          return {
            brandId: ctx.caller.userId,
            totals: await totalsOf(db, scope, input),
            series: await seriesOf(db, scope, input),
            byCampaign: await campaignsWithStreamersOf(db, scope, input),
          };
        }),

      /** The signed-in streamer's own delivery. */
      streamer: streamerProcedure
        .input(reportRangeSchema)
        .output(streamerReportOutput)
        .query(async ({ ctx, input }) => {
          const scope = { streamerId: ctx.caller.userId };
          return {
            streamerId: ctx.caller.userId,
            totals: await totalsOf(db, scope, input),
            series: await seriesOf(db, scope, input),
            byCampaign: await breakdownOf(db, scope, input, 'campaignId'),
          };
        }),

      /** The admin dashboard's delivery: everything by day, week or month, with the top ten; any admin. */
      platformActivity: adminProcedure()
        .input(platformStatsRangeSchema)
        .output(platformReportOutput)
        .query(({ input }) => platformReport(db, input)),

      /** Everything, for admins with canViewFinancials. */
      platform: adminProcedure('canViewFinancials')
        .input(reportRangeSchema)
        .output(platformReportOutput)
        .query(({ input }) => platformReport(db, input)),
    }),
  });
}
export type AnalyticsRouter = ReturnType<typeof createAnalyticsRouter>;
