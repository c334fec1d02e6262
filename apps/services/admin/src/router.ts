import {
  eraseAuditPersonalDetailsInputSchema,
  listAuditLogInputSchema,
  listModerationInputSchema,
  moderationItemIdInputSchema,
  rejectModerationItemInputSchema,
  platformConfigHistoryInputSchema,
  updatePlatformConfigInputSchema,
} from '@gametriggers/contracts';
import { recordAdminAction } from '@gametriggers/events';
import { z } from 'zod';
import { adminActorOf, adminProcedure, internalProcedure, router } from '@gametriggers/trpc';
import { eraseAuditPersonalDetails } from './domain/audit-erasure';
import { listAuditLog } from './domain/audit-log';
import { verifyAuditChain } from './domain/audit-verify';
import type { AdminDeps } from './domain/deps';
import { healthOverview } from './health/health-overview';
import { healthOverviewOutput } from './health/health-schemas';
import {
  approveModerationItem,
  rejectModerationItem,
} from './domain/moderation/moderation-decisions';
import { getModerationItem, listModerationItems } from './domain/moderation/moderation-reads';
import {
  currentPlatformConfig,
  platformConfigHistory,
  updatePlatformConfig,
} from './domain/platform-config';
import {
  auditChainReportOutput,
  auditLogPageOutput,
  platformConfigHistoryOutput,
  platformConfigOutput,
} from './schemas';
import {
  moderationItemDetailOutput,
  moderationItemOutput,
  moderationPageOutput,
} from './moderation-schemas';

export function createAdminRouter(deps: AdminDeps) {
  return router({
    admin: router({
      audit: router({
        /** The audit log, newest first, filtered; the read itself is recorded. */
        list: adminProcedure('canAccessAuditLogs')
          .input(listAuditLogInputSchema)
          .output(auditLogPageOutput)
          .query(({ ctx, input }) => listAuditLog(deps, adminActorOf(ctx), input)),

        /** Checks the whole chain and its checkpoints; names the first entry that does not verify. */
        verify: adminProcedure('canAccessAuditLogs')
          .output(auditChainReportOutput)
          .query(async ({ ctx }) => {
            const report = await verifyAuditChain(deps.db, deps.checkpointKey);
            await deps.db.$transaction((tx) =>
              recordAdminAction(tx, {
                actor: adminActorOf(ctx),
                permission: 'canAccessAuditLogs',
                action: 'admin.audit.verify',
                subject: { type: 'audit_log', id: 'chain' },
                before: null,
                after: { intact: report.intact, entriesChecked: report.entriesChecked },
                occurredAt: deps.now(),
              }),
            );
            return report;
          }),

        /** Erases the reasons and personal details of every entry about a subject; the chain still verifies. */
        erasePersonalDetails: adminProcedure('canManageUsers')
          .input(eraseAuditPersonalDetailsInputSchema)
          .output(z.object({ entriesErased: z.number().int() }))
          .mutation(({ ctx, input }) => eraseAuditPersonalDetails(deps, adminActorOf(ctx), input)),
      }),

      moderation: router({
        /** The queue (pending by default), oldest first; filters by kind and reported items. */
        list: adminProcedure('canModerateContent')
          .input(listModerationInputSchema)
          .output(moderationPageOutput)
          .query(({ input }) => listModerationItems(deps, input)),

        /** An item with its content and newest reports. */
        get: adminProcedure('canModerateContent')
          .input(moderationItemIdInputSchema)
          .output(moderationItemDetailOutput)
          .query(({ input }) => getModerationItem(deps, input.itemId)),

        approve: adminProcedure('canModerateContent')
          .input(moderationItemIdInputSchema)
          .output(moderationItemOutput)
          .mutation(({ ctx, input }) => approveModerationItem(deps, adminActorOf(ctx), input.itemId)),

        /** Refuses the content; its owning service takes it out of sight (`moderation.content_rejected`). */
        reject: adminProcedure('canModerateContent')
          .input(rejectModerationItemInputSchema)
          .output(moderationItemOutput)
          .mutation(({ ctx, input }) => rejectModerationItem(deps, adminActorOf(ctx), input)),
      }),

      health: router({
        /** Every service's readiness, latency and outbox lag, queue depths and dead letters; any admin. */
        overview: adminProcedure()
          .output(healthOverviewOutput)
          .query(() => healthOverview(deps.health, deps.now())),
      }),

      config: router({
        get: adminProcedure('canConfigureSystem')
          .output(platformConfigOutput)
          .query(() => currentPlatformConfig(deps.db)),

        update: adminProcedure('canConfigureSystem')
          .input(updatePlatformConfigInputSchema)
          .output(platformConfigOutput)
          .mutation(({ ctx, input }) => updatePlatformConfig(deps, adminActorOf(ctx), input)),

        history: adminProcedure('canConfigureSystem')
          .input(platformConfigHistoryInputSchema)
          .output(platformConfigHistoryOutput)
          .query(({ input }) => platformConfigHistory(deps, input)),

        internal: router({
          /** The configuration in force, for the services' cached client (`@gametriggers/platform-config`). */
          current: internalProcedure
            .output(platformConfigOutput)
            .query(() => currentPlatformConfig(deps.db)),
        }),
      }),
    }),
  });
}

export type AdminRouter = ReturnType<typeof createAdminRouter>;
