import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { currentTraceHeaders } from '@gametriggers/trpc';

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'proxy-connection',
]);

/**
 * Copies headers minus the hop-by-hop ones, including any the `Connection` header names; only the
 * `allowed` ones when given.
 */
function endToEndHeaders(
  headers: http.IncomingHttpHeaders,
  allowed?: ReadonlySet<string>,
): http.OutgoingHttpHeaders {
  const named = headers.connection
    ? new Set(headers.connection.split(',').map((name) => name.trim().toLowerCase()))
    : undefined;
  const copied: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || named?.has(name)) continue;
    if (!allowed || allowed.has(name)) copied[name] = value;
  }
  return copied;
}

export interface ProxyTimeouts {
  /** A service that does not accept the connection in this time is reported unavailable. */
  connectMs: number;
  /** A service that does not answer in this time is reported as timed out. */
  responseMs: number;
}

export type ProxyFailure = 'unavailable' | 'timeout';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

/**
 * Streams the request to `target` and the answer back. Calls `onFailure` (before anything is sent)
 * when the service cannot be reached or does not answer in time.
 */
export function forward(
  req: IncomingMessage,
  /** What to send upstream; none for a request without a body. */
  body: Readable | undefined,
  res: ServerResponse,
  target: URL,
  headers: Record<string, string>,
  timeouts: ProxyTimeouts,
  onFailure: (failure: ProxyFailure) => void,
  /** Pass only these request headers (besides `headers`); all end-to-end ones when not given. */
  allowedHeaders?: ReadonlySet<string>,
) {
  // The gateway's span as the service's parent (tracing off: nothing added, a browser's passes on).
  const outgoing = Object.assign(endToEndHeaders(req.headers, allowedHeaders), headers, currentTraceHeaders());

  let settled = false;
  const fail = (failure: ProxyFailure) => {
    if (settled) return;
    settled = true;
    upstream.destroy();
    onFailure(failure);
  };
  const upstream = http.request(
    target,
    { method: req.method, headers: outgoing, agent },
    (answer) => {
      clearTimeout(responseTimer);
      settled = true;
      res.writeHead(answer.statusCode ?? 502, endToEndHeaders(answer.headers));
      answer.pipe(res);
    },
  );
  const responseTimer = setTimeout(() => fail('timeout'), timeouts.responseMs);
  upstream.on('socket', (socket) => {
    if (!socket.connecting) return;
    const connectTimer = setTimeout(() => fail('unavailable'), timeouts.connectMs);
    socket.once('connect', () => clearTimeout(connectTimer));
    socket.once('close', () => clearTimeout(connectTimer));
  });
  upstream.on('error', () => {
    clearTimeout(responseTimer);
    if (!settled) fail('unavailable');
    else res.destroy();
  });
  res.on('close', () => {
    clearTimeout(responseTimer);
    if (!res.writableFinished) upstream.destroy();
  });
  if (body) body.pipe(upstream);
  else upstream.end();
  return upstream;
}
