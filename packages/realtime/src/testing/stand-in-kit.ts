// Helpers for tests and the benchmark: a stand-in with one app, and the official SDKs pointed at it.
import Pusher from 'pusher';
import type PusherClient from 'pusher-js';
import type { Channel } from 'pusher-js';
import { connectRealtime } from '../client';
import type { RealtimeClientOptions } from '../client';
import type { RealtimeConfig } from '../realtime-config';
import { startPusherStandIn } from '../server';
import type { PusherStandIn, StandInOptions } from '../server';

export const TEST_APP = { id: 'test-app', key: 'test-key', secret: 'test-secret' };

export async function startTestStandIn(options: Partial<StandInOptions> = {}): Promise<PusherStandIn> {
  return startPusherStandIn({ apps: [TEST_APP], ...options });
}

export function standInRealtimeConfig(standIn: PusherStandIn): RealtimeConfig {
  return {
    appId: TEST_APP.id,
    key: TEST_APP.key,
    secret: TEST_APP.secret,
    host: standIn.wsHost,
    port: standIn.httpPort,
    useTLS: false,
  };
}

/** The official server SDK; `secret` can be overridden to forge signatures. */
export function serverSdk(standIn: PusherStandIn, secret = TEST_APP.secret): Pusher {
  return new Pusher({
    appId: TEST_APP.id,
    key: TEST_APP.key,
    secret,
    host: standIn.wsHost,
    port: String(standIn.httpPort),
    useTLS: false,
  });
}

/** A pusher-js client whose channel auth is signed by `sdk` (the official server SDK). */
export function connectTestClient(
  standIn: PusherStandIn,
  options: { sdk?: Pusher; presenceUser?: { user_id: string; user_info?: Record<string, unknown> } } & Partial<RealtimeClientOptions> = {},
): PusherClient {
  const { sdk = serverSdk(standIn), presenceUser = { user_id: 'anonymous' }, ...clientOptions } = options;
  return connectRealtime({
    key: TEST_APP.key,
    host: standIn.wsHost,
    port: standIn.wsPort,
    useTLS: false,
    authorizer: ({ socketId, channelName }) =>
      Promise.resolve(
        channelName.startsWith('presence-')
          ? sdk.authorizeChannel(socketId, channelName, presenceUser)
          : sdk.authorizeChannel(socketId, channelName),
      ),
    ...clientOptions,
  });
}

export function waitForConnection(client: PusherClient): Promise<string> {
  return new Promise((resolve) => {
    if (client.connection.state === 'connected') {
      resolve(client.connection.socket_id);
      return;
    }
    const onConnected = () => {
      client.connection.unbind('connected', onConnected);
      resolve(client.connection.socket_id);
    };
    client.connection.bind('connected', onConnected);
  });
}

/** Resolves with the data of the next `event` on `channel`, or rejects after `timeoutMs`. */
export function nextEvent<T = unknown>(channel: Channel, event: string, timeoutMs = 2_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.unbind(event, listener);
      reject(new Error(`No ${event} on ${channel.name} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (data: T) => {
      clearTimeout(timer);
      channel.unbind(event, listener);
      resolve(data);
    };
    channel.bind(event, listener);
  });
}

/** Subscribes and waits until the server confirms the subscription. */
export async function subscribed(client: PusherClient, channelName: string): Promise<Channel> {
  const channel = client.subscribe(channelName);
  await nextEvent(channel, 'pusher:subscription_succeeded');
  return channel;
}

/** Collects every `event` on `channel`, to assert later that something did not arrive. */
export function recordEvents(channel: Channel, event: string): unknown[] {
  const received: unknown[] = [];
  channel.bind(event, (data: unknown) => received.push(data));
  return received;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
