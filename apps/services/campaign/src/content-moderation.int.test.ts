import { randomUUID } from 'node:crypto';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import type { EventPayload } from '@gametriggers/events';
import { createEventSender } from '@gametriggers/events/testing';
import {
  adminWith,
  failure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
const moderatorId = randomUUID();
let issuer: TestTokenIssuer;
let brands: BrandHarness;
let harness: CampaignHarness;
let sender: ReturnType<typeof createEventSender>;
let tokens: { brand: string; streamerA: string; streamerB: string; campaignAdmin: string };

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  harness = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: 'http://127.0.0.1:9',
    clock,
  });
  sender = createEventSender({
    consumer: 'campaign',
    redisUrl: harness.config.REDIS_URL,
    queuePrefix: harness.config.queuePrefix!,
    now: clock.now,
    isApplied: async (eventId) =>
      (await harness.db.processedEvent.count({ where: { consumer: 'campaign', eventId } })) > 0,
  });
  tokens = {
    brand: await issuer.tokenFor(cast.brandA),
    streamerA: await issuer.tokenFor(cast.streamerA),
    streamerB: await issuer.tokenFor(cast.streamerB),
    campaignAdmin: await issuer.tokenFor(adminWith('canManageCampaigns')),
  };
  await brands.verifiedBrand(tokens.brand, await issuer.tokenFor(cast.superAdmin));
}, 120_000);
afterAll(async () => {
  await sender.close();
  await harness.close();
  await brands.close();
  await issuer.close();
});

const brand = () => harness.client(tokens.brand);
const stored = (campaignId: string) => harness.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
const outbox = (type: string, campaignId: string) =>
  harness.db.outboxEvent.findMany({
    where: { type, payload: { path: ['campaignId'], equals: campaignId } },
  });

async function inReview() {
  const startsAt = new Date(clock.now().getTime() + 86_400_000);
  const draft = await brand().campaign.create.mutate(sampleCampaign({ startsAt }, clock.now()));
  return brand().campaign.submit.mutate({ campaignId: draft.id });
}

async function rejection(campaignId: string, overrides: Partial<EventPayload<'moderation.content_rejected'>> = {}) {
  const campaign = await stored(campaignId);
  return {
    itemId: randomUUID(),
    kind: 'campaign_creative' as const,
    subjectId: campaignId,
    decidedBy: moderatorId,
    contentSubmittedAt: campaign.submittedAt!.toISOString(),
    reason: 'Misleading claims',
    ...overrides,
  };
}

describe('creatives to the moderation queue', () => {
  it('sends the creative with the campaign as it goes to review', async () => {
    const campaign = await inReview();
    const [event] = await outbox('campaign.creative_submitted', campaign.id);
    expect(event?.payload).toMatchObject({
      campaignId: campaign.id,
      brandId: cast.brandA.userId,
      creative: {
        assetId: campaign.creative.assetId,
        type: campaign.creative.type,
        url: campaign.creative.url,
        clickThroughUrl: campaign.clickThroughUrl,
        submittedAt: campaign.submittedAt!.toISOString(),
      },
    });
  });
});

describe('campaign.reportContent', () => {
  it('records one report per streamer, with the creative the streamer saw', async () => {
    const campaign = await harness.activeCampaign(tokens.brand, tokens.campaignAdmin);
    const report = await harness
      .client(tokens.streamerA)
      .campaign.reportContent.mutate({ campaignId: campaign.id, reason: 'offensive', details: 'Slurs in the ad' });
    await harness
      .client(tokens.streamerB)
      .campaign.reportContent.mutate({ campaignId: campaign.id, reason: 'broken' });

    expect(
      await failure(
        harness.client(tokens.streamerA).campaign.reportContent.mutate({ campaignId: campaign.id, reason: 'other' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'already_reported' });
    const events = await outbox('campaign.content_reported', campaign.id);
    expect(events).toHaveLength(2);
    const reported = events.find(
      (event) => (event.payload as { reportId?: string }).reportId === report.reportId,
    );
    expect(reported?.payload).toMatchObject({
      streamerId: cast.streamerA.userId,
      reason: 'offensive',
      details: 'Slurs in the ad',
      creative: { url: campaign.creative.url },
    });
  });
});

describe('a creative rejected by moderation', () => {
  it('pauses a live campaign under an administrator’s pause, once however often the decision arrives', async () => {
    const campaign = await harness.activeCampaign(tokens.brand, tokens.campaignAdmin);
    const decision = await rejection(campaign.id);
    const eventId = randomUUID();
    await sender.send('moderation.content_rejected', decision, { id: eventId });
    await sender.send('moderation.content_rejected', decision, { id: eventId });

    expect(await stored(campaign.id)).toMatchObject({
      status: 'paused',
      pausedBy: 'admin',
      creativeRejectionReason: 'Misleading claims',
    });
    expect(await outbox('campaign.paused', campaign.id)).toHaveLength(1);
    expect(
      await failure(brand().campaign.resume.mutate({ campaignId: campaign.id })),
    ).toMatchObject({ reason: 'paused_by_admin' });
    const [info] = await harness
      .serviceClient('overlay')
      .campaign.internal.deliveryInfo.query({ campaignIds: [campaign.id] });
    expect(info?.status).toBe('paused');
  });

  it('rejects a campaign in review, which cannot go back to review until its creative changes', async () => {
    const campaign = await inReview();
    await sender.send('moderation.content_rejected', await rejection(campaign.id));

    const view = await brand().campaign.get.query({ campaignId: campaign.id });
    expect(view).toMatchObject({
      status: 'rejected',
      creativeRejectionReason: 'Misleading claims',
      rejectionReason: 'The creative was rejected by moderation: Misleading claims',
    });
    const { assetId, altText } = campaign.creative;
    const sameCreative = { assetId: assetId!, ...(altText ? { altText } : {}) };
    await brand().campaign.update.mutate({ campaignId: campaign.id, patch: { creative: sameCreative } });
    expect(
      await failure(brand().campaign.submit.mutate({ campaignId: campaign.id })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'creative_rejected' });

    await brand().campaign.update.mutate({
      campaignId: campaign.id,
      patch: { creative: { assetId: randomUUID() } },
    });
    expect(await brand().campaign.submit.mutate({ campaignId: campaign.id })).toMatchObject({
      status: 'pending_review',
      creativeRejectedAt: null,
    });
  });

  it('changes nothing when it is about a creative since resubmitted', async () => {
    const campaign = await inReview();
    const stale = await rejection(campaign.id, { contentSubmittedAt: '2020-01-01T00:00:00.000Z' });
    await sender.send('moderation.content_rejected', stale);

    expect(await stored(campaign.id)).toMatchObject({
      status: 'pending_review',
      creativeRejectedAt: null,
    });
  });
});
