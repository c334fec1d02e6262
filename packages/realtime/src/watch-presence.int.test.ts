import type PusherClient from 'pusher-js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { streamerPresenceChannel } from './channels';
import { watchStreamerPresence } from './client';
import type { PresenceMember } from './client';
import type { PusherStandIn } from './server';
import { connectTestClient, startTestStandIn, subscribed } from './testing/stand-in-kit';

let standIn: PusherStandIn;
const clients: PusherClient[] = [];
const channel = streamerPresenceChannel('s1');

function client(user: { user_id: string; user_info: Record<string, unknown> }): PusherClient {
  const connected = connectTestClient(standIn, { presenceUser: user });
  clients.push(connected);
  return connected;
}

/** Collects every member list reported, and lets a test wait for one that matches. */
function recorder() {
  const lists: PresenceMember[][] = [];
  const waiters: Array<{ match: (list: PresenceMember[]) => boolean; resolve: (list: PresenceMember[]) => void }> = [];
  return {
    lists,
    onMembers: (list: PresenceMember[]) => {
      lists.push(list);
      for (const waiter of [...waiters]) {
        if (waiter.match(list)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(list);
        }
      }
    },
    until(match: (list: PresenceMember[]) => boolean): Promise<PresenceMember[]> {
      const seen = lists.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

const ids = (list: PresenceMember[]) => list.map((member) => member.id).sort();

beforeEach(async () => {
  standIn = await startTestStandIn();
});

afterEach(async () => {
  for (const connected of clients.splice(0)) connected.disconnect();
  await standIn.close();
});

it('reports the members on joining and after each join and leave, leaving out malformed ones', async () => {
  const portal = client({ user_id: 'streamer-1', user_info: { kind: 'portal', name: 'Ada' } });
  const seen = recorder();
  const watch = watchStreamerPresence(portal, channel, { onMembers: seen.onMembers });
  expect(await seen.until((list) => list.length === 1)).toEqual([{ id: 'streamer-1', info: { kind: 'portal', name: 'Ada' } }]);

  const overlay = client({ user_id: 'overlay-o1', user_info: { kind: 'overlay' } });
  await subscribed(overlay, channel);
  expect(ids(await seen.until((list) => list.length === 2))).toEqual(['overlay-o1', 'streamer-1']);

  // Someone whose info is not in the catalogue is never reported.
  const stranger = client({ user_id: 'x', user_info: { kind: 'spy' } });
  await subscribed(stranger, channel);
  overlay.disconnect();
  expect(ids(await seen.until((list) => !list.some((member) => member.id === 'overlay-o1')))).toEqual(['streamer-1']);
  expect(seen.lists.every((list) => list.every((member) => member.id !== 'x'))).toBe(true);

  watch.unsubscribe();
  const count = seen.lists.length;
  const again = client({ user_id: 'overlay-o1', user_info: { kind: 'overlay' } });
  await subscribed(again, channel);
  expect(seen.lists.length).toBe(count);
});

it('reports a refused subscription', async () => {
  const portal = connectTestClient(standIn, {
    authorizer: () => Promise.resolve({ auth: `test-key:${'0'.repeat(64)}`, channel_data: JSON.stringify({ user_id: 'u' }) }),
  });
  clients.push(portal);
  const error = await new Promise((resolve) => {
    watchStreamerPresence(portal, channel, { onMembers: () => undefined, onSubscriptionError: resolve });
  });
  expect(error).toMatchObject({ type: 'AuthError', status: 401 });
});
