import { createServiceTokenSource, SERVICE_TOKEN_HEADER } from '@gametriggers/tokens';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import type { TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import superjson from 'superjson';
import { currentTraceHeaders } from './tracing';

export interface ServiceClientOptions {
  /** The other service's base URL, e.g. `http://127.0.0.1:4103`. */
  url: string;
  /** The shared service secret; calls carry a short-lived service token signed with it. */
  secret: string;
  /** Who is calling, for the callee's logs. */
  caller: string;
}

/** A typed client for another service's procedures (its `internal` ones included), called directly. */
export function createServiceClient<TRouter extends AnyTRPCRouter>(options: ServiceClientOptions) {
  const serviceToken = createServiceTokenSource(options.secret, options.caller);
  // Every service is built on the kit, so every router uses superjson.
  const link = httpBatchLink<AnyTRPCRouter>({
    url: `${options.url.replace(/\/$/, '')}/trpc`,
    transformer: superjson,
    // The caller's span goes along (`traceparent`), so the callee's spans join its trace.
    headers: async () => ({ ...currentTraceHeaders(), [SERVICE_TOKEN_HEADER]: await serviceToken() }),
  }) as TRPCLink<TRouter>;
  return createTRPCClient<TRouter>({ links: [link] });
}

/**
 * A typed client calling a kit service as the person holding `accessToken` (anonymous without one),
 * one request per call: how tests and tools reach a service directly, without the gateway.
 */
export function createPersonClient<TRouter extends AnyTRPCRouter>(options: { url: string; accessToken?: string }) {
  const { accessToken } = options;
  const link = httpLink<AnyTRPCRouter>({
    url: `${options.url.replace(/\/$/, '')}/trpc`,
    transformer: superjson,
    headers: (): Record<string, string> => (accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
  }) as TRPCLink<TRouter>;
  return createTRPCClient<TRouter>({ links: [link] });
}
