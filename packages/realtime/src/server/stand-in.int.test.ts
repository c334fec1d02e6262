import type PusherClient from 'pusher-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectTestClient,
  nextEvent,
  pause,
  recordEvents,
  serverSdk,
  startTestStandIn,
  subscribed,
  waitForConnection,
} from '../testing/stand-in-kit';
import type { PusherStandIn } from './stand-in';

let standIn: PusherStandIn;
const clients: PusherClient[] = [];

function client(options?: Parameters<typeof connectTestClient>[1]): PusherClient {
  const connected = connectTestClient(standIn, options);
  clients.push(connected);
  return connected;
}

beforeEach(async () => {
  standIn = await startTestStandIn();
});

afterEach(async () => {
  for (const connected of clients.splice(0)) connected.disconnect();
  await standIn.close();
});

describe('connection', () => {
  it('hands pusher-js a socket id in the handshake', async () => {
    const socketId = await waitForConnection(client());
    expect(socketId).toMatch(/^\d+\.\d+$/);
    expect(standIn.connectionCount()).toBe(1);
  });
});

describe('public channels', () => {
  it('delivers an event triggered through the official SDK', async () => {
    const listener = client();
    const channel = await subscribed(listener, 'scoreboard');
    const received = nextEvent(channel, 'goal');
    await serverSdk(standIn).trigger('scoreboard', 'goal', { team: 'red', minute: 42 });
    await expect(received).resolves.toEqual({ team: 'red', minute: 42 });
  });

  it('stops delivering after unsubscribe', async () => {
    const listener = client();
    const channel = await subscribed(listener, 'scoreboard');
    const received = recordEvents(channel, 'goal');
    listener.unsubscribe('scoreboard');
    await pause(50);
    await serverSdk(standIn).trigger('scoreboard', 'goal', {});
    await pause(100);
    expect(received).toEqual([]);
  });
});

describe('private channels', () => {
  it('accepts a subscription signed with the app secret', async () => {
    const listener = client();
    const channel = await subscribed(listener, 'private-overlay-1');
    const received = nextEvent(channel, 'ad.hide');
    await serverSdk(standIn).trigger('private-overlay-1', 'ad.hide', { adId: 'a1' });
    await expect(received).resolves.toEqual({ adId: 'a1' });
  });

  it('refuses a subscription signed with another secret, and delivers nothing to it', async () => {
    const forger = client({ sdk: serverSdk(standIn, 'not-the-secret') });
    const channel = forger.subscribe('private-overlay-1');
    const received = recordEvents(channel, 'ad.hide');
    const error = await nextEvent<{ type: string; status: number }>(channel, 'pusher:subscription_error');
    expect(error).toMatchObject({ type: 'AuthError', status: 401 });
    await serverSdk(standIn).trigger('private-overlay-1', 'ad.hide', { adId: 'a1' });
    await pause(100);
    expect(received).toEqual([]);
    expect(channel.subscribed).toBe(false);
  });
});
