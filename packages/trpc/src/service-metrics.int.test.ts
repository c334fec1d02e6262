import { metricSample as sample } from '@gametriggers/testing';
import { createAccessTokenVerifierWithKeys } from '@gametriggers/tokens';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Counter, DomainError, createPersonClient, publicProcedure, router, startService } from './index';
import type { DatabasePoolUsage, QueueStats, RunningService } from './index';

const metricsRouter = router({
  kit: router({
    echo: publicProcedure.input(z.object({ name: z.string().min(2) })).query(({ input }) => input.name),
    conflict: publicProcedure.mutation(() => {
      throw new DomainError('conflict', 'already_there', 'It is already there.');
    }),
    crash: publicProcedure.query(() => {
      throw new Error('boom');
    }),
  }),
});

let queueStats: () => Promise<QueueStats[]> = () => Promise.resolve([]);
let pool: DatabasePoolUsage = { total: 0, idle: 0, waiting: 0 };
const signups = new Counter({
  name: 'gametriggers_signups_total',
  help: 'Accounts created, by role',
  labelNames: ['role'],
  registers: [],
});
let service: RunningService;

function client() {
  return createPersonClient<typeof metricsRouter>({ url: service.url });
}

async function scrape() {
  const response = await fetch(`${service.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  const keys = await generateKeyPair('ES256');
  service = await startService({
    name: 'kit-metrics',
    port: 0,
    router: metricsRouter,
    auth: {
      accessTokens: createAccessTokenVerifierWithKeys(() => Promise.resolve(keys.publicKey), {
        issuer: 'test-issuer',
        audience: 'test-audience',
      }),
      serviceSecret: 'kit-metrics-service-secret-at-least-32-chars',
    },
    readiness: {},
    queues: { queueStats: () => queueStats() },
    databasePool: () => pool,
    metrics: [signups],
    tracing: null,
  });
});
afterAll(() => service.close(500));

describe('procedure metrics', () => {
  it('counts and times every call by outcome: ok, input errors, domain errors, faults', async () => {
    const before = await scrape();
    const okBefore = sample(before, 'trpc_procedure_duration_seconds_count', { procedure: 'kit.echo', outcome: 'ok' }) ?? 0;
    await client().kit.echo.query({ name: 'Ada' });
    await client().kit.echo.query({ name: 'Bo' });
    await expect(client().kit.echo.query({ name: 'x' })).rejects.toThrow();
    await expect(client().kit.conflict.mutate()).rejects.toThrow();
    await expect(client().kit.crash.query()).rejects.toThrow();

    const after = await scrape();
    const count = (procedure: string, outcome: string) =>
      sample(after, 'trpc_procedure_duration_seconds_count', { procedure, outcome });
    const calls = (procedure: string, outcome: string) =>
      sample(after, 'trpc_procedure_calls_total', { procedure, outcome });
    expect(count('kit.echo', 'ok')).toBe(okBefore + 2);
    expect(count('kit.echo', 'BAD_REQUEST')).toBe(1);
    expect(count('kit.conflict', 'CONFLICT')).toBe(1);
    expect(count('kit.crash', 'INTERNAL_SERVER_ERROR')).toBe(1);
    // The counter counts successes too, and each failure once (not again through tRPC's onError).
    expect(calls('kit.echo', 'ok')).toBe(okBefore + 2);
    expect(calls('kit.echo', 'BAD_REQUEST')).toBe(1);
    expect(calls('kit.conflict', 'CONFLICT')).toBe(1);
    expect(calls('kit.crash', 'INTERNAL_SERVER_ERROR')).toBe(1);
    expect(
      sample(after, 'trpc_procedure_duration_seconds_bucket', { procedure: 'kit.echo', outcome: 'ok', le: '+Inf' }),
    ).toBe(okBefore + 2);
  });

  it('counts a call no procedure answered (an unknown path) by its code', async () => {
    const response = await fetch(`${service.url}/trpc/kit.missing`);
    expect(response.status).toBe(404);
    const text = await scrape();
    expect(sample(text, 'trpc_procedure_calls_total', { procedure: 'kit.missing', outcome: 'NOT_FOUND' })).toBe(1);
    expect(sample(text, 'trpc_procedure_duration_seconds_count', { procedure: 'kit.missing', outcome: 'NOT_FOUND' })).toBeUndefined();
  });
});

describe('queue gauges', () => {
  it('serve each queue by state, the oldest waiting job’s age and dead letters, as read at the scrape', async () => {
    queueStats = () =>
      Promise.resolve([
        {
          queue: 'events.kit-metrics',
          jobs: { waiting: 4, active: 1, delayed: 2, failed: 3, completed: 9 },
          oldestWaitingAgeSeconds: 42.5,
          deadLetters: 6,
        },
        {
          queue: 'kit-metrics-jobs',
          jobs: { waiting: 0, active: 0, delayed: 1, failed: 0, completed: 2 },
          oldestWaitingAgeSeconds: 0,
        },
      ]);
    const text = await scrape();
    const jobs = (queue: string, state: string) => sample(text, 'bullmq_queue_jobs', { queue, state });
    expect(jobs('events.kit-metrics', 'waiting')).toBe(4);
    expect(jobs('events.kit-metrics', 'active')).toBe(1);
    expect(jobs('events.kit-metrics', 'delayed')).toBe(2);
    expect(jobs('events.kit-metrics', 'failed')).toBe(3);
    expect(jobs('events.kit-metrics', 'completed')).toBe(9);
    expect(jobs('kit-metrics-jobs', 'delayed')).toBe(1);
    expect(sample(text, 'bullmq_queue_oldest_waiting_age_seconds', { queue: 'events.kit-metrics' })).toBe(42.5);
    expect(sample(text, 'bullmq_dead_letter_jobs', { queue: 'events.kit-metrics' })).toBe(6);
    expect(sample(text, 'bullmq_dead_letter_jobs', { queue: 'kit-metrics-jobs' })).toBeUndefined();
  });

  it('reads once per scrape, drops queues that are gone, and scrape without them when Redis fails', async () => {
    let reads = 0;
    queueStats = () => {
      reads += 1;
      return Promise.resolve([
        {
          queue: 'kit-metrics-jobs',
          jobs: { waiting: 1, active: 0, delayed: 0, failed: 0, completed: 0 },
          oldestWaitingAgeSeconds: 3,
        },
      ]);
    };
    const text = await scrape();
    expect(reads).toBe(1);
    expect(sample(text, 'bullmq_queue_jobs', { queue: 'events.kit-metrics', state: 'waiting' })).toBeUndefined();
    expect(sample(text, 'bullmq_queue_jobs', { queue: 'kit-metrics-jobs', state: 'waiting' })).toBe(1);

    queueStats = () => Promise.reject(new Error('Redis is away'));
    const without = await scrape();
    expect(without).not.toContain('bullmq_queue_jobs{');
    expect(without).toContain('trpc_procedure_calls_total');
  });
});

describe('database pool gauge', () => {
  it('serves total, idle and waiting connections as they are at the scrape', async () => {
    pool = { total: 7, idle: 2, waiting: 3 };
    const text = await scrape();
    expect(sample(text, 'db_pool_connections', { state: 'total' })).toBe(7);
    expect(sample(text, 'db_pool_connections', { state: 'idle' })).toBe(2);
    expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(3);
  });
});

describe("a service's own metrics", () => {
  it('are served beside the kit’s, with the service label', async () => {
    signups.inc({ role: 'brand' });
    signups.inc({ role: 'brand' });
    const text = await scrape();
    expect(sample(text, 'gametriggers_signups_total', { role: 'brand', service: 'kit-metrics' })).toBe(2);
  });
});
