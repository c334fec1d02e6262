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

export interface RealtimePublisher {
  /** Validates the payload against the event catalogue, then triggers it through Pusher. */
  publish<C extends RealtimeChannel, E extends EventName<C>>(
    channel: C,
    event: E,
    payload: EventInput<C, E>,
    options?: PublishOptions,
  ): Promise<void>;
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
  };
}
