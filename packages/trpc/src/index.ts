export type { AnonymousCaller, Caller, ServiceCaller, UserCaller } from './caller';
export { authenticateCaller, requestIdOf } from './context';
export type { CallerAuthenticator, ServiceContext } from './context';
export { InvalidEnvironmentError, parseEnv } from './env';
export { DomainError } from './errors';
export { refusedDatabaseValue } from './database-input-errors';
export type { ProcedureAccess, ProcedureMeta } from './procedure-meta';
export type { DomainErrorKind } from './errors';
export { createCallerFactory, router, t } from './init';
export { createLogger } from './logger';
export type { Logger } from './logger';
export {
  adminProcedure,
  authedProcedure,
  brandProcedure,
  internalProcedure,
  legacyImportProcedure,
  publicProcedure,
  streamerProcedure,
} from './procedures';
export type { OutboxBacklogSource } from './metrics';
export { MAX_REQUEST_BODY_BYTES, startService, stopOnSignals } from './server';
export type { PlainRoute, ReadinessCheck, RunningService, ServiceOptions } from './server';
export { serviceEnvSchema } from './service-env';
export { createPersonClient, createServiceClient } from './service-client';
export type { ServiceClientOptions } from './service-client';
export { adminActorOf } from './admin-actor';
export type {
  DatabasePoolUsage,
  QueueJobState,
  QueueStats,
  QueueStatsSource,
} from './metrics';
export { QUEUE_JOB_STATES } from './metrics';
export {
  currentTraceFields,
  currentTraceHeaders,
  startTracing,
  stopTracing,
  tracingActive,
  tracingConfigFromEnv,
} from './tracing';
export type { ActiveTracing, TracingConfig } from './tracing';
/** For a service's own metrics (create them with `registers: []` and pass them to `startService`). */
export { Counter, Gauge } from 'prom-client';
