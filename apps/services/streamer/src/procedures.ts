import { authedProcedure } from '@gametriggers/trpc';
import { TRPCError } from '@trpc/server';

/** Brands and admins: who may browse the streamer marketplace. */
export const brandOrAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== 'brand' && ctx.caller.role !== 'admin') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only brand accounts and administrators can do this.',
    });
  }
  return next();
});
