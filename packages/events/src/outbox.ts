import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayload, EventType } from './catalogue';
import { parseEventPayload } from './catalogue';

/** The slice of a Prisma transaction client (or any SQL runner) the outbox needs. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Writes an event into the outbox inside the caller's transaction, so the event exists exactly when
 * the change it announces is committed. The relay publishes it afterwards.
 */
export async function recordEvent<T extends EventType>(
  tx: SqlExecutor,
  type: T,
  payload: EventPayload<T>,
): Promise<EventEnvelope<T>> {
  const envelope: EventEnvelope<T> = {
    id: randomUUID(),
    type,
    payload: parseEventPayload(type, payload),
    occurredAt: new Date().toISOString(),
  };
  await tx.$executeRawUnsafe(
    'INSERT INTO "outbox_events" ("id", "type", "payload", "occurredAt") VALUES ($1::uuid, $2, $3::jsonb, $4::timestamptz)',
    envelope.id,
    envelope.type,
    JSON.stringify(envelope.payload),
    envelope.occurredAt,
  );
  return envelope;
}
