import type { ParticipationStack } from '@gametriggers/participation-service/testing/stack';
import { startParticipationStack } from '@gametriggers/participation-service/testing/stack';
import type { TestPerson } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationHarness } from './testing/notification-harness';
import { startNotificationHarness } from './testing/notification-harness';

/**
 * The fan-out against the real services: the campaign service's outbox delivers its events to this
 * consumer (shared queues), the streamer service answers who matches the campaign, the
 * participation service who runs it.
 */
let stack: ParticipationStack;
let harness: NotificationHarness;
let fan: { first: TestPerson; second: TestPerson; elsewhere: TestPerson };
let campaignId: string;

beforeAll(async () => {
  stack = await startParticipationStack();
  harness = await startNotificationHarness({
    jwksUrl: stack.issuer.jwksUrl,
    now: stack.clock.now,
    queues: { redisUrl: stack.campaigns.config.REDIS_URL, prefix: stack.campaigns.config.queuePrefix ?? '' },
    audienceServices: {
      campaignServiceUrl: stack.campaigns.url,
      streamerServiceUrl: stack.streamers.url,
      participationServiceUrl: stack.participation.url,
    },
  });
  fan = {
    first: stack.extra('streamer', 'fan-first'),
    second: stack.extra('streamer', 'fan-second'),
    elsewhere: stack.extra('streamer', 'elsewhere'),
  };
  const fps = { categories: ['fps'] as ['fps'], language: 'en' as const, country: 'US' as const, followers: 800, averageViewers: 30 };
  await Promise.all([
    stack.onboarded(fan.first, fps),
    stack.onboarded(fan.second, { ...fps, categories: ['rpg', 'fps'] }),
    stack.onboarded(fan.elsewhere, { ...fps, categories: ['music'] }),
  ]);
  // Approved with its start already come: launched in the same transaction (campaign.launched).
  campaignId = (await stack.runningCampaign(stack.cast.brandA, { title: 'Real Services', categories: ['fps'], joinMode: 'approval' })).id;
}, 180_000);
afterAll(async () => {
  await harness?.close();
  await stack?.close();
});

const noticesOf = (userId: string, category: string) =>
  harness.db.notification.findMany({ where: { userId, category }, orderBy: { createdAt: 'asc' } });

async function settled<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  await expect.poll(async () => (await read()).length, { timeout: 20_000 }).toBe(count);
  await harness.fanOutsSettled();
  return read();
}

describe('with the real campaign, streamer and participation services', () => {
  it('tells a launch to the streamers whose profile matches its targeting, and nobody else', async () => {
    for (const person of [fan.first, fan.second]) {
      const [notice] = await settled(() => noticesOf(person.userId, 'matched_campaigns'), 1);
      expect(notice).toMatchObject({ eventType: 'campaign.launched', link: `/marketplace/${campaignId}` });
      expect(notice?.body).toContain('“Real Services”');
    }
    expect(await harness.db.notification.count({ where: { userId: fan.elsewhere.userId } })).toBe(0);
    expect(await harness.db.fanOut.findFirstOrThrow({ where: { eventType: 'campaign.launched' } })).toMatchObject({
      status: 'done',
      stored: 2,
      query: { kind: 'matched_streamers', campaignId, targeting: { categories: ['fps'] } },
    });
  });

  it('tells a pause and the end to the streamer running it, not to one whose application is pending', async () => {
    const brand = (await stack.as(stack.cast.brandA)).participation;
    const applied = await (await stack.as(fan.first)).participation.applyToCampaign.mutate({ campaignId });
    await (await stack.as(fan.second)).participation.applyToCampaign.mutate({ campaignId });
    await brand.approve.mutate({ participationId: applied.participation.id });
    const [approved] = await settled(() => noticesOf(fan.first.userId, 'applications'), 1);
    expect(approved?.title).toBe('Application approved');

    const campaigns = stack.campaigns.client(await stack.tokenFor(stack.cast.brandA));
    await campaigns.campaign.pause.mutate({ campaignId });
    const [paused] = await settled(() => noticesOf(fan.first.userId, 'participation'), 1);
    expect(paused).toMatchObject({ eventType: 'campaign.paused', title: 'A campaign you run was paused' });

    await campaigns.campaign.end.mutate({ campaignId });
    const notices = await settled(() => noticesOf(fan.first.userId, 'participation'), 2);
    // One fixed clock: tell them apart by their event.
    expect(notices.map((notice) => notice.eventType).sort()).toEqual(['campaign.completed', 'campaign.paused']);
    expect(notices.find((notice) => notice.eventType === 'campaign.completed')?.body).toContain('the brand ended it');
    expect(await noticesOf(fan.second.userId, 'participation')).toEqual([]);
  });
});
