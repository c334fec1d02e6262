import { httpBatchLink } from '@trpc/client';
import type { TRPCLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './app-router';

export type HeaderSource = () => Promise<Record<string, string>> | Record<string, string>;

/**
 * Sends each call to the gateway route of its domain (the first segment of its path), batching
 * calls per domain: `identity.me` → `<gateway>/api/identity`.
 */
export function domainLink(gatewayUrl: string, headers: HeaderSource): TRPCLink<AppRouter> {
  return (runtime) => {
    const links = new Map<string, ReturnType<TRPCLink<AppRouter>>>();
    return (ctx) => {
      const domain = ctx.op.path.split('.')[0] ?? '';
      let link = links.get(domain);
      if (!link) {
        link = httpBatchLink<AppRouter>({
          url: `${gatewayUrl.replace(/\/$/, '')}/api/${domain}`,
          transformer: superjson,
          headers,
        })(runtime);
        links.set(domain, link);
      }
      return link(ctx);
    };
  };
}
