import type { IncomingMessage, ServerResponse } from 'node:http';

// `x-uploadthing-*`, `traceparent` and `b3` come with the upload client's requests to `/api/uploadthing`.
const allowedHeaders =
  'authorization, content-type, x-request-id, trpc-accept, x-trpc-source, x-uploadthing-package, x-uploadthing-version, traceparent, b3';

/** Sets CORS headers for allowed portal origins; answers preflights. Returns true when answered. */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  if (origin && origins.has(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
    res.setHeader('vary', 'origin');
  }
  if (req.method !== 'OPTIONS') return false;
  if (origin && origins.has(origin)) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', allowedHeaders);
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(origin && origins.has(origin) ? 204 : 403).end();
  return true;
}
