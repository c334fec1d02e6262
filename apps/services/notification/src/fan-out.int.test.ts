import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CampaignTargeting, ContentCategory } from '@gametriggers/contracts';
import type { MailCatcher, TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { startMailCatcher, startTestTokenIssuer } from '@gametriggers/testing';
import { createRealtimePublisher } from '@gametriggers/realtime';
import { createLogger } from '@gametriggers/trpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FanOutProgress } from './fan-out/fan-out-runner';
import { runFanOut } from './fan-out/fan-out-runner';
import { Prisma } from './generated/prisma/client';
import type { CrashChildInput } from './testing/fan-out-crash-child';
import type { NotificationHarness, StandInStreamer } from './testing/notification-harness';
import { notificationTestNow, startNotificationHarness } from './testing/notification-harness';
import type { UserPushListener } from './testing/push-listener';
import { listenToUsers } from './testing/push-listener';

let issuer: TestTokenIssuer;
let mail: MailCatcher;
let harness: NotificationHarness;
/** What a test wants to happen after each fan-out page commits (the harness's hook calls it). */
let afterPage: (progress: FanOutProgress) => void | Promise<void> = () => undefined;

const PAGE = 25;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  harness = await startNotificationHarness({
    jwksUrl: issuer.jwksUrl,
    smtpUrl: mail.smtpUrl,
    fanOutPageSize: PAGE,
    afterFanOutPage: (progress) => afterPage(progress),
  });
});
afterAll(async () => {
  await harness?.close();
  await mail?.close();
  await issuer?.close();
});

const targeting: CampaignTargeting = {
  categories: ['fps', 'rpg'],
  languages: ['en'],
  regions: ['US', 'CA'],
  minFollowers: 100,
  minAverageViewers: 10,
};
const matching = (category: ContentCategory = 'fps'): StandInStreamer => ({
  streamerId: randomUUID(),
  categories: [category],
  language: 'en',
  country: 'US',
  followers: 500,
  averageViewers: 20,
});
/** One of each way to miss the targeting. */
const missing = (category: ContentCategory): StandInStreamer[] => [
  { ...matching(category), categories: ['music'] },
  { ...matching(category), language: 'de' },
  { ...matching(category), country: 'FR' },
  { ...matching(category), followers: 99 },
  { ...matching(category), averageViewers: 9 },
];

/** Each launch targets a category of its own, so the streamers of one never match another. */
const launchCategories: ContentCategory[] = ['strategy', 'sports', 'racing', 'horror', 'indie', 'retro'];

/** A live campaign in the stand-in with `count` matching streamers (and some who miss it). */
function campaignWithAudience(count: number) {
  const category = launchCategories.shift();
  if (!category) throw new Error('No category left for another launch');
  const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Neon Energy Launch' };
  const campaignTargeting = { ...targeting, categories: [category] };
  const matched = Array.from({ length: count }, () => matching(category));
  const others = Array.from({ length: 4 }, () => missing(category)).flat();
  harness.audiences.addCampaign(campaign.campaignId, campaignTargeting);
  harness.audiences.addStreamers([...matched, ...others]);
  return { campaign, targeting: campaignTargeting, matched: matched.map((s) => s.streamerId).sort(), others: others.map((s) => s.streamerId) };
}

const streamer = (userId: string): TestPerson => ({ userId, email: `s-${userId.slice(0, 8)}@test.gametriggers.dev`, role: 'streamer', permissions: [] });

async function setPreference(userId: string, channel: 'in_app' | 'email', enabled: boolean) {
  const api = harness.client(await issuer.tokenFor(streamer(userId)));
  await api.notification.preferences.set.mutate({ category: 'matched_campaigns', channel, enabled });
}

const noticesOf = (eventId: string) => harness.db.notification.findMany({ where: { eventId }, orderBy: { userId: 'asc' } });
const fanOutOf = (eventId: string) => harness.db.fanOut.findFirstOrThrow({ where: { eventId } });

describe('a campaign launch told to its matched streamers', () => {
  let launch: ReturnType<typeof campaignWithAudience>;
  let eventId: string;
  let listener: UserPushListener;
  const who = {} as Record<'inAppOff' | 'inAppOffEmailOn' | 'emailOn' | 'addressOnly', string>;

  beforeAll(async () => {
    launch = campaignWithAudience(130);
    [who.inAppOff, who.inAppOffEmailOn, who.emailOn, who.addressOnly] = launch.matched.slice(40, 44) as [string, string, string, string];
    for (const userId of [who.inAppOffEmailOn, who.emailOn, who.addressOnly]) {
      await harness.send('user.registered', { userId, email: streamer(userId).email, role: 'streamer' });
    }
    await setPreference(who.inAppOff, 'in_app', false);
    await setPreference(who.inAppOffEmailOn, 'in_app', false);
    await setPreference(who.inAppOffEmailOn, 'email', true);
    await setPreference(who.emailOn, 'email', true);
    listener = await listenToUsers(harness.realtime, [...launch.matched, ...launch.others]);
    eventId = await harness.send('campaign.launched', launch.campaign);
    await harness.fanOutsSettled();
  });
  afterAll(() => listener?.close());

  it('stores one notification per matched streamer (in-app off: none, unless for an email), in pages', async () => {
    const notices = await noticesOf(eventId);
    const toStreamers = notices.filter((notice) => notice.category === 'matched_campaigns');
    expect(toStreamers.map((notice) => notice.userId)).toEqual(launch.matched.filter((id) => id !== who.inAppOff));
    for (const notice of toStreamers) {
      expect(notice).toMatchObject({
        eventType: 'campaign.launched',
        title: 'A new campaign matches your channel',
        link: `/marketplace/${launch.campaign.campaignId}`,
        inApp: notice.userId !== who.inAppOffEmailOn,
        createdAt: notificationTestNow,
        readAt: null,
      });
      expect(notice.body).toContain('“Neon Energy Launch” is live');
    }
    // The brand still hears of its own launch, through the per-recipient rules.
    expect(notices.filter((notice) => notice.category === 'campaign_status').map((n) => n.userId)).toEqual([launch.campaign.brandId]);
    expect(await harness.db.notification.count({ where: { userId: { in: launch.others } } })).toBe(0);
    expect(await fanOutOf(eventId)).toMatchObject({
      status: 'done',
      exhausted: true,
      pages: Math.ceil(130 / PAGE),
      stored: 129,
      pushed: 128,
      pendingPush: [],
      query: { kind: 'matched_streamers', campaignId: launch.campaign.campaignId, targeting: launch.targeting },
    });
  });

  it('pushes each in-app notice once on its person’s channel, with their unread count', async () => {
    await expect.poll(() => listener.count()).toBe(128);
    const notices = await noticesOf(eventId);
    for (const userId of launch.matched) {
      const got = listener.received.get(userId) ?? [];
      if (userId === who.inAppOff || userId === who.inAppOffEmailOn) {
        expect(got).toEqual([]);
        continue;
      }
      const notice = notices.find((row) => row.userId === userId && row.category === 'matched_campaigns');
      expect(got).toEqual([
        {
          notificationId: notice?.id,
          category: 'matched_campaigns',
          title: 'A new campaign matches your channel',
          body: notice?.body,
          link: `/marketplace/${launch.campaign.campaignId}`,
          createdAt: notificationTestNow.toISOString(),
          unreadCount: 1,
        },
      ]);
    }
    for (const userId of launch.others) expect(listener.received.get(userId)).toEqual([]);
  });

  it('emails only those who turned this category’s email on (it is off by default)', async () => {
    const deliveries = await harness.db.emailDelivery.findMany({ include: { notification: true }, where: { notification: { eventId, category: 'matched_campaigns' } } });
    expect(deliveries.map((delivery) => delivery.notification.userId).sort()).toEqual([who.inAppOffEmailOn, who.emailOn].sort());
    await expect.poll(() => mail.messages().filter((m) => m.subject === 'A new campaign matches your channel').length, { timeout: 10_000 }).toBe(2);
    const addressOnly = streamer(who.addressOnly).email;
    expect(mail.messages().some((message) => message.to.includes(addressOnly))).toBe(false);
  });

  it('shows in the streamer’s inbox and unread count', async () => {
    const api = harness.client(await issuer.tokenFor(streamer(launch.matched[0]!)));
    expect(await api.notification.inbox.unreadCount.query()).toEqual({ unread: 1 });
    const [item] = (await api.notification.inbox.list.query({})).items;
    expect(item).toMatchObject({ category: 'matched_campaigns', link: `/marketplace/${launch.campaign.campaignId}` });
  });

  it('tells each streamer once however often the launch arrives or its fan-out runs', async () => {
    const before = await harness.db.notification.count({ where: { eventId } });
    await harness.send('campaign.launched', launch.campaign, { id: eventId });
    expect(await harness.db.fanOut.count({ where: { eventId } })).toBe(1);
    // Even a fan-out rewound to its start stores nobody twice (the unique (event, recipient, category)).
    await harness.db.fanOut.updateMany({
      where: { eventId },
      data: { status: 'running', exhausted: false, cursor: null, pages: 0, stored: 0, pushed: 0, query: Prisma.DbNull },
    });
    const outcome = await runFanOut(
      {
        db: harness.db,
        directory: harness.audiences.directory,
        publisher: createRealtimePublisher(harness.realtime),
        now: () => notificationTestNow,
        emailEnabled: true,
        enqueueEmails: () => Promise.resolve(),
        pageSize: PAGE,
        log: createLogger('notification-test'),
      },
      { eventId, category: 'matched_campaigns' },
    );
    expect(outcome).toBe('done');
    expect(await harness.db.notification.count({ where: { eventId } })).toBe(before);
    expect(await fanOutOf(eventId)).toMatchObject({ status: 'done', stored: 0, pages: Math.ceil(130 / PAGE) });
  });
});

describe('who is told a launch at all', () => {
  it('nobody when the campaign is no longer live when the fan-out starts', async () => {
    const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Paused at once' };
    harness.audiences.addCampaign(campaign.campaignId, targeting, 'paused');
    harness.audiences.addStreamers([matching()]);
    const eventId = await harness.send('campaign.launched', campaign);
    await harness.fanOutsSettled();
    expect(await fanOutOf(eventId)).toMatchObject({ status: 'skipped', pages: 0 });
    expect((await noticesOf(eventId)).map((notice) => notice.category)).toEqual(['campaign_status']);
  });
});

describe('a campaign’s participants', () => {
  it('hear that it paused, resumed and ended; those who left or only applied do not', async () => {
    const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Running Together' };
    const running = [randomUUID(), randomUUID()];
    const pausedTheirs = randomUUID();
    const left = randomUUID();
    const applied = randomUUID();
    for (const id of running) harness.audiences.addParticipant(campaign.campaignId, id, 'active');
    harness.audiences.addParticipant(campaign.campaignId, pausedTheirs, 'paused');
    harness.audiences.addParticipant(campaign.campaignId, left, 'left_early');
    harness.audiences.addParticipant(campaign.campaignId, applied, 'pending');
    const told = [...running, pausedTheirs].sort();

    const paused = await harness.send('campaign.paused', { ...campaign, by: 'brand' });
    await harness.fanOutsSettled();
    const pausedNotices = await noticesOf(paused);
    // The brand paused it itself: only the streamers hear.
    expect(pausedNotices.map((notice) => notice.userId)).toEqual(told);
    expect(pausedNotices[0]).toMatchObject({ category: 'participation', title: 'A campaign you run was paused', link: '/my-campaigns' });
    expect(pausedNotices[0]?.body).toContain('paused by its brand');

    const resumed = await harness.send('campaign.resumed', campaign);
    await harness.fanOutsSettled();
    expect((await noticesOf(resumed)).map((notice) => notice.userId)).toEqual(told);

    // The participation service completes live participations when the campaign ends.
    for (const row of harness.audiences.state.participants) {
      if (row.campaignId === campaign.campaignId && (row.status === 'active' || row.status === 'paused')) row.status = 'completed';
    }
    const completed = await harness.send('campaign.completed', { ...campaign, reason: 'budget_spent' });
    await harness.fanOutsSettled();
    const completedNotices = await noticesOf(completed);
    expect(completedNotices.filter((n) => n.category === 'participation').map((n) => n.userId)).toEqual(told);
    expect(completedNotices.find((n) => n.category === 'participation')?.body).toContain('its budget is spent');
    expect(completedNotices.filter((n) => n.category === 'campaign_status').map((n) => n.userId)).toEqual([campaign.brandId]);
    expect(await harness.db.notification.count({ where: { userId: { in: [left, applied] } } })).toBe(0);
  });

  it('hear an administrator’s pause and a cancellation', async () => {
    const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Stopped' };
    const participant = randomUUID();
    harness.audiences.addParticipant(campaign.campaignId, participant, 'active');
    const paused = await harness.send('campaign.paused', { ...campaign, by: 'admin' });
    const cancelled = await harness.send('campaign.cancelled', { ...campaign, by: 'admin' });
    await harness.fanOutsSettled();
    const byAdmin = await noticesOf(paused);
    expect(byAdmin.map((n) => [n.userId, n.category]).sort()).toEqual(
      [
        [campaign.brandId, 'campaign_status'],
        [participant, 'participation'],
      ].sort(),
    );
    expect(byAdmin.find((n) => n.userId === participant)?.body).toContain('paused by an administrator');
    expect((await noticesOf(cancelled)).find((n) => n.userId === participant)?.title).toBe('A campaign you ran was cancelled');
  });
});

describe('resuming a fan-out', () => {
  it('after an audience service failed mid-way: the job retries from its checkpoint, nobody twice', async () => {
    const launch = campaignWithAudience(110);
    const readsBefore = harness.audiences.pageReads();
    afterPage = (progress) => {
      // The streamer service stops answering once two pages are stored.
      if (progress.pages === 2) harness.audiences.failPages(2);
    };
    try {
      const eventId = await harness.send('campaign.launched', launch.campaign);
      await harness.fanOutsSettled(60_000);
      const toStreamers = (await noticesOf(eventId)).filter((notice) => notice.category === 'matched_campaigns');
      expect(toStreamers.map((notice) => notice.userId)).toEqual(launch.matched);
      const pages = Math.ceil(110 / PAGE);
      expect(await fanOutOf(eventId)).toMatchObject({ status: 'done', pages, stored: 110, pushed: 110 });
      // Every page read once, plus the two reads that failed.
      expect(harness.audiences.pageReads() - readsBefore).toBe(pages + 2);
    } finally {
      afterPage = () => undefined;
    }
  });

  it('after the process was killed between storing a page and pushing it: a new process finishes, each once', async () => {
    const crashed = await startNotificationHarness({ jwksUrl: issuer.jwksUrl, fanOutPageSize: PAGE, start: false });
    const folder = mkdtempSync(path.join(tmpdir(), 'fan-out-crash-'));
    try {
      const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Crash Course' };
      crashed.audiences.addCampaign(campaign.campaignId, targeting);
      const matched = Array.from({ length: 100 }, matching);
      crashed.audiences.addStreamers(matched);
      const ids = matched.map((s) => s.streamerId).sort();
      const input: CrashChildInput = {
        config: crashed.config,
        now: notificationTestNow.toISOString(),
        audience: crashed.audiences.state,
        killAfterPages: 2,
      };
      const inputPath = path.join(folder, 'input.json');
      writeFileSync(inputPath, JSON.stringify(input));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'testing', 'fan-out-crash-child.ts'), inputPath],
        { cwd: path.join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('fan-out-crash-child ready')) resolve();
        });
        child.once('exit', () => reject(new Error('The crash child exited before it was ready')));
      });
      const eventId = await crashed.send('campaign.launched', campaign);
      expect(await exited).toBe('SIGKILL');

      // Killed right after page 2 committed: two pages stored, the first pushed, the second not
      // (the one other push is the brand's own notice of its launch).
      expect(await crashed.db.fanOut.findFirstOrThrow({ where: { eventId } })).toMatchObject({ status: 'running', pages: 2, stored: 50, pushed: 25 });
      expect((await crashed.db.fanOut.findFirstOrThrow({ where: { eventId } })).pendingPush).toHaveLength(25);
      expect(crashed.pusher.triggeredEventCount()).toBe(25 + 1);

      const listener = await listenToUsers(crashed.realtime, ids);
      try {
        await crashed.start();
        await crashed.fanOutsSettled(60_000);
        const toStreamers = (await crashed.db.notification.findMany({ where: { eventId, category: 'matched_campaigns' }, orderBy: { userId: 'asc' } })).map((n) => n.userId);
        expect(toStreamers).toEqual(ids);
        expect(await crashed.db.fanOut.findFirstOrThrow({ where: { eventId } })).toMatchObject({ status: 'done', pages: 4, stored: 100, pushed: 100, pendingPush: [] });
        // Everyone pushed once in all: page 1 before the crash, the rest (the stored page 2 first) after.
        expect(crashed.pusher.triggeredEventCount()).toBe(100 + 1);
        await expect.poll(() => listener.count()).toBe(75);
        for (const [index, userId] of ids.entries()) {
          expect(listener.received.get(userId)).toHaveLength(index < 25 ? 0 : 1);
        }
      } finally {
        listener.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await crashed.close();
    }
  });
});
