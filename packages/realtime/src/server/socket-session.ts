import { randomInt } from 'node:crypto';
import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import { ActivityWatch } from './activity-watch';
import type { ChannelRegistry, PresenceMember, Subscriber } from './channel-registry';
import {
  channelTypeOf,
  CloseCode,
  encodeError,
  encodeEvent,
  isValidChannelName,
  MAX_EVENT_DATA_BYTES,
} from './protocol';
import type { StandInApp } from './stand-in-options';
import { isSubscriptionAuthorized } from './subscription-auth';

const CLOSING_HANDSHAKE_GRACE_MS = 1_000;

export interface SessionTimeouts {
  activityTimeoutSeconds: number;
  pongTimeoutSeconds: number;
}

interface IncomingFrame {
  event: string;
  channel?: unknown;
  data?: unknown;
}

interface SubscribeData {
  channel?: unknown;
  auth?: unknown;
  channel_data?: unknown;
}

/** One client's connection: the handshake, its subscriptions, client events and liveness. */
export class SocketSession implements Subscriber {
  readonly socketId = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
  private readonly channels = new Set<string>();
  private readonly activity: ActivityWatch;

  constructor(
    private readonly socket: WebSocket,
    private readonly app: StandInApp,
    private readonly registry: ChannelRegistry,
    timeouts: SessionTimeouts,
  ) {
    this.activity = new ActivityWatch({
      activityTimeoutMs: timeouts.activityTimeoutSeconds * 1000,
      pongTimeoutMs: timeouts.pongTimeoutSeconds * 1000,
      onSilent: () => this.send(encodeEvent({ event: 'pusher:ping', data: {} })),
      onDead: () => {
        socket.close(CloseCode.pongNotReceived, 'Pong reply not received');
        // A dead peer never completes the closing handshake; don't wait ws's 30 s for it.
        setTimeout(() => socket.terminate(), CLOSING_HANDSHAKE_GRACE_MS).unref();
      },
    });
    socket.on('message', (raw) => this.receive(raw));
    socket.on('close', () => this.end());
    this.send(
      encodeEvent({
        event: 'pusher:connection_established',
        data: { socket_id: this.socketId, activity_timeout: timeouts.activityTimeoutSeconds },
      }),
    );
  }

  send(frame: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private receive(raw: RawData): void {
    this.activity.recordActivity();
    const frame = parseFrame(raw);
    if (!frame) {
      this.send(encodeError('Invalid message: expected a JSON object with an "event" string'));
      return;
    }
    if (frame.event === 'pusher:ping') {
      this.send(encodeEvent({ event: 'pusher:pong', data: {} }));
    } else if (frame.event === 'pusher:subscribe') {
      this.subscribe(parseData(frame.data));
    } else if (frame.event === 'pusher:unsubscribe') {
      const { channel } = parseData(frame.data) as SubscribeData;
      if (typeof channel === 'string') this.unsubscribe(channel);
    } else if (frame.event.startsWith('client-')) {
      this.relayClientEvent(frame);
    }
  }

  private subscribe({ channel, auth, channel_data }: SubscribeData): void {
    if (typeof channel !== 'string' || !isValidChannelName(channel)) {
      this.send(encodeError(`Invalid channel name: ${String(channel)}`));
      return;
    }
    const type = channelTypeOf(channel);
    const channelData = typeof channel_data === 'string' ? channel_data : undefined;
    let member: PresenceMember | undefined;
    if (type !== 'public') {
      const authorized = isSubscriptionAuthorized(this.app, {
        socketId: this.socketId,
        channel,
        auth: typeof auth === 'string' ? auth : undefined,
        channelData: type === 'presence' ? (channelData ?? '') : undefined,
      });
      if (!authorized) {
        this.refuseSubscription(channel, `Invalid signature for ${channel} and socket ${this.socketId}`);
        return;
      }
    }
    if (type === 'presence') {
      member = parsePresenceMember(channelData);
      if (!member) {
        this.refuseSubscription(channel, 'channel_data must be JSON with a user_id');
        return;
      }
    }
    const { joined } = this.registry.subscribe(this, channel, member);
    this.channels.add(channel);
    const data = type === 'presence' ? { presence: this.registry.presence(channel) } : {};
    this.send(encodeEvent({ event: 'pusher_internal:subscription_succeeded', channel, data }));
    if (joined) {
      this.registry.broadcast(channel, encodeEvent({ event: 'pusher_internal:member_added', channel, data: joined }), this);
    }
  }

  private refuseSubscription(channel: string, message: string): void {
    this.send(
      encodeEvent({
        event: 'pusher:subscription_error',
        channel,
        data: { type: 'AuthError', error: message, status: 401 },
      }),
    );
    this.send(encodeError(message, CloseCode.unauthorized));
  }

  private unsubscribe(channel: string): void {
    this.channels.delete(channel);
    const { left } = this.registry.unsubscribe(this, channel);
    if (left) {
      this.registry.broadcast(channel, encodeEvent({ event: 'pusher_internal:member_removed', channel, data: left }));
    }
  }

  private relayClientEvent({ event, channel, data }: IncomingFrame): void {
    if (typeof channel !== 'string' || channelTypeOf(channel) === 'public') {
      this.send(encodeError('Client events are only supported on private and presence channels'));
      return;
    }
    if (!this.registry.isSubscribed(this, channel)) {
      this.send(encodeError(`Client event rejected: not subscribed to ${channel}`));
      return;
    }
    const payload = typeof data === 'string' ? data : JSON.stringify(data ?? {});
    if (Buffer.byteLength(payload) > MAX_EVENT_DATA_BYTES) {
      this.send(encodeError(`Client event rejected: data is larger than ${MAX_EVENT_DATA_BYTES} bytes`));
      return;
    }
    const user_id = this.presenceUserId(channel);
    this.registry.broadcast(channel, encodeEvent({ event, channel, data: payload, user_id }), this);
  }

  private presenceUserId(channel: string): string | undefined {
    if (channelTypeOf(channel) !== 'presence') return undefined;
    return this.registry.memberOf(this, channel)?.user_id;
  }

  private end(): void {
    this.activity.stop();
    for (const channel of [...this.channels]) this.unsubscribe(channel);
  }
}

function parseFrame(raw: RawData): IncomingFrame | undefined {
  try {
    const frame: unknown = JSON.parse(rawToString(raw));
    if (typeof frame === 'object' && frame !== null && typeof (frame as IncomingFrame).event === 'string') {
      return frame as IncomingFrame;
    }
  } catch {
    // reported to the client by the caller
  }
  return undefined;
}

function rawToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}

/** Clients may send `data` as an object or as a JSON string; both mean the same. */
function parseData(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    try {
      return parseData(JSON.parse(data));
    } catch {
      return {};
    }
  }
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function parsePresenceMember(channelData: string | undefined): PresenceMember | undefined {
  const { user_id, user_info } = parseData(channelData);
  if (typeof user_id === 'number') return { user_id: String(user_id), user_info };
  if (typeof user_id === 'string' && user_id !== '') return { user_id, user_info };
  return undefined;
}
