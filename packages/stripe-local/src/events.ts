import type { ServerClock } from './clock';
import type { IdGenerator } from './ids';
import type { AccountScope, ObjectStore, StripeObject } from './store';
import type { WebhookDeliveries } from './webhook-delivery';
import type { EventOrigin } from './world';

/** The API version events are rendered in (the `stripe` 23.x SDK's pinned version). */
export const API_VERSION = '2026-11-18.endive';

export interface StripeEvent extends StripeObject {
  object: 'event';
  type: string;
  account?: string;
  created: number;
  pending_webhooks: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
}

/** Creates events (a snapshot of the object, in its account's scope) and hands them to delivery. */
export class EventLog {
  private readonly log: StripeEvent[] = [];

  constructor(
    private readonly store: ObjectStore,
    private readonly ids: IdGenerator,
    private readonly clock: ServerClock,
    private readonly webhooks: WebhookDeliveries,
  ) {}

  emit(
    type: string,
    object: { object: string },
    options: { account: AccountScope; origin: EventOrigin; previousAttributes?: Record<string, unknown> },
  ): StripeEvent {
    const account = options.account ?? undefined;
    const event: StripeEvent = {
      id: this.ids.next('evt'),
      object: 'event',
      ...(account ? { account } : {}),
      api_version: API_VERSION,
      created: this.clock.nowSeconds(),
      data: {
        object: JSON.parse(JSON.stringify(object)) as unknown,
        ...(options.previousAttributes ? { previous_attributes: options.previousAttributes } : {}),
      },
      livemode: false,
      pending_webhooks: this.webhooks.countMatching(type, account),
      request: { id: options.origin?.id ?? null, idempotency_key: options.origin?.idempotencyKey ?? null },
      type,
    };
    this.store.insert(event, options.account);
    this.log.push(event);
    this.webhooks.dispatch(event);
    return event;
  }

  /** Every event of every account, oldest first. */
  all(): StripeEvent[] {
    return [...this.log];
  }
}
