export {
  eventCatalogue,
  isEventType,
  parseEventPayload,
  subscribersOf,
} from './catalogue';
export type { EventEnvelope, EventPayload, EventType } from './catalogue';
export { listDeadLetters, retryDeadLetter, startEventConsumer } from './consumer';
export type { DeadLetter, EventConsumerOptions, EventHandlers } from './consumer';
export { recordEvent } from './outbox';
export type { SqlExecutor } from './outbox';
export { pgTransactionRunner } from './pg-transaction';
export type { TransactionRunner } from './pg-transaction';
export { DEFAULT_QUEUE_PREFIX, deadLetterQueueName, eventQueueName } from './queues';
export { createQueueSet, relayOnce, startOutboxRelay } from './relay';
export type { OutboxRelayOptions, QueueSet } from './relay';
