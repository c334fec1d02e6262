import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { AccessTokenVerifier } from '@gametriggers/tokens';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { authenticate, authorize } from './authenticate';
import type { Caller } from './authenticate';
import { applyCors } from './cors';
import { Refusal, sendGatewayError } from './error-response';
import type { ProxyFailure, ProxyTimeouts } from './proxy';
import { forward } from './proxy';
import type { Replica, ReplicaSet } from './replicas';
import { REFUSING_REPLICA_PAUSE_MS, createReplicaSet } from './replicas';
import { createRateLimiter } from './rate-limit';
import type { RateLimit } from './rate-limit';
import type { PublicRoute } from './public-routes';
import {
  applyOpenCors,
  overlayKeyBucket,
  overlayKeyFrom,
  publicRouteHeaders,
  publicRouteOf,
  webhookRouteHeaders,
  webhookRouteOf,
  SHORT_LINK_PATTERN,
  SHORT_LINK_SERVICE_PATH,
  shortLinkHeaders,
} from './public-routes';
import type { Domain } from './routes';
import { isDomain, parseApiPath, UPLOAD_ROUTE_PATH } from './routes';
import type { SessionEnding, SessionRevocations } from './session-revocations';

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Each service's base URL, or its replicas' (balanced by requests in flight). */
  serviceUrls: Record<Domain, string | readonly string[]>;
  identityJwksUrl: string;
  accessTokens: AccessTokenVerifier;
  serviceSecret: string;
  redis: Redis;
  /** Sessions identity ended (suspensions, sign-outs elsewhere), fed by `startSessionEndConsumer`. */
  revocations: SessionRevocations;
  corsOrigins: string[];
  maxBodyBytes: number;
  rateLimits: { windowMs: number; perUser: number; perIp: number; keyPrefix?: string };
  /** Per-minute-window limits of the overlay's public routes (same window as `rateLimits`). */
  overlayRateLimits?: { perIp: number; perKey: number };
  /** Per-minute-window visits of short links (`/r/<code>`) one IP may make (same window). */
  shortLinkRateLimitPerIp?: number;
  timeouts: ProxyTimeouts;
  log: Logger;
  /** The clock rate-limit windows are counted on (and `accessTokens` should check expiry on). */
  now: () => Date;
  /**
   * Where Prometheus scrapes `/metrics`: a listener of its own, never the public edge (which
   * answers 404 there). Without it the gateway serves no metrics.
   */
  metrics?: { port: number; host?: string };
}

const requestIdPattern = /^[\w.-]{1,128}$/;
const tracer = trace.getTracer('@gametriggers/gateway');

function bodyTooLarge(maxBodyBytes: number) {
  return new Refusal(
    'PAYLOAD_TOO_LARGE',
    'body_too_large',
    `Request bodies are limited to ${maxBodyBytes} bytes.`,
    // The rest of the body is never read, so the connection cannot be reused.
    { connection: 'close' },
  );
}

function tooManyRequests(retryAfterSeconds: number) {
  return new Refusal(
    'TOO_MANY_REQUESTS',
    'rate_limited',
    `Too many requests. Try again in ${retryAfterSeconds} s.`,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

const sessionEndedMessages: Record<SessionEnding, string> = {
  account_suspended:
    'This session has ended: the account was suspended. Sign in again once it is reactivated.',
  signed_out_elsewhere:
    'This session has ended: the password was changed or other devices were signed out. Sign in again.',
};

function sessionRevoked(ending: SessionEnding) {
  return new Refusal('UNAUTHORIZED', 'session_revoked', sessionEndedMessages[ending]);
}

function failedUnexpectedly(requestId: string) {
  return new Refusal(
    'BAD_GATEWAY',
    'gateway_error',
    `Something went wrong on our side. Quote request id ${requestId}.`,
  );
}

/** Starts the public API edge: auth, route rules, rate limits, CORS, limits, and the proxy. */
export async function createGateway(options: GatewayOptions) {
  const { log } = options;
  const corsOrigins = new Set(options.corsOrigins);
  const checkRateLimits = createRateLimiter(
    options.redis,
    options.rateLimits.windowMs,
    options.now,
    options.rateLimits.keyPrefix,
  );
  const overlayLimits = options.overlayRateLimits ?? { perIp: 600, perKey: 120 };
  const shortLinkPerIp = options.shortLinkRateLimitPerIp ?? 120;
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'gateway' });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'Gateway request duration by domain and status',
    labelNames: ['domain', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'gateway_refusals_total',
    help: 'Requests the gateway answered itself, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const replicaRefusals = new Counter({
    name: 'gateway_replica_refused_connections_total',
    help: 'Connections a service replica refused (the request then went to another replica, if any)',
    labelNames: ['domain', 'replica'],
    registers: [registry],
  });
  const replicaSets = Object.fromEntries(
    Object.entries(options.serviceUrls).map(([domain, urls]) => [
      domain,
      createReplicaSet(domain, urls, options.now),
    ]),
  ) as Record<Domain, ReplicaSet>;

  /**
   * Sends the request to one of the service's replicas. A replica that refuses the connection
   * (nothing sent yet) is passed over and the request tried on the next one, whatever its method;
   * once a connection is up the request is never sent again, so a mutation reaches a service once.
   */
  function forwardToService(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    to: {
      service: Domain;
      /** The path and query on the service. */
      path: string;
      body: Readable | undefined;
      headers: Record<string, string>;
      allowedHeaders?: ReadonlySet<string> | undefined;
      onFailure: (failure: ProxyFailure) => void;
    },
  ) {
    const replicas = replicaSets[to.service];
    const tried = new Set<Replica>();
    let upstream: http.ClientRequest | undefined;
    const attempt = (lastFailure: ProxyFailure) => {
      const replica = replicas.choose(tried);
      if (!replica) return to.onFailure(lastFailure);
      tried.add(replica);
      replica.inFlight += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        replica.inFlight -= 1;
      };
      res.once('close', release);
      upstream = forward(req, res, {
        body: to.body,
        target: new URL(to.path, replica.base),
        headers: to.headers,
        timeouts: options.timeouts,
        allowedHeaders: to.allowedHeaders,
        onConnected: () => {
          if (replicas.accepted(replica)) {
            log.info({ domain: to.service, replica: replica.url }, 'replica accepts connections again');
          }
        },
        onFailure: (failure) => {
          release();
          // A client that went away is not served elsewhere either.
          if (failure !== 'refused' || res.destroyed) return to.onFailure(failure);
          replicaRefusals.inc({ domain: to.service, replica: replica.url });
          if (replicas.refused(replica)) {
            log.warn(
              { domain: to.service, replica: replica.url, pausedMs: REFUSING_REPLICA_PAUSE_MS },
              'replica refused a connection: passed over for a while, its requests go to the others',
            );
          }
          attempt(failure);
        },
      });
    };
    attempt('refused');
    return { destroy: () => upstream?.destroy() };
  }

  async function limit(req: http.IncomingMessage, caller: Caller) {
    if (caller.kind === 'service') return;
    const ip = req.socket.remoteAddress ?? 'unknown';
    const limits: RateLimit[] =
      caller.kind === 'user'
        ? [{ key: `user:${caller.claims.sub}`, limit: options.rateLimits.perUser }]
        : [{ key: `ip:${ip}`, limit: options.rateLimits.perIp }];
    const decision = await checkRateLimits(limits);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    route: { domain: Domain; rest: string },
  ) {
    const { domain } = route;
    if (Number(req.headers['content-length'] ?? 0) > options.maxBodyBytes) {
      throw bodyTooLarge(options.maxBodyBytes);
    }
    const caller = await authenticate(req.headers, options.accessTokens, options.serviceSecret);
    authorize(domain, caller);
    // Issued together, so with auto-pipelining the list read rides in the rate limit's round trip.
    const [ending] = await Promise.all([
      caller.kind === 'user' ? options.revocations.endingOf(caller.claims) : undefined,
      limit(req, caller),
    ]);
    if (ending) throw sessionRevoked(ending);

    proxyTo(req, res, url, requestId, {
      path: `/trpc/${route.rest}${url.search}`,
      service: domain,
      maxBodyBytes: options.maxBodyBytes,
    });
  }

  /** `/api/uploadthing`: the browser's upload requests (claims, not files) to the asset service. */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, requestId: string) {
    if (req.method !== 'GET' && req.method !== 'POST') {
      throw new Refusal('METHOD_NOT_ALLOWED', 'method_not_allowed', `Use POST for ${url.pathname}.`, { allow: 'GET, POST, OPTIONS' });
    }
    if (Number(req.headers['content-length'] ?? 0) > options.maxBodyBytes) throw bodyTooLarge(options.maxBodyBytes);
    const caller = await authenticate(req.headers, options.accessTokens, options.serviceSecret);
    authorize('asset', caller);
    await limit(req, caller);
    proxyTo(req, res, url, requestId, {
      path: `${UPLOAD_ROUTE_PATH}${url.search}`,
      service: 'asset',
      maxBodyBytes: options.maxBodyBytes,
    });
  }

  /** The overlay's public routes: the overlay key is the credential; the service checks it. */
  async function handlePublic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    route: PublicRoute,
  ) {
    if (req.method !== 'POST') {
      throw new Refusal('METHOD_NOT_ALLOWED', 'method_not_allowed', `Use POST for ${url.pathname}.`, {
        allow: 'POST, OPTIONS',
      });
    }
    const key = overlayKeyFrom(req.headers);
    if (Number(req.headers['content-length'] ?? 0) > route.maxBodyBytes) {
      throw bodyTooLarge(route.maxBodyBytes);
    }
    const ip = req.socket.remoteAddress ?? 'unknown';
    const decision = await checkRateLimits([
      { key: `ip:${ip}`, limit: overlayLimits.perIp },
      { key: overlayKeyBucket(key), limit: overlayLimits.perKey },
    ]);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    proxyTo(req, res, url, requestId, {
      path: `${route.path}${url.search}`,
      service: route.service,
      maxBodyBytes: route.maxBodyBytes,
      allowedHeaders: publicRouteHeaders,
    });
  }

  /** `POST /webhooks/stripe[/connect]`: Stripe's deliveries, byte for byte, to the payment service. */
  function handleWebhook(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    route: PublicRoute,
  ) {
    if (req.method !== 'POST') {
      throw new Refusal('METHOD_NOT_ALLOWED', 'method_not_allowed', `Use POST for ${url.pathname}.`, { allow: 'POST' });
    }
    if (Number(req.headers['content-length'] ?? 0) > route.maxBodyBytes) throw bodyTooLarge(route.maxBodyBytes);
    proxyTo(req, res, url, requestId, {
      path: route.path,
      service: route.service,
      maxBodyBytes: route.maxBodyBytes,
      allowedHeaders: webhookRouteHeaders,
    });
  }

  /**
   * `GET /r/<code>`: a viewer following a streamer's sponsor link. The analytics service counts the
   * visit and answers a 302, passed through as is (never followed here). It sees the address this
   * gateway saw (a client's own `x-forwarded-for` is not trusted) and the user agent, nothing else.
   */
  async function handleShortLink(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    code: string,
  ) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new Refusal('METHOD_NOT_ALLOWED', 'method_not_allowed', `Use GET for ${url.pathname}.`, {
        allow: 'GET, HEAD',
      });
    }
    const ip = req.socket.remoteAddress ?? 'unknown';
    const decision = await checkRateLimits([{ key: `short-link-ip:${ip}`, limit: shortLinkPerIp }]);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    forwardToService(req, res, {
      service: 'analytics',
      path: `${SHORT_LINK_SERVICE_PATH}?${new URLSearchParams({ code }).toString()}`,
      body: undefined,
      headers: { 'x-request-id': requestId, 'x-forwarded-for': ip },
      allowedHeaders: shortLinkHeaders,
      onFailure: (failure) =>
        refuse(
          res,
          url,
          requestId,
          failure === 'timeout'
            ? new Refusal('GATEWAY_TIMEOUT', 'service_timeout', 'This link did not answer in time. Try again.')
            : new Refusal(
                'SERVICE_UNAVAILABLE',
                'service_unavailable',
                'This link cannot be opened right now. Try again in a moment.',
              ),
        ),
    });
  }

  function proxyTo(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    to: { path: string; service: Domain; maxBodyBytes: number; allowedHeaders?: ReadonlySet<string> },
  ) {
    // Counted while streaming too: a chunked body has no length to check up front. A GET (most
    // tRPC queries) has no body, so it skips the counting stream on the hot path.
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    let received = 0;
    const body = hasBody
      ? new Transform({
          transform(chunk: Buffer, _encoding, done) {
            received += chunk.length;
            if (received > to.maxBodyBytes) done(bodyTooLarge(to.maxBodyBytes));
            else done(null, chunk);
          },
        })
      : undefined;
    if (body) req.pipe(body);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = forwardToService(req, res, {
      service: to.service,
      path: to.path,
      body,
      headers: { 'x-request-id': requestId, 'x-forwarded-for': forwardedFor },
      allowedHeaders: to.allowedHeaders,
      onFailure: (failure) => {
        refuse(
          res,
          url,
          requestId,
          failure === 'timeout'
            ? new Refusal(
                'GATEWAY_TIMEOUT',
                'service_timeout',
                `The ${to.service} service did not answer in time. Try again.`,
              )
            : new Refusal(
                'SERVICE_UNAVAILABLE',
                'service_unavailable',
                `The ${to.service} service is unavailable right now. Try again in a moment.`,
              ),
        );
      },
    });
    body?.on('error', (error) => {
      if (error instanceof Refusal) refuse(res, url, requestId, error);
      upstream.destroy();
    });
  }

  function refuse(res: http.ServerResponse, url: URL, requestId: string, refusal: Refusal) {
    if (res.headersSent) {
      // Already answering (a refusal raced a failure, or the service's answer broke mid-way).
      if (!res.writableEnded) res.destroy();
      return;
    }
    refusals.inc({ reason: refusal.reason });
    sendGatewayError(res, url, refusal.code, refusal.message, {
      requestId,
      reason: refusal.reason,
      ...(refusal.headers ? { headers: refusal.headers } : {}),
    });
  }

  /**
   * Each request's trace starts here (or continues the browser's, when it sent `traceparent`); the
   * services' spans join it through the `traceparent` the proxy forwards. Probes are not traced.
   */
  function requestSpan(
    req: http.IncomingMessage,
    url: URL,
    target: { domain: string | undefined; api: boolean; shortLink: boolean },
  ) {
    if (url.pathname === '/healthz' || url.pathname === '/readyz') {
      return { requestContext: ROOT_CONTEXT, end: () => {} };
    }
    const route = target.api
      ? `/api/${target.domain}`
      : target.shortLink
        ? '/r/{code}'
        : target.domain || url.pathname === '/.well-known/jwks.json'
          ? url.pathname
          : undefined;
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      route ? `${req.method} ${route}` : `${req.method}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method ?? 'GET',
          'url.path': url.pathname,
          ...(route ? { 'http.route': route } : {}),
          'gametriggers.service': 'gateway',
        },
      },
      parent,
    );
    return {
      requestContext: trace.setSpan(parent, span),
      end: (status: number) => {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  }

  /** `{ refusingReplicas: { <domain>: [url, …] } }` while any replica is passed over, else `{}`. */
  function refusingReplicas() {
    const refusing = Object.entries(replicaSets).flatMap(([domain, replicas]) => {
      const urls = replicas.refusing();
      return urls.length ? [[domain, urls] as const] : [];
    });
    return refusing.length ? { refusingReplicas: Object.fromEntries(refusing) } : {};
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const requestId =
      typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://gateway');
    const route = url.pathname.startsWith('/api/') ? parseApiPath(url.pathname) : undefined;
    const publicRoute = publicRouteOf(url.pathname);
    const webhookRoute = webhookRouteOf(url.pathname);
    const shortLink = SHORT_LINK_PATTERN.exec(url.pathname)?.[1];
    const upload = url.pathname === UPLOAD_ROUTE_PATH;
    const domain =
      route && isDomain(route.domain)
        ? route.domain
        : (publicRoute?.service ?? webhookRoute?.service ?? (shortLink ? 'analytics' : upload ? 'asset' : undefined));
    const failed = (error: unknown) => {
      if (error instanceof Refusal) return refuse(res, url, requestId, error);
      log.error({ err: error, requestId }, 'gateway failure');
      refuse(res, url, requestId, failedUnexpectedly(requestId));
    };
    const { requestContext, end } = requestSpan(req, url, {
      domain,
      api: Boolean(route && domain),
      shortLink: Boolean(shortLink),
    });
    res.on('close', context.bind(requestContext, () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      duration.observe({ domain: domain ?? 'none', status: String(status) }, ms / 1000);
      end(status);
      log.info(
        { requestId, method: req.method, path: url.pathname, domain, status, ms },
        'request',
      );
    }));
    context.with(requestContext, () => {
      if (publicRoute ? applyOpenCors(req, res) : applyCors(req, res, corsOrigins)) return;

      if (url.pathname === '/healthz') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', service: 'gateway' }));
      } else if (url.pathname === '/readyz') {
        // Ready once Redis answers: rate limits and the revocation list live there. Replicas that
        // refused connections are named, not a reason to stop routing (the others take their share).
        void options.redis.ping().then(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ready', ...refusingReplicas() })),
          () => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'not_ready', redis: 'unreachable' })),
        );
      } else if (url.pathname === '/.well-known/jwks.json') {
        forward(req, res, {
          body: undefined,
          target: new URL(options.identityJwksUrl),
          headers: { 'x-request-id': requestId },
          timeouts: options.timeouts,
          onFailure: () =>
            refuse(
              res,
              url,
              requestId,
              new Refusal(
                'SERVICE_UNAVAILABLE',
                'service_unavailable',
                'The identity service is unavailable.',
              ),
            ),
        });
      } else if (publicRoute) {
        handlePublic(req, res, url, requestId, publicRoute).catch(failed);
      } else if (webhookRoute) {
        try {
          handleWebhook(req, res, url, requestId, webhookRoute);
        } catch (error) {
          failed(error);
        }
      } else if (shortLink) {
        let code: string;
        try {
          code = decodeURIComponent(shortLink);
        } catch {
          code = '';
        }
        handleShortLink(req, res, url, requestId, code).catch(failed);
      } else if (upload) {
        handleUpload(req, res, url, requestId).catch(failed);
      } else if (route && domain) {
        handleApi(req, res, url, requestId, { domain, rest: route.rest }).catch(failed);
      } else {
        refuse(
          res,
          url,
          requestId,
          url.pathname.startsWith('/api/')
            ? new Refusal('NOT_FOUND', 'unknown_domain', `There is no API at ${url.pathname}.`)
            : new Refusal(
                'NOT_FOUND',
                'not_found',
                'Nothing here. The API lives under /api/<domain>.',
              ),
        );
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, options.port, options.host ?? '127.0.0.1');
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  log.info({ url }, 'gateway listening');

  const metricsServer = options.metrics && createMetricsServer(registry);
  let metricsUrl: string | undefined;
  if (metricsServer && options.metrics) {
    const metricsHost = options.metrics.host ?? '127.0.0.1';
    const metricsPort = await listen(metricsServer, options.metrics.port, metricsHost);
    metricsUrl = `http://${metricsHost}:${metricsPort}/metrics`;
    log.info({ url: metricsUrl }, 'gateway metrics listening');
  }

  return {
    url,
    port,
    /** Where the internal metrics listener serves `/metrics`, when one was asked for. */
    metricsUrl,
    /** Stops accepting, lets requests in flight finish (up to `drainMs`), then cuts the rest. */
    async close(drainMs = 10_000) {
      if (metricsServer) {
        metricsServer.closeAllConnections();
        await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), drainMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
function listen(server: http.Server, port: number, host: string) {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The internal listener Prometheus scrapes: `/metrics` and nothing else. */
function createMetricsServer(registry: Registry) {
  return http.createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://metrics').pathname !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only /metrics is served here.');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
}

export type RunningGateway = Awaited<ReturnType<typeof createGateway>>;

/** The earlier name, kept for callers written against it. */
export const startGateway = createGateway;
