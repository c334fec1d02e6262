import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a service's outbox relay has yet to publish (the events kit's relay gives it). */
export interface OutboxBacklogSource {
  backlog(): Promise<{ pending: number; oldestPendingAt: Date | null }>;
}

export interface ServiceMetrics {
  registry: Registry;
  requestDuration: Histogram<'route' | 'status'>;
  procedureCalls: Counter<'procedure' | 'outcome'>;
}

export function createServiceMetrics(service: string, outbox?: OutboxBacklogSource): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  if (outbox) registerOutboxGauges(registry, outbox);
  return {
    registry,
    requestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds',
      labelNames: ['route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    procedureCalls: new Counter({
      name: 'trpc_procedure_calls_total',
      help: 'tRPC procedure calls by outcome (ok or the tRPC error code)',
      labelNames: ['procedure', 'outcome'],
      registers: [registry],
    }),
  };
}

/**
 * The outbox lag, read at each scrape: unpublished events and when the oldest occurred (a timestamp,
 * so whoever reads it computes the age on its own clock).
 */
function registerOutboxGauges(registry: Registry, outbox: OutboxBacklogSource) {
  let reading: ReturnType<OutboxBacklogSource['backlog']> | undefined;
  // Both gauges collect from one query per scrape.
  const backlog = () => (reading ??= outbox.backlog().finally(() => (reading = undefined)));
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
