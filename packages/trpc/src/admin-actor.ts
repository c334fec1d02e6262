import type { UserCaller } from './caller';

/** The admin behind a request, as the audit log records them (`recordAdminAction`'s `actor`). */
export function adminActorOf(ctx: { caller: UserCaller; requestId: string }) {
  return {
    adminId: ctx.caller.userId,
    adminRole: ctx.caller.adminRole ?? null,
    requestId: ctx.requestId,
  };
}
