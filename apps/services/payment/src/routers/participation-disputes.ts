import { randomUUID } from 'node:crypto';
import {
  myParticipationDisputesInputSchema,
  openParticipationDisputeInputSchema,
  participationDisputeIdInputSchema,
  participationDisputeQueueInputSchema,
  resolveParticipationDisputeInputSchema,
  respondToParticipationDisputeInputSchema,
} from '@gametriggers/contracts';
import {
  adminActorOf,
  adminProcedure,
  brandProcedure,
  router,
  streamerProcedure,
} from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentDeps } from '../deps';
import {
  adminParticipationDisputeOutput,
  adminParticipationDisputePageOutput,
  openedDisputeOutput,
  participationDisputeOutput,
  participationDisputePageOutput,
  resolvedDisputeOutput,
} from '../participation-disputes/dispute-schemas';
import {
  disputeForAdmin,
  disputeQueue,
  myDispute,
  myDisputes,
} from '../participation-disputes/dispute-views';
import type { DisputeParty } from '../participation-disputes/open-dispute';
import { openParticipationDispute } from '../participation-disputes/open-dispute';
import { resolveParticipationDispute } from '../participation-disputes/resolve-dispute';
import { respondToParticipationDispute } from '../participation-disputes/respond-to-dispute';

/** One party's procedures: its own disputes only (another's is not found). */
function partyRouter(
  deps: PaymentDeps,
  role: DisputeParty['role'],
  procedure: typeof brandProcedure,
) {
  const partyOf = (ctx: { caller: { userId: string } }): DisputeParty => ({
    role,
    userId: ctx.caller.userId,
  });
  return router({
    open: procedure
      .input(openParticipationDisputeInputSchema)
      .output(openedDisputeOutput)
      .mutation(({ ctx, input }) =>
        deps.transaction((tx) =>
          openParticipationDispute(tx, deps, {
            disputeId: randomUUID(),
            party: partyOf(ctx),
            request: input,
          }),
        ),
      ),
    respond: procedure
      .input(respondToParticipationDisputeInputSchema)
      .output(z.object({ disputeId: z.string() }))
      .mutation(({ ctx, input }) =>
        deps.transaction((tx) =>
          respondToParticipationDispute(tx, deps.now(), { party: partyOf(ctx), request: input }),
        ),
      ),
    listMine: procedure
      .input(myParticipationDisputesInputSchema)
      .output(participationDisputePageOutput)
      .query(({ ctx, input }) => myDisputes(deps.db, partyOf(ctx), input)),
    get: procedure
      .input(participationDisputeIdInputSchema)
      .output(participationDisputeOutput)
      .query(({ ctx, input }) => myDispute(deps.db, partyOf(ctx), input.disputeId)),
  });
}

/**
 * `payment.disputes.*`: disputes between a brand and a streamer over a participation's earnings
 * (`brand.*`, `streamer.*` for the parties; `admin.*` for admins with `canManageDisputes`).
 */
export function participationDisputesRouter(deps: PaymentDeps) {
  const disputesAdmin = adminProcedure('canManageDisputes');
  return router({
    brand: partyRouter(deps, 'brand', brandProcedure),
    streamer: partyRouter(deps, 'streamer', streamerProcedure),
    admin: router({
      list: disputesAdmin
        .input(participationDisputeQueueInputSchema)
        .output(adminParticipationDisputePageOutput)
        .query(({ input }) => disputeQueue(deps.db, input)),
      get: disputesAdmin
        .input(participationDisputeIdInputSchema)
        .output(adminParticipationDisputeOutput)
        .query(({ input }) => disputeForAdmin(deps.db, input.disputeId)),
      resolve: disputesAdmin
        .input(resolveParticipationDisputeInputSchema)
        .output(resolvedDisputeOutput)
        .mutation(({ ctx, input }) =>
          deps.transaction((tx) =>
            resolveParticipationDispute(tx, deps, { admin: adminActorOf(ctx), request: input }),
          ),
        ),
    }),
  });
}
