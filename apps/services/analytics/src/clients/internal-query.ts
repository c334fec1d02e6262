import { createServiceTokenSource, SERVICE_TOKEN_HEADER } from '@gametriggers/tokens';
import superjson from 'superjson';

const tokenSources = new Map<string, () => Promise<string>>();

/**
 * Calls another service's internal tRPC query over HTTP with a service token. The other routers are
 * not dependencies of this package, so the answer is returned untyped for the caller to parse with
 * the shared contract schema.
 */
export async function callInternalQuery(
  target: { url: string; secret: string },
  path: string,
  input: unknown,
): Promise<unknown> {
  let token = tokenSources.get(target.secret);
  if (!token) {
    token = createServiceTokenSource(target.secret, 'analytics');
    tokenSources.set(target.secret, token);
  }
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const response = await fetch(`${target.url.replace(/\/$/, '')}/trpc/${path}?input=${query}`, {
    headers: { [SERVICE_TOKEN_HEADER]: await token() },
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as {
    result?: { data?: Parameters<typeof superjson.deserialize>[0] };
    error?: unknown;
  };
  if (!response.ok || !body.result?.data) {
    throw new Error(`${path} failed with HTTP ${response.status}`);
  }
  return superjson.deserialize(body.result.data);
}
