import { TRPCError } from '@trpc/server';
import type { AdminPermission } from '@gametriggers/tokens';
import { DomainError, toTRPCError } from './errors';
import { t } from './init';

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'user') {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.authError ?? 'Sign in to continue.',
    });
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

export const brandProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== 'brand') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only brand accounts can do this.' });
  }
  return next();
});

export const streamerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== 'streamer') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only streamer accounts can do this.' });
  }
  return next();
});

/** Admins only; with a permission, only admins holding that flag. */
export function adminProcedure(permission?: AdminPermission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (ctx.caller.role !== 'admin') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Only administrators can do this.' });
    }
    if (permission && !ctx.caller.permissions.has(permission)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs the ${permission} admin permission.`,
      });
    }
    return next();
  });
}

/** Service-to-service calls only, authenticated by a service credential. */
export const internalProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'service') {
    throw new TRPCError({
      code: ctx.caller.kind === 'user' ? 'FORBIDDEN' : 'UNAUTHORIZED',
      message: ctx.authError ?? 'Only Gametriggers services can call this.',
    });
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});
