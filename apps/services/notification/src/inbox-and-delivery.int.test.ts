import { randomUUID } from 'node:crypto';
import { userChannel } from '@gametriggers/realtime';
import type { NotificationCreated } from '@gametriggers/realtime';
import { connectRealtime } from '@gametriggers/realtime/client';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import Pusher from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationHarness } from './testing/notification-harness';
import { notificationTestNow, notificationTestPusherApp, startNotificationHarness } from './testing/notification-harness';

let issuer: TestTokenIssuer;
let harness: NotificationHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startNotificationHarness({ jwksUrl: issuer.jwksUrl });
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

const campaignOf = (brandId: string, title: string) => ({ campaignId: randomUUID(), brandId, title });

async function clientOf(person: TestPerson) {
  return harness.client(await issuer.tokenFor(person));
}

describe('the inbox', () => {
  it('lists the caller’s notifications newest first, by page and filter, and keeps count of the unread', async () => {
    const { brandA } = testCast();
    const client = await clientOf(brandA);
    for (const title of ['One', 'Two', 'Three']) {
      await harness.send('campaign.submitted', campaignOf(brandA.userId, title));
    }
    const first = await client.notification.inbox.list.query({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await client.notification.inbox.list.query({ limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((item) => item.notificationId)).size).toBe(3);
    expect(all.every((item) => item.category === 'campaign_review' && item.readAt === null)).toBe(true);
    expect(await client.notification.inbox.unreadCount.query()).toEqual({ unread: 3 });

    const [one, two] = all;
    const read = await client.notification.inbox.markRead.mutate({ notificationId: one!.notificationId });
    expect(read.readAt).toEqual(notificationTestNow);
    expect(await client.notification.inbox.unreadCount.query()).toEqual({ unread: 2 });
    expect((await client.notification.inbox.list.query({ filter: 'read' })).items.map((i) => i.notificationId)).toEqual([
      one!.notificationId,
    ]);

    const archived = await client.notification.inbox.archive.mutate({ notificationId: two!.notificationId });
    expect(archived).toMatchObject({ archivedAt: notificationTestNow, readAt: notificationTestNow });
    expect((await client.notification.inbox.list.query({ filter: 'archived' })).items.map((i) => i.notificationId)).toEqual([
      two!.notificationId,
    ]);
    expect((await client.notification.inbox.list.query({})).items).toHaveLength(2);
    expect(await client.notification.inbox.unreadCount.query()).toEqual({ unread: 1 });

    expect(await client.notification.inbox.markAllRead.mutate()).toEqual({ marked: 1 });
    expect(await client.notification.inbox.unreadCount.query()).toEqual({ unread: 0 });
    expect((await client.notification.inbox.list.query({ filter: 'unread' })).items).toEqual([]);
  });

  it('never shows or changes another person’s notifications', async () => {
    const { brandA, brandB } = testCast();
    await harness.send('campaign.approved', { ...campaignOf(brandA.userId, 'Mine'), approvedBy: randomUUID() });
    const owner = await clientOf(brandA);
    const other = await clientOf(brandB);
    const [mine] = (await owner.notification.inbox.list.query({})).items;

    expect((await other.notification.inbox.list.query({})).items).toEqual([]);
    expect(await other.notification.inbox.unreadCount.query()).toEqual({ unread: 0 });
    expect(await failure(other.notification.inbox.markRead.mutate({ notificationId: mine!.notificationId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failure(other.notification.inbox.archive.mutate({ notificationId: mine!.notificationId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await other.notification.inbox.markAllRead.mutate()).toEqual({ marked: 0 });
    expect(await owner.notification.inbox.unreadCount.query()).toEqual({ unread: 1 });
  });

  it('refuses a page link made for another list', async () => {
    const { brandA } = testCast();
    const client = await clientOf(brandA);
    expect(await failure(client.notification.inbox.list.query({ cursor: 'bm90LWEtY3Vyc29y' }))).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('preferences', () => {
  it('start on (but the email of new matching campaigns), with money and security email locked', async () => {
    const client = await clientOf(testCast().streamerA);
    const preferences = await client.notification.preferences.get.query();
    expect(preferences).toHaveLength(18);
    expect(preferences.filter((p) => !p.enabled).map((p) => `${p.category}/${p.channel}`)).toEqual(['matched_campaigns/email']);
    expect(preferences.filter((p) => p.locked).map((p) => `${p.category}/${p.channel}`).sort()).toEqual([
      'money/email',
      'security/email',
    ]);
  });

  it('in-app off: the category stops reaching the inbox, other categories still do', async () => {
    const { brandA } = testCast();
    const client = await clientOf(brandA);
    const after = await client.notification.preferences.set.mutate({ category: 'campaign_review', channel: 'in_app', enabled: false });
    expect(after.find((p) => p.category === 'campaign_review' && p.channel === 'in_app')).toMatchObject({ enabled: false });

    await harness.send('campaign.submitted', campaignOf(brandA.userId, 'Quiet'));
    await harness.send('payment.deposit_received', { brandId: brandA.userId, amountCents: 100, currency: 'USD', paymentIntentId: 'pi_2' });
    expect((await client.notification.inbox.list.query({})).items.map((i) => i.category)).toEqual(['money']);

    await client.notification.preferences.set.mutate({ category: 'campaign_review', channel: 'in_app', enabled: true });
    await harness.send('campaign.submitted', campaignOf(brandA.userId, 'Loud'));
    expect(await client.notification.inbox.unreadCount.query()).toEqual({ unread: 2 });
  });

  it('refuses to turn off money or security email, with a typed reason, and changes nothing', async () => {
    const { streamerA } = testCast();
    const client = await clientOf(streamerA);
    for (const category of ['money', 'security'] as const) {
      expect(await failure(client.notification.preferences.set.mutate({ category, channel: 'email', enabled: false }))).toMatchObject({
        code: 'BAD_REQUEST',
        reason: 'preference_required',
      });
    }
    expect(await harness.db.preference.count({ where: { userId: streamerA.userId } })).toBe(0);
    // Their in-app channel is the person's to turn off.
    await client.notification.preferences.set.mutate({ category: 'money', channel: 'in_app', enabled: false });
  });

  it('are one person’s own: another’s choice changes nothing for them', async () => {
    const { streamerA, streamerB } = testCast();
    await (await clientOf(streamerB)).notification.preferences.set.mutate({ category: 'applications', channel: 'in_app', enabled: false });
    await harness.send('participation.approved', {
      participationId: randomUUID(),
      campaignId: randomUUID(),
      brandId: randomUUID(),
      streamerId: streamerA.userId,
      clickCode: 'abcdEFGH1234',
    });
    expect(await (await clientOf(streamerA)).notification.inbox.unreadCount.query()).toEqual({ unread: 1 });
  });
});

describe('live push', () => {
  it('triggers notification.created on the person’s private channel, with the unread count', async () => {
    const { brandA, brandB } = testCast();
    const sdk = new Pusher({
      appId: notificationTestPusherApp.id,
      key: notificationTestPusherApp.key,
      secret: notificationTestPusherApp.secret,
      host: harness.pusher.wsHost,
      port: String(harness.pusher.httpPort),
      useTLS: false,
    });
    const connect = () =>
      connectRealtime({
        key: notificationTestPusherApp.key,
        host: harness.pusher.wsHost,
        port: harness.pusher.wsPort,
        useTLS: false,
        authorizer: ({ socketId, channelName }) => Promise.resolve(sdk.authorizeChannel(socketId, channelName)),
      });
    const bell = connect();
    const otherBell = connect();
    try {
      const received: NotificationCreated[] = [];
      const otherReceived: unknown[] = [];
      const subscribed = (client: ReturnType<typeof connect>, channelName: string, into: unknown[]) =>
        new Promise<void>((resolve) => {
          const channel = client.subscribe(channelName);
          channel.bind('notification.created', (data: unknown) => into.push(data));
          channel.bind('pusher:subscription_succeeded', () => resolve());
        });
      await subscribed(bell, userChannel(brandA.userId), received);
      await subscribed(otherBell, userChannel(brandB.userId), otherReceived);

      const campaign = campaignOf(brandA.userId, 'Live bell');
      await harness.send('campaign.approved', { ...campaign, approvedBy: randomUUID() });
      await expect.poll(() => received.length).toBe(1);
      const [stored] = await harness.db.notification.findMany({ where: { userId: brandA.userId } });
      expect(received[0]).toEqual({
        notificationId: stored!.id,
        category: 'campaign_review',
        title: 'Campaign approved',
        body: stored!.body,
        link: `/campaigns/${campaign.campaignId}`,
        createdAt: notificationTestNow.toISOString(),
        unreadCount: 1,
      });
      await harness.send('campaign.launched', campaign);
      await expect.poll(() => received.map((r) => r.unreadCount)).toEqual([1, 2]);
      expect(otherReceived).toEqual([]);
    } finally {
      bell.disconnect();
      otherBell.disconnect();
    }
  });
});
