import type { Metric } from 'prom-client';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a service's outbox relay has yet to publish (the events kit's relay gives it). */
export interface OutboxBacklogSource {
  backlog(): Promise<{ pending: number; oldestPendingAt: Date | null }>;
  /** The BullMQ queues `service` owns, read from the relay's Redis (the events kit's relay gives it). */
  queueStats?(service: string): Promise<QueueStats[]>;
}

export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/** One BullMQ queue at one moment. */
export interface QueueStats {
  queue: string;
  jobs: Record<QueueJobState, number>;
  /** How long the oldest waiting job has waited; 0 when none waits. */
  oldestWaitingAgeSeconds: number;
  /** Events that kept failing, set aside (event queues only). */
  deadLetters?: number;
}

/** The queues a service owns, read at each scrape (`createQueueStatsReader` of the events kit). */
export interface QueueStatsSource {
  queueStats(): Promise<QueueStats[]>;
  /** Called when the service closes (its Redis connection). */
  close?(): Promise<void>;
}

/** How the connections of the service's database pool are used (`databasePoolUsage` of the db kit). */
export interface DatabasePoolUsage {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsSources {
  outbox?: OutboxBacklogSource | undefined;
  queues?: QueueStatsSource | undefined;
  databasePool?: (() => DatabasePoolUsage) | undefined;
  /** The service's own metrics (created with `registers: []`), served beside the kit's. */
  metrics?: Metric[] | undefined;
}

export interface ServiceMetrics {
  registry: Registry;
  requestDuration: Histogram<'route' | 'status'>;
  procedureCalls: Counter<'procedure' | 'outcome'>;
  procedureDuration: Histogram<'procedure' | 'outcome'>;
  /** A procedure ran: `ok`, or the tRPC code of the error it ended with. */
  observeProcedure: (procedure: string, outcome: string, seconds: number, error?: Error) => void;
  /** An error tRPC reported: counted unless the procedure's own observation already counted it. */
  observeError: (procedure: string, error: Error & { code: string }) => void;
}

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createServiceMetrics(service: string, sources: MetricsSources = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  if (sources.outbox) registerOutboxGauges(registry, sources.outbox);
  if (sources.queues) registerQueueGauges(registry, sources.queues);
  if (sources.databasePool) registerPoolGauge(registry, sources.databasePool);
  for (const metric of sources.metrics ?? []) registry.registerMetric(metric);
  const procedureCalls = new Counter({
    name: 'trpc_procedure_calls_total',
    help: 'tRPC procedure calls by outcome (ok or the tRPC error code)',
    labelNames: ['procedure', 'outcome'],
    registers: [registry],
  });
  const procedureDuration = new Histogram({
    name: 'trpc_procedure_duration_seconds',
    help: 'tRPC procedure duration in seconds by outcome (ok or the tRPC error code)',
    labelNames: ['procedure', 'outcome'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  // Errors a procedure's observation counted; tRPC reports them again through `onError`.
  const observed = new WeakSet<Error>();
  return {
    registry,
    requestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds',
      labelNames: ['route', 'status'],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    procedureCalls,
    procedureDuration,
    observeProcedure(procedure, outcome, seconds, error) {
      procedureCalls.inc({ procedure, outcome });
      procedureDuration.observe({ procedure, outcome }, seconds);
      if (error) observed.add(error);
    },
    observeError(procedure, error) {
      // Refused before any procedure ran: an unknown path, a body that is not JSON, a wrong method.
      if (!observed.has(error)) procedureCalls.inc({ procedure, outcome: error.code });
    },
  };
}

/** One read shared by every gauge collecting from it during a scrape (they collect at once). */
function sharedReading<T>(read: () => Promise<T>): () => Promise<T> {
  let reading: Promise<T> | undefined;
  return () => (reading ??= read().finally(() => (reading = undefined)));
}

/**
 * The outbox lag, read at each scrape: unpublished events and when the oldest occurred (a timestamp,
 * so whoever reads it computes the age on its own clock).
 */
function registerOutboxGauges(registry: Registry, outbox: OutboxBacklogSource) {
  const backlog = sharedReading(() => outbox.backlog());
  new Gauge({
    name: 'outbox_pending_events',
    help: 'Outbox events not yet published by the relay',
    registers: [registry],
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: 'outbox_oldest_pending_timestamp_seconds',
    help: 'When the oldest unpublished outbox event occurred (Unix seconds; 0 when none waits)',
    registers: [registry],
    async collect() {
      const oldest = (await backlog()).oldestPendingAt;
      this.set(oldest ? oldest.getTime() / 1000 : 0);
    },
  });
}

/**
 * The service's queues, read at each scrape: jobs by state, the oldest waiting job's age, dead
 * letters. A queue that is gone disappears from the next scrape; Redis not answering leaves the
 * gauges empty rather than failing the scrape.
 */
function registerQueueGauges(registry: Registry, source: QueueStatsSource) {
  const stats = sharedReading(() =>
    Promise.resolve()
      .then(() => source.queueStats())
      .catch((): QueueStats[] => []),
  );
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'BullMQ jobs by queue and state (waiting, active, delayed, failed, completed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const queues = await stats();
      this.reset();
      for (const { queue, jobs } of queues) {
        for (const state of QUEUE_JOB_STATES) this.set({ queue, state }, jobs[state]);
      }
    },
  });
  new Gauge({
    name: 'bullmq_queue_oldest_waiting_age_seconds',
    help: 'How long the oldest waiting job of a queue has waited (0 when none waits)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const queues = await stats();
      this.reset();
      for (const { queue, oldestWaitingAgeSeconds } of queues) this.set({ queue }, oldestWaitingAgeSeconds);
    },
  });
  new Gauge({
    name: 'bullmq_dead_letter_jobs',
    help: 'Events of a queue that kept failing and were set aside in its dead-letter queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const queues = await stats();
      this.reset();
      for (const { queue, deadLetters } of queues) {
        if (deadLetters !== undefined) this.set({ queue }, deadLetters);
      }
    },
  });
}

function registerPoolGauge(registry: Registry, usage: () => DatabasePoolUsage) {
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections: total (open), idle, and waiting (queries waiting for one)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { total, idle, waiting } = usage();
      this.set({ state: 'total' }, total);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, waiting);
    },
  });
}
