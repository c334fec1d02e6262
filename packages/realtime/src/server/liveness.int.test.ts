import type PusherClient from 'pusher-js';
import { WebSocket } from 'ws';
import { afterEach, expect, it, vi } from 'vitest';
import {
  connectTestClient,
  nextEvent,
  pause,
  serverSdk,
  startTestStandIn,
  subscribed,
  TEST_APP,
  waitForConnection,
} from '../testing/stand-in-kit';
import type { PusherStandIn } from './stand-in';

let standIn: PusherStandIn;
const clients: PusherClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await standIn.close();
});

function rawSocket(path: string): { socket: WebSocket; frames: { event: string }[]; closed: Promise<number> } {
  const socket = new WebSocket(`ws://${standIn.wsHost}:${standIn.wsPort}${path}`);
  const frames: { event: string }[] = [];
  socket.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString('utf8')) as { event: string }));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { socket, frames, closed };
}

it('keeps a pusher-js client that answers pings connected past several activity timeouts', async () => {
  standIn = await startTestStandIn({ activityTimeoutSeconds: 1, pongTimeoutSeconds: 0.5 });
  const client = connectTestClient(standIn);
  clients.push(client);
  const socketId = await waitForConnection(client);
  const states: string[] = [];
  client.connection.bind('state_change', ({ current }: { current: string }) => states.push(current));
  await pause(3_500);
  expect(states).toEqual([]);
  expect(client.connection.socket_id).toBe(socketId);
  expect(standIn.connectionCount()).toBe(1);
});

it('pings a silent socket after the activity timeout and closes it (4201) when no pong comes', async () => {
  standIn = await startTestStandIn({ activityTimeoutSeconds: 1, pongTimeoutSeconds: 0.5 });
  const started = Date.now();
  const { frames, closed } = rawSocket(`/app/${TEST_APP.key}?protocol=7&client=js&version=8.6.0`);
  const code = await closed;
  expect(code).toBe(4201);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
  expect(frames.map((frame) => frame.event)).toEqual(['pusher:connection_established', 'pusher:ping']);
  await vi.waitFor(() => expect(standIn.connectionCount()).toBe(0));
});

it('answers pusher:ping with pusher:pong', async () => {
  standIn = await startTestStandIn();
  const { socket, frames } = rawSocket(`/app/${TEST_APP.key}?protocol=7`);
  await new Promise((resolve) => socket.on('open', resolve));
  socket.send(JSON.stringify({ event: 'pusher:ping', data: {} }));
  await pause(100);
  expect(frames.map((frame) => frame.event)).toEqual(['pusher:connection_established', 'pusher:pong']);
  socket.close();
});

it('refuses an unknown app key (4001) and an unsupported protocol (4007)', async () => {
  standIn = await startTestStandIn();
  await expect(rawSocket('/app/nobody?protocol=7').closed).resolves.toBe(4001);
  await expect(rawSocket(`/app/${TEST_APP.key}?protocol=3`).closed).resolves.toBe(4007);
});

it('lets pusher-js reconnect and resubscribe after the server drops its socket', async () => {
  standIn = await startTestStandIn();
  const client = connectTestClient(standIn);
  clients.push(client);
  const firstSocketId = await waitForConnection(client);
  const channel = await subscribed(client, 'private-overlay-7');

  const resubscribed = nextEvent(channel, 'pusher:subscription_succeeded', 5_000);
  standIn.closeAllConnections();
  await resubscribed;
  expect(client.connection.socket_id).not.toBe(firstSocketId);

  const received = nextEvent(channel, 'ad.hide');
  await serverSdk(standIn).trigger('private-overlay-7', 'ad.hide', { adId: 'after-reconnect' });
  await expect(received).resolves.toEqual({ adId: 'after-reconnect' });
});
