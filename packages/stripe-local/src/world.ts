import type { Balances } from './balances';
import type { ServerClock } from './clock';
import type { EventLog } from './events';
import type { IdGenerator } from './ids';
import type { ObjectStore } from './store';
import type { WebhookDeliveries } from './webhook-delivery';

/** Everything one local Stripe holds; resources and pages operate on it. */
export interface World {
  store: ObjectStore;
  ids: IdGenerator;
  clock: ServerClock;
  balances: Balances;
  events: EventLog;
  webhooks: WebhookDeliveries;
  /** Base of the hosted pages' URLs (`url` fields). */
  publicUrl: string;
}

/** The API request an event came from (`event.request`); `null` for the clock, pages and test routes. */
export type EventOrigin = { id: string; idempotencyKey: string | null } | null;
