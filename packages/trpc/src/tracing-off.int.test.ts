import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { propagation, trace } from '@opentelemetry/api';
import { createAccessTokenVerifierWithKeys } from '@gametriggers/tokens';
import { generateKeyPair } from 'jose';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createLogger, createServiceClient, publicProcedure, router, startService, tracingActive } from './index';
import type { RunningService } from './index';

// Nothing configures tracing here: whatever the machine's environment says, it is off.
vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', '');
vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '');
vi.stubEnv('OTEL_TRACES_EXPORTER', '');

/** The other service's procedure. */
const pongRouter = router({ kit: router({ pong: publicProcedure.query(() => 'pong') }) });
const logLines: Array<Record<string, unknown>> = [];
const headersSeen: http.IncomingHttpHeaders[] = [];
let downstream: http.Server;
let service: RunningService;

beforeAll(async () => {
  // Stands for another service: it records the headers a service client sends it.
  downstream = http.createServer(
    createHTTPHandler({
      router: pongRouter,
      basePath: '/trpc/',
      createContext: ({ req }) => {
        headersSeen.push(req.headers);
        return { caller: { kind: 'anonymous' }, authError: undefined, requestId: 'downstream', log: createLogger('downstream', 'silent') };
      },
    }),
  );
  await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
  const other = createServiceClient<typeof pongRouter>({
    url: `http://127.0.0.1:${(downstream.address() as AddressInfo).port}`,
    secret: 'kit-tracing-off-secret-of-at-least-32-chars',
    caller: 'kit-off',
  });
  const keys = await generateKeyPair('ES256');
  service = await startService({
    name: 'kit-off',
    port: 0,
    router: router({
      kit: router({
        ping: publicProcedure.query(async ({ ctx }) => {
          ctx.log.info('asking another service');
          return other.kit.pong.query();
        }),
      }),
    }),
    auth: {
      accessTokens: createAccessTokenVerifierWithKeys(() => Promise.resolve(keys.publicKey), {
        issuer: 'test-issuer',
        audience: 'test-audience',
      }),
      serviceSecret: 'kit-tracing-off-secret-of-at-least-32-chars',
    },
    readiness: {},
    log: createLogger('kit-off', 'info', { write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>) }),
  });
});
afterAll(async () => {
  await service.close(500);
  await new Promise((resolve) => downstream.close(resolve));
});

it('registers nothing: the API stays a no-op that records and propagates nothing', () => {
  expect(tracingActive()).toBe(false);
  const span = trace.getTracer('test').startSpan('anything');
  expect(span.isRecording()).toBe(false);
  expect(propagation.fields()).toEqual([]);
});

it('writes no trace ids in the logs and sends no traceparent on, even when a caller sent one', async () => {
  const response = await fetch(`${service.url}/trpc/kit.ping`, {
    headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  });
  expect(response.status).toBe(200);
  await vi.waitUntil(() => logLines.some((line) => line.msg === 'request'), { timeout: 5_000 });
  const requestLines = logLines.filter((line) => line.msg === 'request' || line.msg === 'asking another service');
  expect(requestLines).toHaveLength(2);
  for (const line of requestLines) {
    expect(line).not.toHaveProperty('traceId');
    expect(line).not.toHaveProperty('spanId');
  }
  expect(headersSeen).toHaveLength(1);
  expect(headersSeen[0]).toHaveProperty('x-service-token');
  expect(headersSeen[0]).not.toHaveProperty('traceparent');
});
