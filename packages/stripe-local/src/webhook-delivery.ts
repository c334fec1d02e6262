import { signWebhookPayload } from './webhook-signature';

export interface WebhookEndpointRegistration {
  id: string;
  url: string;
  secret: string;
  /** Connect endpoints get the events of connected accounts (those with `account`); others the platform's. */
  connect: boolean;
  enabledEvents: string[];
  disabled: boolean;
}

export interface DeliverableEvent {
  id: string;
  type: string;
  account?: string;
  pending_webhooks: number;
}

interface Delivery {
  event: DeliverableEvent;
  payload: string;
  endpointId: string;
  attempt: number;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * At-least-once delivery: each event is POSTed to every matching endpoint, signed, one at a time
 * per endpoint (so arrival follows creation unless a test reorders), and retried after
 * `retryDelaysMs[attempt]` (the last delay repeating) until the endpoint answers 2xx.
 */
export class WebhookDeliveries {
  private readonly endpoints = new Map<string, WebhookEndpointRegistration>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly deliveredTo = new Map<string, Set<string>>();
  /** Each event's body as first sent: a redelivery is byte for byte the same. */
  private readonly payloads = new Map<string, string>();
  private paused: Delivery[] | undefined;
  private stopped = false;

  constructor(
    private readonly retryDelaysMs: number[],
    private readonly signingSeconds: () => number,
  ) {}

  register(endpoint: WebhookEndpointRegistration): void {
    this.endpoints.set(endpoint.id, endpoint);
  }

  endpoint(id: string): WebhookEndpointRegistration | undefined {
    return this.endpoints.get(id);
  }

  remove(id: string): void {
    this.endpoints.delete(id);
  }

  /** How many endpoints an event goes to (its `pending_webhooks` when created). */
  countMatching(type: string, account: string | undefined): number {
    return this.matching(type, account).length;
  }

  dispatch(event: DeliverableEvent): void {
    const payload = JSON.stringify(event, null, 2);
    this.payloads.set(event.id, payload);
    for (const endpoint of this.matching(event.type, event.account)) {
      this.enqueue({ event, payload, endpointId: endpoint.id, attempt: 0 });
    }
  }

  /** Sends an event again to its endpoints; `copies` > 1 sends them at the same moment. */
  redeliver(event: DeliverableEvent, copies: number): void {
    const payload = this.payloads.get(event.id) ?? JSON.stringify(event, null, 2);
    for (const endpoint of this.matching(event.type, event.account)) {
      for (let copy = 0; copy < copies; copy += 1) {
        const delivery = { event, payload, endpointId: endpoint.id, attempt: 0 };
        if (copies === 1 || this.paused) this.enqueue(delivery);
        else void this.send(delivery);
      }
    }
  }

  /** Holds every delivery (first attempts and retries) until `resume`. */
  pause(): void {
    this.paused ??= [];
  }

  /** Sends what was held, oldest first (`fifo`) or newest first (`reverse`). */
  resume(order: 'fifo' | 'reverse'): number {
    const held = this.paused ?? [];
    this.paused = undefined;
    const ordered = order === 'reverse' ? [...held].reverse() : held;
    for (const delivery of ordered) this.enqueue(delivery);
    return held.length;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private matching(type: string, account: string | undefined): WebhookEndpointRegistration[] {
    return [...this.endpoints.values()].filter(
      (endpoint) =>
        !endpoint.disabled &&
        endpoint.connect === (account !== undefined) &&
        (endpoint.enabledEvents.includes('*') || endpoint.enabledEvents.includes(type)),
    );
  }

  private enqueue(delivery: Delivery): void {
    if (this.stopped || !this.endpoints.has(delivery.endpointId)) return;
    if (this.paused) {
      this.paused.push(delivery);
      return;
    }
    const previous = this.queues.get(delivery.endpointId) ?? Promise.resolve();
    this.queues.set(
      delivery.endpointId,
      previous.then(() => this.send(delivery)),
    );
  }

  private async send(delivery: Delivery): Promise<void> {
    const endpoint = this.endpoints.get(delivery.endpointId);
    if (!endpoint || this.stopped) return;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    let delivered = false;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signWebhookPayload(delivery.payload, endpoint.secret, this.signingSeconds()),
        },
        body: delivery.payload,
        signal: controller.signal,
      });
      await response.arrayBuffer();
      delivered = response.ok;
    } catch {
      delivered = false;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (delivered) {
      this.markDelivered(delivery);
      return;
    }
    this.scheduleRetry(delivery);
  }

  private markDelivered(delivery: Delivery): void {
    const endpoints = this.deliveredTo.get(delivery.event.id) ?? new Set<string>();
    if (endpoints.has(delivery.endpointId)) return;
    endpoints.add(delivery.endpointId);
    this.deliveredTo.set(delivery.event.id, endpoints);
    delivery.event.pending_webhooks = Math.max(0, delivery.event.pending_webhooks - 1);
  }

  private scheduleRetry(delivery: Delivery): void {
    if (this.stopped) return;
    const delay = this.retryDelaysMs[Math.min(delivery.attempt, this.retryDelaysMs.length - 1)] ?? 60_000;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.enqueue({ ...delivery, attempt: delivery.attempt + 1 });
    }, delay);
    this.retryTimers.add(timer);
  }
}
