import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { databasePoolUsage } from '@gametriggers/db';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { AnyTRPCRouter } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Metric } from 'prom-client';
import type { CallerAuthenticator, ServiceContext } from './context';
import { authenticateCaller, requestIdOf } from './context';
import type { Logger } from './logger';
import { createLogger } from './logger';
import type { DatabasePoolUsage, OutboxBacklogSource, QueueStatsSource } from './metrics';
import { createServiceMetrics } from './metrics';
import type { TracingConfig } from './tracing';
import { startTracing, stopTracing, tracingConfigFromEnv } from './tracing';

export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export type ReadinessCheck = () => Promise<unknown>;
export type PlainRoute = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => Promise<void> | void;

export interface ServiceOptions {
  name: string;
  port: number;
  host?: string;
  router: AnyTRPCRouter;
  auth: CallerAuthenticator;
  /** Named checks `/readyz` runs, e.g. `{ database: () => db.$queryRaw\`SELECT 1\` }`. */
  readiness: Record<string, ReadinessCheck>;
  /** Plain HTTP routes beside tRPC, by `METHOD /path`, e.g. `GET /.well-known/jwks.json`. */
  routes?: Record<string, PlainRoute>;
  /**
   * The service's outbox relay: its backlog is served as gauges on `/metrics` (the health page's
   * outbox lag), and so are the service's BullMQ queues, read through it.
   */
  outbox?: OutboxBacklogSource;
  /** The service's queues, for a service without an outbox relay (closed with the service). */
  queues?: QueueStatsSource;
  /** The database pool's use (default: the pools the db kit's `createPgAdapter` opened). */
  databasePool?: () => DatabasePoolUsage;
  /** The service's own metrics (business counters, created with `registers: []`), on `/metrics`. */
  metrics?: Metric[];
  /** Tracing (default: from the `OTEL_*` variables, off unless an OTLP endpoint is set); `null`: off. */
  tracing?: TracingConfig | null;
  /** Closed in order after the server stops accepting and in-flight requests drain. */
  closeables?: Array<() => Promise<unknown>>;
  log?: Logger;
}

export interface RunningService {
  url: string;
  port: number;
  log: Logger;
  /** The router it serves (tests enumerate its procedures). */
  router: AnyTRPCRouter;
  /** Stop accepting, drain in-flight requests (up to `drainMs`), then close `closeables`. */
  close(drainMs?: number): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const tracer = trace.getTracer('@gametriggers/trpc');
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? createLogger(options.name);
  const tracing = startTracing(
    options.tracing === undefined ? tracingConfigFromEnv(options.name) : (options.tracing ?? undefined),
  );
  const queuesOfOutbox = options.outbox?.queueStats?.bind(options.outbox);
  const metrics = createServiceMetrics(options.name, {
    outbox: options.outbox,
    queues:
      options.queues ??
      (queuesOfOutbox ? { queueStats: () => queuesOfOutbox(options.name) } : undefined),
    databasePool: options.databasePool ?? databasePoolUsage,
    metrics: options.metrics,
  });
  let draining = false;
  let inFlight = 0;

  const trpcHandler = createHTTPHandler({
    router: options.router,
    basePath: '/trpc/',
    maxBodySize: MAX_REQUEST_BODY_BYTES,
    async createContext({ req }) {
      const requestId = requestIdOf(req);
      return {
        ...(await authenticateCaller(req, options.auth)),
        requestId,
        log: log.child({ requestId }),
        observeProcedure: metrics.observeProcedure,
      };
    },
    onError({ error, path, ctx }) {
      metrics.observeError(path ?? 'unknown', error);
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        const requestLog: Logger = (ctx as ServiceContext | undefined)?.log ?? log;
        requestLog.error({ err: error.cause ?? error, path }, 'procedure failed');
      }
    },
  });

  async function readiness(res: http.ServerResponse) {
    const results = await Promise.all(
      Object.entries(options.readiness).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2_000, name);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        }
      }),
    );
    const ready = !draining && results.every(([, status]) => status === 'ok');
    sendJson(res, ready ? 200 : 503, {
      status: draining ? 'draining' : ready ? 'ready' : 'not_ready',
      checks: Object.fromEntries(results),
    });
  }

  function serveMetrics(res: http.ServerResponse) {
    metrics.registry.metrics().then(
      (body) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      },
      (error: unknown) => {
        log.error({ err: error }, 'metrics could not be collected');
        sendJson(res, 500, { error: 'metrics_unavailable' });
      },
    );
  }

  /**
   * A span per request (none for probes), continuing the caller's trace when it sent `traceparent`;
   * the request is handled, and its line logged, inside it.
   */
  function requestSpan(req: http.IncomingMessage, path: string, route: string) {
    if (PROBES.has(path)) return { requestContext: ROOT_CONTEXT, end: () => {} };
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const known = route === '/trpc' || options.routes?.[`${req.method} ${path}`] !== undefined;
    const span = tracer.startSpan(
      // Paths nothing serves stay out of span names (any client can invent them).
      known ? `${req.method} ${route}` : `${req.method}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method ?? 'GET',
          [ATTR_HTTP_ROUTE]: route,
          [ATTR_URL_PATH]: path,
          'gametriggers.service': options.name,
        },
      },
      parent,
    );
    return {
      requestContext: trace.setSpan(parent, span),
      end: (status: number) => {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = path.startsWith('/trpc/') ? '/trpc' : path;
    const { requestContext, end } = requestSpan(req, path, route);
    inFlight += 1;
    res.on('close', context.bind(requestContext, () => {
      inFlight -= 1;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requestDuration.observe({ route, status: String(res.statusCode) }, seconds);
      end(res.statusCode);
      if (!PROBES.has(route)) {
        log.info(
          {
            requestId,
            method: req.method,
            path,
            status: res.statusCode,
            ms: Math.round(seconds * 1e4) / 10,
          },
          'request',
        );
      }
    }));
    context.with(requestContext, () => handle(req, res, requestId, path));
  });
  server.keepAliveTimeout = 65_000;

  function handle(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, path: string) {
    const plain = options.routes?.[`${req.method} ${path}`];
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES) {
      // Bodies sent without a length are cut off by tRPC's own maxBodySize while reading.
      sendJson(res, 413, {
        error: 'payload_too_large',
        message: `Request bodies are limited to ${MAX_REQUEST_BODY_BYTES} bytes.`,
        requestId,
      });
    } else if (path.startsWith('/trpc/')) {
      trpcHandler(req, res);
    } else if (plain) {
      Promise.resolve(plain(req, res)).catch((error: unknown) => {
        log.error({ err: error, requestId, path }, 'route failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error', requestId });
      });
    } else if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok', service: options.name });
    } else if (path === '/readyz') {
      void readiness(res);
    } else if (path === '/metrics') {
      serveMetrics(res);
    } else {
      sendJson(res, 404, {
        error: 'not_found',
        message: `No route for ${req.method} ${path}`,
        requestId,
      });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  log.info({ url }, `${options.name} listening`);

  return {
    url,
    port,
    log,
    router: options.router,
    async close(drainMs = 10_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + drainMs;
      while (inFlight > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      server.closeAllConnections();
      await closed;
      for (const close of [...(options.closeables ?? []), async () => options.queues?.close?.()]) {
        await close().catch((error: unknown) => log.error({ err: error }, 'close failed'));
      }
      // The provider may serve other services of this process (tests): flushed here, shut at exit.
      await tracing?.flush().catch((error: unknown) => log.warn({ err: error }, 'spans not exported'));
      log.info(`${options.name} stopped`);
    },
  };
}

/** SIGTERM / SIGINT: drain and close, then exit; a second signal exits at once. */
export function stopOnSignals(service: RunningService) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    service.log.info({ signal }, 'shutting down');
    service.close().then(stopTracing).then(
      () => process.exit(0),
      (error: unknown) => {
        service.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
