export { eventCatalogue, isEventType, parseEventPayload, subscribersOf } from './catalogue';
export type { EventEnvelope, EventPayload, EventType } from './catalogue';
export { parseEventEnvelope, UnknownEventTypeError } from './envelope';
export {
  listDeadLetters,
  retryDeadLetter,
  startEventConsumer,
  startStorelessEventConsumer,
} from './consumer';
export type {
  DeadLetter,
  EventConsumerOptions,
  EventHandlers,
  StorelessEventConsumerOptions,
  StorelessEventHandlers,
} from './consumer';
export { recordEvent, recordEvents } from './outbox';
export type { SqlExecutor } from './outbox';
export { pgTransactionRunner } from './pg-transaction';
export type { TransactionRunner } from './pg-transaction';
export {
  DEFAULT_QUEUE_PREFIX,
  deadLetterQueueName,
  deadLetterServiceOf,
  eventQueueName,
  redisConnection,
} from './queues';
export { createQueueSet, outboxBacklog, relayOnce, startOutboxRelay } from './relay';
export type { OutboxBacklog, OutboxRelayOptions, QueuedEvent, QueueSet, RelayStepOptions } from './relay';
export { createQueueStatsReader, isQueueOf, queueDepths } from './queue-depths';
export type { QueueDepth, QueueStatsReader, ServiceQueueStats } from './queue-depths';
export { OUTBOX_TRACE_KEY } from './trace-context';
export type { EventTrace } from './trace-context';
export { adminActionSchema, recordAdminAction } from './admin-action';
export type { AdminActionPayload, AdminActionRecord, AdminActor } from './admin-action';
export { startRepeatableJob } from './repeatable-job';
