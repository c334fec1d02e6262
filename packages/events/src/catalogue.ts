import { z } from 'zod';

/**
 * Every event the platform emits: its payload schema and the services whose queue receives it.
 * Adding an event is adding an entry; adding a subscriber is adding a name.
 */
export const eventCatalogue = {
  'user.registered': {
    schema: z.object({
      userId: z.uuid(),
      email: z.email(),
      role: z.enum(['brand', 'streamer', 'admin']),
    }),
    // The brand, streamer and notification services subscribe once they exist.
    subscribers: [],
  },
  'identity.email_requested': {
    schema: z.object({
      to: z.email(),
      template: z.enum(['verify_email', 'reset_password']),
      link: z.url(),
    }),
    subscribers: ['identity'],
  },
} satisfies Record<string, { schema: z.ZodType; subscribers: readonly string[] }>;

export type EventType = keyof typeof eventCatalogue;
export type EventPayload<T extends EventType> = z.infer<(typeof eventCatalogue)[T]['schema']>;

export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  payload: EventPayload<T>;
  occurredAt: string;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

export function subscribersOf(type: EventType): readonly string[] {
  return eventCatalogue[type].subscribers;
}

/** Validates a payload against its catalogue schema; throws a ZodError naming the bad fields. */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  return eventCatalogue[type].schema.parse(payload) as EventPayload<T>;
}
