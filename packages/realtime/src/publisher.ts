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

export function createRealtimePublisher(config: RealtimeConfig): RealtimePublisher {
  const pusher = createPusherServerClient(config);
  return {
    async publish(channel, event, payload, options = {}) {
      const data = parseRealtimeEvent(channel, event, payload);
      const params = options.excludeSocketId ? { socket_id: options.excludeSocketId } : undefined;
      const response = await pusher.trigger(channel, event, data, params);
      await response.text();
    },
  };
}
