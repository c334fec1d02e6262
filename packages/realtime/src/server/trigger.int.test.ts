import type PusherClient from 'pusher-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectTestClient,
  nextEvent,
  pause,
  recordEvents,
  serverSdk,
  startTestStandIn,
  subscribed,
  TEST_APP,
  waitForConnection,
} from '../testing/stand-in-kit';
import type { PusherStandIn } from './stand-in';

let standIn: PusherStandIn;
const clients: PusherClient[] = [];

function client(): PusherClient {
  const connected = connectTestClient(standIn);
  clients.push(connected);
  return connected;
}

/** Posts `body` under a signature computed for `signedBody`, as a tampering proxy would. */
async function postSigned(path: string, body: string, signedBody = body, appId = TEST_APP.id) {
  const fullPath = `/apps/${appId}${path}`;
  const query = serverSdk(standIn).createSignedQueryString({ method: 'POST', path: fullPath, body: signedBody });
  const response = await fetch(`${standIn.url}${fullPath}?${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, body: (await response.json()) };
}

beforeEach(async () => {
  standIn = await startTestStandIn();
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const connected of clients.splice(0)) connected.disconnect();
  await standIn.close();
});

describe('triggering over HTTP', () => {
  it('delivers one event to several channels', async () => {
    const [first, second] = await Promise.all([subscribed(client(), 'news'), subscribed(client(), 'private-overlay-2')]);
    const received = Promise.all([nextEvent(first, 'flash'), nextEvent(second, 'flash')]);
    await serverSdk(standIn).trigger(['news', 'private-overlay-2'], 'flash', { n: 1 });
    await expect(received).resolves.toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('leaves out the socket named in socket_id', async () => {
    const sender = client();
    const other = client();
    const [senderChannel, otherChannel] = await Promise.all([subscribed(sender, 'news'), subscribed(other, 'news')]);
    const echoed = recordEvents(senderChannel, 'flash');
    const received = nextEvent(otherChannel, 'flash');
    await serverSdk(standIn).trigger('news', 'flash', { n: 1 }, { socket_id: sender.connection.socket_id });
    await expect(received).resolves.toEqual({ n: 1 });
    await pause(100);
    expect(echoed).toEqual([]);
  });

  it('delivers a batch of events in order', async () => {
    const channel = await subscribed(client(), 'news');
    const received = recordEvents(channel, 'flash');
    const overlayHidden = nextEvent(await subscribed(client(), 'private-overlay-3'), 'ad.hide');
    await serverSdk(standIn).triggerBatch([
      { channel: 'news', name: 'flash', data: { n: 1 } },
      { channel: 'news', name: 'flash', data: { n: 2 } },
      { channel: 'private-overlay-3', name: 'ad.hide', data: { adId: 'a' } },
    ]);
    await expect(overlayHidden).resolves.toEqual({ adId: 'a' });
    expect(received).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('reports channel counts when asked for info', async () => {
    await subscribed(client(), 'news');
    const response = await serverSdk(standIn).trigger('news', 'flash', {}, { info: 'subscription_count' });
    await expect(response.json()).resolves.toEqual({ channels: { news: { subscription_count: 1 } } });
  });
});

describe('refusing bad requests', () => {
  it('answers 401 to a signature made with the wrong secret, and delivers nothing', async () => {
    const channel = await subscribed(client(), 'news');
    const received = recordEvents(channel, 'flash');
    await expect(serverSdk(standIn, 'wrong-secret').trigger('news', 'flash', {})).rejects.toMatchObject({
      status: 401,
      body: JSON.stringify({ error: 'Invalid signature' }),
    });
    await pause(100);
    expect(received).toEqual([]);
  });

  it('answers 401 to a body changed after signing', async () => {
    const signed = JSON.stringify({ name: 'flash', channels: ['news'], data: '{"amount":1}' });
    const tampered = signed.replace('1', '1000');
    await expect(postSigned('/events', tampered, signed)).resolves.toEqual({
      status: 401,
      body: { error: 'body_md5 does not match the body' },
    });
  });

  it('answers 401 to a request signed more than 600 s ago', async () => {
    const elevenMinutesAgo = Date.now() - 11 * 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(elevenMinutesAgo);
    const body = JSON.stringify({ name: 'flash', channels: ['news'], data: '{}' });
    const query = serverSdk(standIn).createSignedQueryString({ method: 'POST', path: `/apps/${TEST_APP.id}/events`, body });
    vi.restoreAllMocks();
    const response = await fetch(`${standIn.url}/apps/${TEST_APP.id}/events?${query}`, { method: 'POST', body });
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toMatchObject({ error: expect.stringMatching(/^Timestamp expired/) as unknown });
  });

  it('answers 404 to an unknown app, 400 to a malformed body and 413 to data over 10 KB', async () => {
    const event = { name: 'flash', channels: ['news'], data: '{}' };
    expect((await postSigned('/events', JSON.stringify(event), undefined, 'no-such-app')).status).toBe(404);
    await expect(postSigned('/events', '{not json')).resolves.toEqual({ status: 400, body: { error: 'Body is not valid JSON' } });
    const noChannel = await postSigned('/events', JSON.stringify({ name: 'flash', data: '{}' }));
    expect(noChannel).toMatchObject({ status: 400, body: { error: expect.stringContaining('either channels or channel') as unknown } });
    const big = await postSigned('/events', JSON.stringify({ ...event, data: 'x'.repeat(10 * 1024 + 1) }));
    expect(big).toEqual({ status: 413, body: { error: 'Event data is larger than 10240 bytes' } });
  });
});

describe('client events', () => {
  it('relays client- events on a private channel to the other subscribers only', async () => {
    const sender = client();
    const receiver = client();
    const [senderChannel, receiverChannel] = await Promise.all([
      subscribed(sender, 'private-overlay-9'),
      subscribed(receiver, 'private-overlay-9'),
    ]);
    const echoed = recordEvents(senderChannel, 'client-heartbeat');
    const received = nextEvent(receiverChannel, 'client-heartbeat');
    senderChannel.trigger('client-heartbeat', { viewers: 120 });
    await expect(received).resolves.toEqual({ viewers: 120 });
    await pause(100);
    expect(echoed).toEqual([]);
  });

  it('refuses client events on a public channel', async () => {
    const sender = client();
    const receiver = client();
    const [senderChannel, receiverChannel] = await Promise.all([subscribed(sender, 'news'), subscribed(receiver, 'news')]);
    const received = recordEvents(receiverChannel, 'client-spam');
    const error = new Promise<unknown>((resolve) => sender.connection.bind('error', resolve));
    senderChannel.trigger('client-spam', {});
    await expect(error).resolves.toMatchObject({
      type: 'PusherError',
      data: { message: 'Client events are only supported on private and presence channels' },
    });
    await pause(100);
    expect(received).toEqual([]);
  });

  it('refuses client events on a channel the sender has not joined', async () => {
    const outsider = client();
    await waitForConnection(outsider);
    const receiverChannel = await subscribed(client(), 'private-overlay-9');
    const received = recordEvents(receiverChannel, 'client-heartbeat');
    const error = new Promise<unknown>((resolve) => outsider.connection.bind('error', resolve));
    outsider.send_event('client-heartbeat', { viewers: 1 }, 'private-overlay-9');
    await expect(error).resolves.toMatchObject({ data: { message: expect.stringContaining('not subscribed') as unknown } });
    expect(received).toEqual([]);
  });
});
