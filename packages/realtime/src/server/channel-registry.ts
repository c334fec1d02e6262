import { channelTypeOf } from './protocol';

/** What the registry needs of a connection: its id and a way to write a frame to it. */
export interface Subscriber {
  readonly socketId: string;
  send(frame: string): void;
}

export interface PresenceMember {
  user_id: string;
  user_info?: unknown;
}

export interface PresenceSnapshot {
  ids: string[];
  hash: Record<string, unknown>;
  count: number;
}

interface ChannelState {
  subscribers: Map<Subscriber, PresenceMember | undefined>;
  /** Presence channels only: a user with several sockets is one member, counted once. */
  members: Map<string, { info: unknown; sockets: number }>;
}

/** The channels of one app: who is subscribed, and who is present. */
export class ChannelRegistry {
  private readonly channels = new Map<string, ChannelState>();

  isSubscribed(subscriber: Subscriber, channel: string): boolean {
    return this.channels.get(channel)?.subscribers.has(subscriber) ?? false;
  }

  memberOf(subscriber: Subscriber, channel: string): PresenceMember | undefined {
    return this.channels.get(channel)?.subscribers.get(subscriber);
  }

  /** Returns the member to announce to the others when this socket makes a new user present. */
  subscribe(subscriber: Subscriber, channel: string, member?: PresenceMember): { joined?: PresenceMember } {
    const state: ChannelState = this.channels.get(channel) ?? { subscribers: new Map(), members: new Map() };
    this.channels.set(channel, state);
    if (state.subscribers.has(subscriber)) return {};
    state.subscribers.set(subscriber, member);
    if (!member) return {};
    const existing = state.members.get(member.user_id);
    state.members.set(member.user_id, { info: member.user_info, sockets: (existing?.sockets ?? 0) + 1 });
    return existing ? {} : { joined: member };
  }

  /** Returns the member to announce as gone when this was the user's last socket on the channel. */
  unsubscribe(subscriber: Subscriber, channel: string): { left?: PresenceMember } {
    const state = this.channels.get(channel);
    if (!state?.subscribers.has(subscriber)) return {};
    const member = state.subscribers.get(subscriber);
    state.subscribers.delete(subscriber);
    let left: PresenceMember | undefined;
    if (member) {
      const presence = state.members.get(member.user_id);
      if (presence && presence.sockets > 1) {
        presence.sockets -= 1;
      } else {
        state.members.delete(member.user_id);
        left = { user_id: member.user_id };
      }
    }
    if (state.subscribers.size === 0) this.channels.delete(channel);
    return left ? { left } : {};
  }

  broadcast(channel: string, frame: string, except?: Subscriber | string): void {
    const state = this.channels.get(channel);
    if (!state) return;
    for (const subscriber of state.subscribers.keys()) {
      if (subscriber === except || subscriber.socketId === except) continue;
      subscriber.send(frame);
    }
  }

  presence(channel: string): PresenceSnapshot {
    const members = this.channels.get(channel)?.members ?? new Map<string, { info: unknown }>();
    const hash = Object.fromEntries([...members].map(([id, { info }]) => [id, info ?? null]));
    return { ids: [...members.keys()], hash, count: members.size };
  }

  occupiedChannels(prefix = ''): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }

  subscriptionCount(channel: string): number {
    return this.channels.get(channel)?.subscribers.size ?? 0;
  }

  userCount(channel: string): number {
    return channelTypeOf(channel) === 'presence' ? (this.channels.get(channel)?.members.size ?? 0) : 0;
  }
}
