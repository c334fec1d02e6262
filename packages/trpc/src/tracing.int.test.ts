import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { createAccessTokenVerifierWithKeys } from '@gametriggers/tokens';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createLogger,
  createServiceClient,
  internalProcedure,
  publicProcedure,
  router,
  startService,
  stopTracing,
  tracingActive,
} from './index';
import type { CallerAuthenticator, RunningService } from './index';

// One process, one tracer provider: the first service registers it with the spans kept in memory.
const exporter = new InMemorySpanExporter();
const serviceSecret = 'kit-tracing-service-secret-at-least-32-chars';
const logLines: Array<Record<string, unknown>> = [];
const browserTrace = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };

const echoRouter = router({
  kit: router({ pong: internalProcedure.query(() => 'pong') }),
});
let echo: RunningService;
let front: RunningService;

function frontRouter() {
  const echoClient = createServiceClient<typeof echoRouter>({ url: echo.url, secret: serviceSecret, caller: 'front' });
  return router({
    kit: router({
      ping: publicProcedure.query(async ({ ctx }) => {
        ctx.log.info('asking the echo service');
        return echoClient.kit.pong.query();
      }),
    }),
  });
}

async function auth(): Promise<CallerAuthenticator> {
  const keys = await generateKeyPair('ES256');
  return {
    accessTokens: createAccessTokenVerifierWithKeys(() => Promise.resolve(keys.publicKey), {
      issuer: 'test-issuer',
      audience: 'test-audience',
    }),
    serviceSecret,
  };
}

beforeAll(async () => {
  const authenticator = await auth();
  echo = await startService({
    name: 'kit-echo',
    port: 0,
    router: echoRouter,
    auth: authenticator,
    readiness: {},
    tracing: {
      serviceName: 'kit-tracing',
      exporter: { spanExporter: exporter },
      sampler: { ratio: 1, parentBased: true },
    },
    log: createLogger('kit-echo', 'silent'),
  });
  front = await startService({
    name: 'kit-front',
    port: 0,
    router: frontRouter(),
    auth: authenticator,
    readiness: {},
    log: createLogger('kit-front', 'info', { write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>) }),
  });
});
afterAll(async () => {
  await front.close(500);
  await echo.close(500);
  await stopTracing();
});

const attribute = (span: ReadableSpan, key: string) => span.attributes[key];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

async function ping(headers: Record<string, string> = {}) {
  exporter.reset();
  logLines.length = 0;
  const response = await fetch(`${front.url}/trpc/kit.ping`, { headers });
  expect(response.status).toBe(200);
  // The server span ends, and the request line is written, once the response has closed.
  await vi.waitUntil(() => logLines.some((line) => line.msg === 'request'), { timeout: 5_000 });
  return exporter.getFinishedSpans();
}

describe('tracing on', () => {
  it('registers one provider for the process', () => {
    expect(tracingActive()).toBe(true);
  });

  it('continues the caller’s trace through the request, the procedure and a service-to-service call', async () => {
    const spans = await ping({ traceparent: `00-${browserTrace.traceId}-${browserTrace.spanId}-01` });
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([browserTrace.traceId]));

    const frontServer = spans.find((span) => attribute(span, 'gametriggers.service') === 'kit-front');
    const echoServer = spans.find((span) => attribute(span, 'gametriggers.service') === 'kit-echo');
    const pingProcedure = spans.find((span) => span.name === 'kit.ping');
    const pongProcedure = spans.find((span) => span.name === 'kit.pong');
    expect(frontServer).toMatchObject({ name: 'GET /trpc', kind: SpanKind.SERVER });
    expect(frontServer && parentOf(frontServer)).toBe(browserTrace.spanId);
    expect(frontServer?.attributes).toMatchObject({ 'http.response.status_code': 200, 'url.path': '/trpc/kit.ping' });
    expect(pingProcedure && parentOf(pingProcedure)).toBe(frontServer?.spanContext().spanId);
    expect(pingProcedure?.attributes).toMatchObject({ 'rpc.system': 'trpc', 'rpc.method': 'kit.ping' });
    // The echo service's request is a child of the procedure that called it.
    expect(echoServer && parentOf(echoServer)).toBe(pingProcedure?.spanContext().spanId);
    expect(pongProcedure && parentOf(pongProcedure)).toBe(echoServer?.spanContext().spanId);
    expect(pingProcedure?.resource.attributes['service.name']).toBe('kit-tracing');
  });

  it('writes the trace and span ids into the log lines of the request', async () => {
    const spans = await ping({ traceparent: `00-${browserTrace.traceId}-${browserTrace.spanId}-01` });
    const pingProcedure = spans.find((span) => span.name === 'kit.ping');
    const frontServer = spans.find((span) => attribute(span, 'gametriggers.service') === 'kit-front');
    expect(logLines.find((line) => line.msg === 'asking the echo service')).toMatchObject({
      traceId: browserTrace.traceId,
      spanId: pingProcedure?.spanContext().spanId,
    });
    expect(logLines.find((line) => line.msg === 'request')).toMatchObject({
      traceId: browserTrace.traceId,
      spanId: frontServer?.spanContext().spanId,
      path: '/trpc/kit.ping',
    });
  });

  it('starts a trace of its own for a request that brings none, and leaves probes untraced', async () => {
    const spans = await ping();
    const frontServer = spans.find((span) => attribute(span, 'gametriggers.service') === 'kit-front');
    expect(frontServer && parentOf(frontServer)).toBeUndefined();
    expect(frontServer?.spanContext().traceId).not.toBe(browserTrace.traceId);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);

    exporter.reset();
    logLines.length = 0;
    await fetch(`${front.url}/healthz`);
    await fetch(`${front.url}/metrics`);
    await fetch(`${front.url}/trpc/kit.ping`);
    await vi.waitUntil(() => logLines.some((line) => line.msg === 'request'), { timeout: 5_000 });
    expect(exporter.getFinishedSpans().map((span) => attribute(span, 'url.path'))).toContain('/trpc/kit.ping');
    expect(exporter.getFinishedSpans().map((span) => attribute(span, 'url.path'))).not.toContain('/healthz');
    expect(exporter.getFinishedSpans().map((span) => attribute(span, 'url.path'))).not.toContain('/metrics');
  });
});
