/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * One campaign launch told to 10,000 matched streamers in-app: from the `campaign.launched` event
 * reaching the notification service until the last notification is stored, and until the last
 * push is accepted by the local Pusher stand-in (its counter) — with pusher-js subscribed to a
 * sample of the recipients' channels, as their bells would be. The audience comes from the real
 * streamer service (10,000 matching profiles among 12,000), the campaign from the real campaign
 * service. Beside it, in the same run: the floor (a bare `createMany` of 10,000 rows, in pages of
 * 1,000, and the same pushes through `triggerBatch`) and the per-recipient path the service uses for small events
 * (preferences read, one row stored, one push with its unread count, per recipient).
 *   pnpm --filter @gametriggers/notification-service bench  [STREAMERS=10000 ROUNDS=3 PER_RECIPIENT=2000 SAMPLE=1000]
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { CampaignTargeting } from '@gametriggers/contracts';
import { startParticipationStack } from '@gametriggers/participation-service/testing/stack';
import { createRealtimePublisher, userChannel } from '@gametriggers/realtime';
import type { SeededStreamerProfile } from '@gametriggers/streamer-service/testing';
import { createLogger } from '@gametriggers/trpc';
import { channelsFor } from '../src/domain/preferences';
import type { StoredNotification } from '../src/events/notify-on-event';
import { createNotificationPush } from '../src/realtime/notification-push';
import { startNotificationHarness } from '../src/testing/notification-harness';
import { listenToUsers } from '../src/testing/push-listener';

// BENCH_DRY_RUN=1: a tiny audience, one round, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const STREAMERS = Number(process.env.STREAMERS ?? (dryRun ? 30 : 10_000));
const ROUNDS = Number(process.env.ROUNDS ?? (dryRun ? 1 : 3));
const PER_RECIPIENT = Math.min(STREAMERS, Number(process.env.PER_RECIPIENT ?? (dryRun ? 10 : 2_000)));
const SAMPLE = Math.min(STREAMERS, Number(process.env.SAMPLE ?? (dryRun ? 10 : 1_000)));

// The services' request logs would drown the figures.
process.env.LOG_LEVEL ??= 'warn';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now();
}

console.log(`Fan-out benchmark: ${STREAMERS.toLocaleString('en-US')} matched streamers, ${ROUNDS} round(s); load average ${load()}`);

const stack = await startParticipationStack();
const harness = await startNotificationHarness({
  jwksUrl: stack.issuer.jwksUrl,
  now: stack.clock.now,
  audienceServices: {
    campaignServiceUrl: stack.campaigns.url,
    streamerServiceUrl: stack.streamers.url,
    participationServiceUrl: stack.participation.url,
  },
});
const log = createLogger('notification-bench');
const publisher = createRealtimePublisher(harness.realtime);
try {
  const targeting: CampaignTargeting = { categories: ['fps'], languages: ['en'], regions: [], minFollowers: 100, minAverageViewers: 0 };
  const matched: SeededStreamerProfile[] = Array.from({ length: STREAMERS }, (_, index) => ({
    streamerId: randomUUID(),
    categories: index % 2 ? ['fps', 'rpg'] : ['fps'],
    language: 'en',
    country: index % 3 ? 'US' : 'DE',
    followers: 100 + (index % 5_000),
  }));
  // A sixth more who miss the targeting (another category, language or size).
  const others: SeededStreamerProfile[] = Array.from({ length: Math.ceil(STREAMERS / 5) }, (_, index) => ({
    streamerId: randomUUID(),
    categories: [index % 2 ? 'music' : 'rpg'],
    language: index % 3 ? 'en' : 'de',
    country: 'US',
    followers: index % 4 ? 5_000 : 10,
  }));
  await stack.streamers.seedProfiles([...matched, ...others]);
  const campaign = await stack.runningCampaign(stack.cast.brandA, { title: 'Bench Launch', ...targeting });
  const recipientIds = matched.map((profile) => profile.streamerId);
  const sampleIds = recipientIds.filter((_, index) => index % Math.max(1, Math.floor(STREAMERS / SAMPLE)) === 0).slice(0, SAMPLE);
  console.log(`  ready: ${(STREAMERS + others.length).toLocaleString('en-US')} streamer profiles, a live campaign; load average ${load()}`);

  const fanOut: Array<{ stored: number; pushed: number; received: number }> = [];
  const floor: Array<{ insert: number; push: number }> = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // The fan-out: the launch event as the relay delivers it, to the last push.
    const listener = await listenToUsers(harness.realtime, sampleIds);
    const pushesBefore = harness.pusher.triggeredEventCount();
    const started = performance.now();
    const eventId = await harness.send('campaign.launched', { campaignId: campaign.id, brandId: stack.cast.brandA.userId, title: `Bench Launch ${round}` });
    const storedAt = await until(
      async () => (await harness.db.fanOut.findFirst({ where: { eventId }, select: { stored: true } }))?.stored === STREAMERS,
      600_000,
      'every notification stored',
    );
    // Every streamer's push, and the brand's own notice of its launch.
    const pushedAt = await until(() => harness.pusher.triggeredEventCount() - pushesBefore >= STREAMERS + 1, 600_000, 'every push accepted');
    await until(() => listener.count() >= sampleIds.length, 60_000, 'every sampled bell reached');
    const receivedAt = listener.lastArrivalMs();
    listener.close();
    await harness.fanOutsSettled();
    const row = await harness.db.fanOut.findFirstOrThrow({ where: { eventId } });
    if (row.stored !== STREAMERS || row.pushed !== STREAMERS) throw new Error(`Fan-out ended at stored ${row.stored}, pushed ${row.pushed}`);
    fanOut.push({ stored: storedAt - started, pushed: pushedAt - started, received: receivedAt - started });
    console.log(
      `  round ${round} fan-out: stored ${seconds(storedAt - started)}, pushed ${seconds(pushedAt - started)}, ` +
        `${sampleIds.length} sampled bells reached ${seconds(receivedAt - started)} (${row.pages} pages); load ${load()}`,
    );

    // The floor: the same rows through createMany (pages of 1,000, as the fan-out's), the same pushes through triggerBatch.
    const floorEvent = randomUUID();
    const now = stack.clock.now();
    const insertStarted = performance.now();
    for (let start = 0; start < recipientIds.length; start += 1_000) {
      await harness.db.notification.createMany({
        data: recipientIds.slice(start, start + 1_000).map((userId) => ({
          id: randomUUID(),
          userId,
          category: 'matched_campaigns',
          eventId: floorEvent,
          eventType: 'campaign.launched',
          title: 'A new campaign matches your channel',
          body: `“Bench Launch ${round}” is live and looking for streamers like you.`,
          link: `/marketplace/${campaign.id}`,
          inApp: true,
          createdAt: now,
        })),
      });
    }
    const inserted = performance.now();
    const result = await publisher.publishBatch(
      'notification.created',
      recipientIds.map((userId) => ({
        channel: userChannel(userId),
        payload: {
          notificationId: randomUUID(),
          category: 'matched_campaigns',
          title: 'A new campaign matches your channel',
          body: 'Bench',
          link: `/marketplace/${campaign.id}`,
          createdAt: now.toISOString(),
          unreadCount: 1,
        },
      })),
    );
    if (result.failed > 0) throw new Error(`The floor's pushes failed: ${result.errors[0]?.message}`);
    floor.push({ insert: inserted - insertStarted, push: performance.now() - inserted });
    console.log(`  round ${round} floor: createMany ${seconds(inserted - insertStarted)}, triggerBatch ${seconds(performance.now() - inserted)}`);
  }

  // The per-recipient path, as the service tells the few people an event names.
  const perRecipientIds = recipientIds.slice(0, PER_RECIPIENT);
  const push = createNotificationPush({ publisher, db: harness.db, log });
  const perStarted = performance.now();
  const stored: StoredNotification[] = [];
  const eventId = randomUUID();
  await harness.db.$transaction(
    async (tx) => {
      const now = stack.clock.now();
      for (const userId of perRecipientIds) {
        const channels = await channelsFor(tx, userId, 'matched_campaigns');
        if (!channels.in_app) continue;
        const notificationId = randomUUID();
        const text = { title: 'A new campaign matches your channel', body: 'Bench per recipient', link: `/marketplace/${campaign.id}` };
        const { count } = await tx.notification.createMany({
          data: [{ id: notificationId, userId, category: 'matched_campaigns', eventId, eventType: 'campaign.launched', ...text, inApp: true, createdAt: now }],
          skipDuplicates: true,
        });
        if (count > 0) stored.push({ notificationId, userId, category: 'matched_campaigns', ...text, createdAt: now, inApp: true, emailDeliveryId: null });
      }
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  const perStored = performance.now();
  await push(stored);
  const perPushed = performance.now();
  const perEach = (perPushed - perStarted) / PER_RECIPIENT;

  const f = {
    stored: median(fanOut.map((r) => r.stored)),
    pushed: median(fanOut.map((r) => r.pushed)),
    received: median(fanOut.map((r) => r.received)),
  };
  const floorTotal = median(floor.map((r) => r.insert + r.push));
  console.log(`\nOne launch → ${STREAMERS.toLocaleString('en-US')} streamers in-app (median of ${ROUNDS}):`);
  console.log(`  fan-out: last stored ${seconds(f.stored)}, last push accepted ${seconds(f.pushed)} (${Math.round(STREAMERS / (f.pushed / 1000)).toLocaleString('en-US')} notifications/s), sampled bells reached ${seconds(f.received)}`);
  console.log(`  floor (createMany + triggerBatch, no preferences, no dedupe, no checkpoint): ${seconds(floorTotal)} (insert ${seconds(median(floor.map((r) => r.insert)))}, push ${seconds(median(floor.map((r) => r.push)))}); fan-out / floor ${(f.pushed / floorTotal).toFixed(2)}`);
  console.log(
    `  per-recipient path, ${PER_RECIPIENT.toLocaleString('en-US')} recipients: stored ${seconds(perStored - perStarted)}, pushed ${seconds(perPushed - perStored)}; ` +
      `${perEach.toFixed(2)} ms each → ${seconds(perEach * STREAMERS)} for ${STREAMERS.toLocaleString('en-US')} (${(perEach * STREAMERS / f.pushed).toFixed(1)}× the fan-out)`,
  );
  console.log(`  load average at the end ${load()}`);
} finally {
  await harness.close();
  await stack.close();
}
