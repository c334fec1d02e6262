import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayload, EventType } from './catalogue';
import { parseEventPayload } from './catalogue';
import { currentEventTrace, storedPayload } from './trace-context';

/** The slice of a Prisma transaction client (or any SQL runner) the outbox needs. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Writes an event into the outbox inside the caller's transaction, so the event exists exactly when
 * the change it announces is committed. The relay publishes it afterwards. When tracing is on, the
 * current span goes with it, so the relay and the consumers continue the same trace.
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
    storedPayload(envelope.payload, currentEventTrace()),
    envelope.occurredAt,
  );
  return envelope;
}

/** `recordEvent` for many events of one type, in one statement (for hot paths that emit many). */
export async function recordEvents<T extends EventType>(
  tx: SqlExecutor,
  type: T,
  payloads: Array<EventPayload<T>>,
): Promise<Array<EventEnvelope<T>>> {
  if (payloads.length === 0) return [];
  const occurredAt = new Date().toISOString();
  const trace = currentEventTrace();
  const envelopes = payloads.map((payload) => ({
    id: randomUUID(),
    type,
    payload: parseEventPayload(type, payload),
    occurredAt,
  }));
  await tx.$executeRawUnsafe(
    `INSERT INTO "outbox_events" ("id", "type", "payload", "occurredAt")
     SELECT id, $2, payload, $4::timestamptz FROM unnest($1::uuid[], $3::jsonb[]) AS v(id, payload)`,
    envelopes.map((envelope) => envelope.id),
    type,
    envelopes.map((envelope) => storedPayload(envelope.payload, trace)),
    occurredAt,
  );
  return envelopes;
}
