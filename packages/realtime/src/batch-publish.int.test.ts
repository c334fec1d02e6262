import type PusherClient from 'pusher-js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { userChannel } from './channels';
import { subscribeTyped } from './client';
import type { NotificationCreated } from './events';
import { MAX_EVENTS_PER_BATCH, createRealtimePublisher } from './publisher';
import type { PusherStandIn } from './server';
import { connectTestClient, standInRealtimeConfig, startTestStandIn } from './testing/stand-in-kit';

let standIn: PusherStandIn;
let client: PusherClient;

beforeEach(async () => {
  standIn = await startTestStandIn();
  client = connectTestClient(standIn);
});
afterEach(async () => {
  client.disconnect();
  await standIn.close();
});

const notice = (userId: string, n: number): NotificationCreated => ({
  notificationId: `n-${userId}-${n}`,
  category: 'matched_campaigns',
  title: 'A new campaign for you',
  body: `Notice ${n}`,
  link: '/marketplace',
  createdAt: new Date('2026-03-08T09:00:00.000Z').toISOString(),
  unreadCount: n,
});

/** Subscribes to each person's channel and collects what arrives there. */
async function listen(userIds: string[]) {
  const received = new Map<string, NotificationCreated[]>();
  await Promise.all(
    userIds.map(
      (userId) =>
        new Promise<void>((resolve, reject) => {
          received.set(userId, []);
          subscribeTyped(
            client,
            userChannel(userId),
            { 'notification.created': (payload) => received.get(userId)?.push(payload) },
            { onSubscribed: resolve, onSubscriptionError: reject },
          );
        }),
    ),
  );
  return received;
}

it('sends one event to each of many channels in batches of ten, each its own payload', async () => {
  const userIds = Array.from({ length: 25 }, (_, index) => `user-${index}`);
  const received = await listen(userIds);
  const result = await createRealtimePublisher(standInRealtimeConfig(standIn)).publishBatch(
    'notification.created',
    userIds.map((userId, index) => ({ channel: userChannel(userId), payload: notice(userId, index) })),
    { concurrency: 2 },
  );
  expect(result).toEqual({ published: 25, failed: 0, errors: [] });
  expect(MAX_EVENTS_PER_BATCH).toBe(10);
  // The stand-in counts what its HTTP API accepted: 3 batch calls, 25 events.
  expect(standIn.triggeredEventCount()).toBe(25);
  await expect.poll(() => [...received.values()].flat().length).toBe(25);
  userIds.forEach((userId, index) => expect(received.get(userId)).toEqual([notice(userId, index)]));
});

it('checks every payload before sending any', async () => {
  const publisher = createRealtimePublisher(standInRealtimeConfig(standIn));
  const items = [
    { channel: userChannel('a'), payload: notice('a', 1) },
    { channel: userChannel('b'), payload: { ...notice('b', 2), unreadCount: -1 } },
  ];
  await expect(publisher.publishBatch('notification.created', items)).rejects.toThrow(/unreadCount/);
  expect(standIn.triggeredEventCount()).toBe(0);
});

it('reports batches the server refused, and still sends the others', async () => {
  const publisher = createRealtimePublisher({ ...standInRealtimeConfig(standIn), secret: 'not-the-secret' });
  const result = await publisher.publishBatch(
    'notification.created',
    Array.from({ length: 12 }, (_, index) => ({ channel: userChannel(`u${index}`), payload: notice(`u${index}`, index) })),
  );
  expect(result).toMatchObject({ published: 0, failed: 12 });
  expect(result.errors).toHaveLength(2);
  expect(standIn.triggeredEventCount()).toBe(0);
});
