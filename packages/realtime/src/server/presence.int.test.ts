import type PusherClient from 'pusher-js';
import type { Members, PresenceChannel } from 'pusher-js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { connectTestClient, nextEvent, serverSdk, startTestStandIn, subscribed } from '../testing/stand-in-kit';
import type { PusherStandIn } from './stand-in';

let standIn: PusherStandIn;
const clients: PusherClient[] = [];
const channelName = 'presence-streamer-s1';

function member(userId: string, name: string): PusherClient {
  const client = connectTestClient(standIn, { presenceUser: { user_id: userId, user_info: { kind: 'portal', name } } });
  clients.push(client);
  return client;
}

async function getJson(path: string, params: Record<string, string> = {}): Promise<unknown> {
  const response = await serverSdk(standIn).get({ path, params });
  return response.json();
}

beforeEach(async () => {
  standIn = await startTestStandIn();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await standIn.close();
});

it('announces members joining and leaving, and lists them over HTTP', async () => {
  const alice = (await subscribed(member('alice', 'Alice'), channelName)) as PresenceChannel;
  expect(alice.members.count).toBe(1);
  expect(alice.members.me).toEqual({ id: 'alice', info: { kind: 'portal', name: 'Alice' } });

  const added = nextEvent<{ id: string; info: unknown }>(alice, 'pusher:member_added');
  const bobClient = member('bob', 'Bob');
  const bob = bobClient.subscribe(channelName) as PresenceChannel;
  const bobMembers = await nextEvent<Members>(bob, 'pusher:subscription_succeeded');
  expect(bobMembers.count).toBe(2);
  expect(bobMembers.get('alice')).toEqual({ id: 'alice', info: { kind: 'portal', name: 'Alice' } });
  await expect(added).resolves.toEqual({ id: 'bob', info: { kind: 'portal', name: 'Bob' } });

  await expect(getJson(`/channels/${channelName}/users`)).resolves.toEqual({ users: [{ id: 'alice' }, { id: 'bob' }] });
  await expect(getJson('/channels', { filter_by_prefix: 'presence-', info: 'user_count' })).resolves.toEqual({
    channels: { [channelName]: { user_count: 2 } },
  });
  await expect(getJson(`/channels/${channelName}`, { info: 'user_count,subscription_count' })).resolves.toEqual({
    occupied: true,
    user_count: 2,
    subscription_count: 2,
  });

  const removed = nextEvent<{ id: string }>(alice, 'pusher:member_removed');
  bobClient.disconnect();
  await expect(removed).resolves.toMatchObject({ id: 'bob' });
  expect(alice.members.count).toBe(1);
  await expect(getJson(`/channels/${channelName}/users`)).resolves.toEqual({ users: [{ id: 'alice' }] });
});

it('counts a user with two tabs once, and keeps them present until the last tab leaves', async () => {
  const watcher = (await subscribed(member('watcher', 'W'), channelName)) as PresenceChannel;
  const firstTab = member('alice', 'Alice');
  const secondTab = member('alice', 'Alice');
  await subscribed(firstTab, channelName);
  await subscribed(secondTab, channelName);
  expect(watcher.members.count).toBe(2);

  const removed = nextEvent(watcher, 'pusher:member_removed', 300);
  firstTab.disconnect();
  await expect(removed).rejects.toThrow(/No pusher:member_removed/);
  secondTab.disconnect();
  await expect(nextEvent(watcher, 'pusher:member_removed')).resolves.toMatchObject({ id: 'alice' });
});

it('refuses user counts for a non-presence channel with a 400', async () => {
  await expect(getJson('/channels/private-overlay-1', { info: 'user_count' })).rejects.toMatchObject({ status: 400 });
});
