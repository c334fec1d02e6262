import { InvalidCursorError } from '@gametriggers/contracts';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { LEGACY_IMPORTER_SERVICE } from '@gametriggers/tokens';
import type { AdminPermission } from '@gametriggers/tokens';
import { TRPCError } from '@trpc/server';
import { refusedDatabaseValue } from './database-input-errors';
import { DomainError, toTRPCError } from './errors';
import { t } from './init';

const tracer = trace.getTracer('@gametriggers/trpc');

/**
 * Every procedure call is a span (named by its path, under the request's span) and is counted with
 * its duration and outcome: `ok`, or the tRPC code it failed with (input errors included).
 */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  return tracer.startActiveSpan(
    path,
    { attributes: { 'rpc.system': 'trpc', 'rpc.method': path, 'trpc.type': type } },
    async (span) => {
      try {
        const result = await next();
        const seconds = (performance.now() - started) / 1000;
        if (result.ok) {
          ctx.observeProcedure?.(path, 'ok', seconds);
        } else {
          ctx.observeProcedure?.(path, result.error.code, seconds, result.error);
          span.setAttribute('trpc.error_code', result.error.code);
          if (result.error.code === 'INTERNAL_SERVER_ERROR') {
            span.recordException(result.error.cause ?? result.error);
            span.setStatus({ code: SpanStatusCode.ERROR });
          }
        }
        return result;
      } finally {
        span.end();
      }
    },
  );
});

/** Expected failures become their tRPC codes; a value the database refused becomes a 400. */
const domainErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw toTRPCError(cause);
  if (cause instanceof InvalidCursorError) {
    throw toTRPCError(new DomainError('invalid', cause.reason, cause.message));
  }
  const refused = result.error.code === 'INTERNAL_SERVER_ERROR' ? refusedDatabaseValue(cause) : undefined;
  if (refused) {
    ctx.log.warn(
      { err: cause, path, contractGap: true },
      'the database refused a value the input schema accepted: tighten the contract',
    );
    throw toTRPCError(
      new DomainError(
        'invalid',
        'input_out_of_range',
        `We could not use what was sent: ${refused}. Check the values and try again.`,
      ),
    );
  }
  return result;
});

export const publicProcedure = t.procedure.meta({ access: 'public' }).use(observed).use(domainErrors);

export const authedProcedure = publicProcedure.meta({ access: 'authed' }).use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'user') {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.authError ?? 'Sign in to continue.',
    });
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

export const brandProcedure = authedProcedure.meta({ access: 'brand' }).use(({ ctx, next }) => {
  if (ctx.caller.role !== 'brand') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only brand accounts can do this.' });
  }
  return next();
});

export const streamerProcedure = authedProcedure.meta({ access: 'streamer' }).use(({ ctx, next }) => {
  if (ctx.caller.role !== 'streamer') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only streamer accounts can do this.' });
  }
  return next();
});

/** Admins only; with a permission, only admins holding that flag. */
export function adminProcedure(permission?: AdminPermission) {
  return authedProcedure.meta({ access: 'admin', permission }).use(({ ctx, next }) => {
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
export const internalProcedure = publicProcedure.meta({ access: 'internal' }).use(({ ctx, next }) => {
  if (ctx.caller.kind !== 'service') {
    throw new TRPCError({
      code: ctx.caller.kind === 'user' ? 'FORBIDDEN' : 'UNAUTHORIZED',
      message: ctx.authError ?? 'Only Gametriggers services can call this.',
    });
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

/**
 * The old platform's data coming in: only the legacy importer may call these, not every internal
 * caller (they write accounts and money openings on behalf of people who are not there).
 */
export const legacyImportProcedure = publicProcedure
  .meta({ access: 'legacy_import' })
  .use(({ ctx, next }) => {
    if (ctx.caller.kind !== 'service' || ctx.caller.service !== LEGACY_IMPORTER_SERVICE) {
      throw new TRPCError({
        code: ctx.caller.kind === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN',
        message: ctx.authError ?? 'Only the legacy importer can call this.',
      });
    }
    return next({ ctx: { ...ctx, caller: ctx.caller } });
  });
