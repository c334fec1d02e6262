import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  requestDuration: Histogram<'route' | 'status'>;
  procedureCalls: Counter<'procedure' | 'outcome'>;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
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
