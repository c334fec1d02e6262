import { z } from 'zod';
import type { EventEnvelope } from './catalogue';
import { isEventType, parseEventPayload } from './catalogue';

const envelopeShape = z.object({
  id: z.uuid(),
  type: z.string(),
  payload: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }),
});

export class UnknownEventTypeError extends Error {
  constructor(readonly type: string) {
    super(`Unknown event type ${type}`);
    this.name = 'UnknownEventTypeError';
  }
}

/**
 * Checks an envelope that arrived from a queue: its id and time, that its type is in the catalogue,
 * and its payload against that type's schema. Throws UnknownEventTypeError or a ZodError.
 */
export function parseEventEnvelope(value: unknown): EventEnvelope {
  const envelope = envelopeShape.parse(value);
  if (!isEventType(envelope.type)) throw new UnknownEventTypeError(envelope.type);
  return {
    id: envelope.id,
    type: envelope.type,
    payload: parseEventPayload(envelope.type, envelope.payload),
    occurredAt: envelope.occurredAt,
  };
}
