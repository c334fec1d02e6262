import Pusher from 'pusher-js';
import type { Channel, PresenceChannel } from 'pusher-js';
import type { ChannelAuthorization } from './channel-authorization';
import { streamerPresenceMemberSchema } from './channels';
import type { RealtimeChannel, StreamerPresenceChannel, StreamerPresenceMember } from './channels';
import { parseRealtimeEvent } from './events';
import type { EventName, EventPayload } from './events';

// The channel names, for browser code that must not import the server entry (it pulls in `pusher`).
export { overlayChannel, streamerPresenceChannel, userChannel } from './channels';

export interface RealtimeClientOptions {
  key: string;
  /** Pusher's cluster in production; ignored when `host` is set. */
  cluster?: string;
  /** A Pusher-protocol server such as the stand-in. */
  host?: string;
  port?: number;
  useTLS: boolean;
  /** The app's channel auth endpoint, which pusher-js POSTs `socket_id` and `channel_name` to. */
  authEndpoint?: string;
  authHeaders?: Record<string, string>;
  /** Or authorize in code (tests, or a non-HTTP transport). */
  authorizer?: (request: { socketId: string; channelName: string }) => Promise<ChannelAuthorization>;
}

/** A pusher-js client for Pusher or for the stand-in, with our channel authorization wired in. */
export function connectRealtime(options: RealtimeClientOptions): Pusher {
  const { authorizer, authEndpoint } = options;
  const channelAuthorization = authorizer
    ? {
        customHandler: (
          request: { socketId: string; channelName: string },
          callback: (error: Error | null, data: ChannelAuthorization | null) => void,
        ) => {
          authorizer(request).then(
            (data) => callback(null, data),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
          );
        },
      }
    : authEndpoint
      ? { endpoint: authEndpoint, transport: 'ajax' as const, headers: options.authHeaders ?? {} }
      : undefined;
  const server = options.host
    ? {
        wsHost: options.host,
        ...(options.port ? { wsPort: options.port, wssPort: options.port } : {}),
        // A self-hosted server has no SockJS fallback to try.
        enabledTransports: ['ws' as const, 'wss' as const],
      }
    : {};
  return new Pusher(options.key, {
    // pusher-js requires a cluster even when wsHost decides where it connects.
    cluster: options.cluster ?? 'local',
    forceTLS: options.useTLS,
    enableStats: false,
    ...server,
    ...(channelAuthorization ? { channelAuthorization } : {}),
  });
}

export type TypedHandlers<C extends RealtimeChannel> = {
  [E in EventName<C>]?: (payload: EventPayload<C, E>) => void;
};

export interface SubscribeTypedOptions {
  onSubscribed?: () => void;
  onSubscriptionError?: (error: unknown) => void;
  /** A payload that does not match the catalogue is dropped, and reported here. */
  onInvalidEvent?: (error: Error) => void;
}

export interface TypedSubscription {
  channel: Channel;
  unsubscribe(): void;
}

/** Subscribes to a catalogue channel; each handler receives its event's checked payload. */
export function subscribeTyped<C extends RealtimeChannel>(
  pusher: Pusher,
  channelName: C,
  handlers: TypedHandlers<C>,
  options: SubscribeTypedOptions = {},
): TypedSubscription {
  const channel = pusher.subscribe(channelName);
  const bound: [string, (data: unknown) => void][] = [];
  for (const [event, handler] of Object.entries(handlers) as [string, ((payload: unknown) => void) | undefined][]) {
    if (!handler) continue;
    const listener = (data: unknown) => {
      let payload: unknown;
      try {
        payload = parseRealtimeEvent(channelName, event, data);
      } catch (error) {
        (options.onInvalidEvent ?? console.error)(error);
        return;
      }
      handler(payload);
    };
    channel.bind(event, listener);
    bound.push([event, listener]);
  }
  if (options.onSubscribed) channel.bind('pusher:subscription_succeeded', options.onSubscribed);
  if (options.onSubscriptionError) channel.bind('pusher:subscription_error', options.onSubscriptionError);
  return {
    channel,
    unsubscribe() {
      for (const [event, listener] of bound) channel.unbind(event, listener);
      pusher.unsubscribe(channelName);
    },
  };
}

export interface PresenceMember {
  id: string;
  info: StreamerPresenceMember;
}

export interface WatchPresenceOptions {
  /** Everyone on the channel (this client included): once subscribed, then after each join and leave. */
  onMembers: (members: PresenceMember[]) => void;
  onSubscriptionError?: (error: unknown) => void;
}

/**
 * Joins a streamer's presence channel and reports its members as they come and go. A member whose
 * info does not match the catalogue is left out of the list.
 */
export function watchStreamerPresence(
  pusher: Pusher,
  channelName: StreamerPresenceChannel,
  options: WatchPresenceOptions,
): TypedSubscription {
  const channel = pusher.subscribe(channelName) as PresenceChannel;
  const report = () => {
    const members: PresenceMember[] = [];
    channel.members.each((member: { id: string; info: unknown }) => {
      const info = streamerPresenceMemberSchema.safeParse(member.info);
      if (info.success) members.push({ id: member.id, info: info.data });
    });
    options.onMembers(members);
  };
  // pusher-js updates `channel.members` before it emits these events.
  const events = ['pusher:subscription_succeeded', 'pusher:member_added', 'pusher:member_removed'];
  for (const event of events) channel.bind(event, report);
  if (options.onSubscriptionError) channel.bind('pusher:subscription_error', options.onSubscriptionError);
  return {
    channel,
    unsubscribe() {
      for (const event of events) channel.unbind(event, report);
      if (options.onSubscriptionError) channel.unbind('pusher:subscription_error', options.onSubscriptionError);
      pusher.unsubscribe(channelName);
    },
  };
}
