import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RealtimeChannel } from './channels';
import { parseRealtimeEvent } from './events';
import type { EventInput, EventName } from './events';
import { createPusherServerClient } from './pusher-server-client';
import type { RealtimeConfig } from './realtime-config';

export interface PublishOptions {
  /** The socket that caused the event, so it does not receive its own echo. */
  excludeSocketId?: string;
}

/**
 * Events per `triggerBatch` call: what Pusher's multi-tenant clusters accept (the stand-in refuses
 * more, as they do). Each event names one channel.
 */
export const MAX_EVENTS_PER_BATCH = 10;

export interface BatchPublishOptions {
  /** Batch calls in flight at once (default 4). */
  concurrency?: number;
}

export interface BatchPublishResult {
  published: number;
  /** Events whose batch call failed (each batch is all or nothing), with why. */
  failed: number;
  errors: Error[];
}

export interface RealtimePublisher {
  /** Validates the payload against the event catalogue, then triggers it through Pusher. */
  publish<C extends RealtimeChannel, E extends EventName<C>>(
    channel: C,
    event: E,
    payload: EventInput<C, E>,
    options?: PublishOptions,
  ): Promise<void>;
  /**
   * One event to many channels, each with its own payload (every payload checked first): sent in
   * batches of `MAX_EVENTS_PER_BATCH` through the SDK's `triggerBatch`, a few calls in flight.
   * A failed batch does not stop the others; the result says how many went out.
   */
  publishBatch<C extends RealtimeChannel, E extends EventName<C>>(
    event: E,
    items: ReadonlyArray<{ channel: C; payload: EventInput<C, E> }>,
    options?: BatchPublishOptions,
  ): Promise<BatchPublishResult>;
}

const tracer = trace.getTracer('@gametriggers/realtime');

export function createRealtimePublisher(config: RealtimeConfig): RealtimePublisher {
  const pusher = createPusherServerClient(config);
  return {
    async publish(channel, event, payload, options = {}) {
      const data = parseRealtimeEvent(channel, event, payload);
      const params = options.excludeSocketId ? { socket_id: options.excludeSocketId } : undefined;
      // A span per trigger, in the trace of whatever caused it (a request, an event, a job).
      await tracer.startActiveSpan(
        `pusher trigger ${event}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'pusher',
            'messaging.operation.type': 'send',
            'messaging.destination.name': channel,
          },
        },
        async (span) => {
          try {
            await (await pusher.trigger(channel, event, data, params)).text();
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    },

    async publishBatch(event, items, options = {}) {
      const events = items.map((item) => ({
        channel: item.channel,
        name: event,
        data: parseRealtimeEvent(item.channel, event, item.payload),
      }));
      const batches: (typeof events)[] = [];
      for (let start = 0; start < events.length; start += MAX_EVENTS_PER_BATCH) {
        batches.push(events.slice(start, start + MAX_EVENTS_PER_BATCH));
      }
      const result: BatchPublishResult = { published: 0, failed: 0, errors: [] };
      let next = 0;
      const lane = async () => {
        for (let batch = batches[next++]; batch; batch = batches[next++]) {
          try {
            const response = await pusher.triggerBatch(batch);
            await response.text();
            result.published += batch.length;
          } catch (error) {
            result.failed += batch.length;
            result.errors.push(error instanceof Error ? error : new Error(String(error)));
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, lane));
      return result;
    },
  };
}
