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

/**
 * `refused`: the connection failed before a byte was sent (refused, or not accepted in time), so
 * the request may go to another replica whatever its method. `unavailable`: the connection broke
 * after the request may have reached the service. `timeout`: no answer in time.
 */
export type ProxyFailure = 'refused' | 'unavailable' | 'timeout';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

export interface ForwardOptions {
  /** What to send upstream; none for a request without a body. Read only once connected. */
  body: Readable | undefined;
  target: URL;
  headers: Record<string, string>;
  timeouts: ProxyTimeouts;
  /** Called (before anything is answered) when the service cannot be reached or does not answer in time. */
  onFailure: (failure: ProxyFailure) => void;
  /** Called once the service accepted the connection (a new one, or a kept-alive one reused). */
  onConnected?: () => void;
  /** Pass only these request headers (besides `headers`); all end-to-end ones when not given. */
  allowedHeaders?: ReadonlySet<string> | undefined;
}

/**
 * Streams the request to `target` and the answer back. The body is read only once the connection
 * is up, so a request refused before that can be sent again, body included, to another replica.
 */
export function forward(req: IncomingMessage, res: ServerResponse, options: ForwardOptions) {
  const { body, timeouts, onFailure } = options;
  // The gateway's span as the service's parent (tracing off: nothing added, a browser's passes on).
  const outgoing = Object.assign(
    endToEndHeaders(req.headers, options.allowedHeaders),
    options.headers,
    currentTraceHeaders(),
  );

  let settled = false;
  let connected = false;
  const fail = (failure: ProxyFailure) => {
    if (settled) return;
    settled = true;
    upstream.destroy();
    onFailure(failure);
  };
  const upstream = http.request(
    options.target,
    { method: req.method, headers: outgoing, agent },
    (answer) => {
      clearTimeout(responseTimer);
      settled = true;
      res.writeHead(answer.statusCode ?? 502, endToEndHeaders(answer.headers));
      answer.pipe(res);
    },
  );
  const responseTimer = setTimeout(() => fail('timeout'), timeouts.responseMs);
  const send = () => {
    connected = true;
    options.onConnected?.();
    if (body) body.pipe(upstream);
    else upstream.end();
  };
  upstream.on('socket', (socket) => {
    if (!socket.connecting) return send();
    const connectTimer = setTimeout(() => fail('refused'), timeouts.connectMs);
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      send();
    });
    socket.once('close', () => clearTimeout(connectTimer));
  });
  upstream.on('error', () => {
    clearTimeout(responseTimer);
    if (!settled) fail(connected ? 'unavailable' : 'refused');
    else res.destroy();
  });
  res.on('close', () => {
    clearTimeout(responseTimer);
    if (!res.writableFinished) upstream.destroy();
  });
  return upstream;
}
