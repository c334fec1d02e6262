import { httpBatchLink } from '@trpc/client';
import type { TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import superjson from 'superjson';
import type { AppRouter } from './app-router';

export type HeaderSource = () => Promise<Record<string, string>> | Record<string, string>;

/**
 * Sends each call to the gateway route of its domain (the first segment of its path), batching
 * calls per domain: `identity.me` → `<gateway>/api/identity`. One batch link per domain, made on
 * first use.
 */
export function domainLink<TRouter extends AnyTRPCRouter = AppRouter>(
  gatewayUrl: string,
  headers: HeaderSource,
): TRPCLink<TRouter> {
  const base = gatewayUrl.replace(/\/$/, '');
  // Links pass operations through untouched: the router type only shapes the client's API.
  const link: TRPCLink<AnyTRPCRouter> = (runtime) => {
    const links = new Map<string, ReturnType<TRPCLink<AnyTRPCRouter>>>();
    return (ctx) => {
      const domain = ctx.op.path.split('.')[0] ?? '';
      let forDomain = links.get(domain);
      if (!forDomain) {
        forDomain = httpBatchLink<AppRouter>({
          url: `${base}/api/${domain}`,
          transformer: superjson,
          headers,
        })(runtime);
        links.set(domain, forDomain);
      }
      return forDomain(ctx);
    };
  };
  return link as TRPCLink<TRouter>;
}
