import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@gametriggers/events';
import { adminWith, failure, fixedClock, startTestTokenIssuer } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const moderator = adminWith('canModerateContent');
let issuer: TestTokenIssuer;
let harness: AdminHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const asModerator = async () => harness.client(await issuer.tokenFor(moderator));

/** The brand's upload the creatives below are. */
const creativeAssetId = randomUUID();

function creative(url = 'https://cdn.example.com/ad.png', submittedAt = '2026-03-10T17:00:00.000Z') {
  return {
    assetId: creativeAssetId,
    type: 'image' as const,
    url,
    altText: 'A can of soda',
    clickThroughUrl: 'https://example.com/soda',
    description: 'Fizzy.',
    submittedAt,
  };
}

function submitted(submittedAt?: string): EventPayload<'campaign.creative_submitted'> {
  return {
    campaignId: randomUUID(),
    brandId: randomUUID(),
    title: 'Soda summer',
    creative: creative(undefined, submittedAt),
  };
}

function reported(
  campaign: EventPayload<'campaign.creative_submitted'>,
): EventPayload<'campaign.content_reported'> {
  return {
    ...campaign,
    reportId: randomUUID(),
    streamerId: randomUUID(),
    reason: 'misleading',
    details: 'Promises free soda forever',
  };
}

const itemOf = (campaignId: string) =>
  harness.db.moderationItem.findUniqueOrThrow({
    where: { kind_subjectId: { kind: 'campaign_creative', subjectId: campaignId } },
  });

describe('the queue, fed by events', () => {
  it('holds one pending item per submitted creative, however often its event is delivered', async () => {
    const campaign = submitted();
    const eventId = randomUUID();
    await harness.events.send('campaign.creative_submitted', campaign, { id: eventId });
    await harness.events.send('campaign.creative_submitted', campaign, { id: eventId });

    const items = await harness.db.moderationItem.findMany({
      where: { subjectId: campaign.campaignId },
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'campaign_creative',
      ownerId: campaign.brandId,
      title: 'Soda summer',
      status: 'pending',
      reportCount: 0,
    });
  });

  it('puts a decided creative back in the queue when a newer one is submitted, and ignores older ones', async () => {
    const campaign = submitted('2026-03-01T10:00:00.000Z');
    await harness.events.send('campaign.creative_submitted', campaign);
    const client = await asModerator();
    const { id } = await itemOf(campaign.campaignId);
    await client.admin.moderation.approve.mutate({ itemId: id });

    const newer = { ...campaign, creative: creative('https://cdn.example.com/ad-2.png', '2026-03-02T10:00:00.000Z') };
    await harness.events.send('campaign.creative_submitted', newer);
    const older = { ...campaign, creative: creative('https://cdn.example.com/ad-0.png', '2026-02-20T10:00:00.000Z') };
    await harness.events.send('campaign.creative_submitted', older);

    expect(await client.admin.moderation.get.query({ itemId: id })).toMatchObject({
      status: 'pending',
      decidedAt: null,
      content: { url: 'https://cdn.example.com/ad-2.png' },
    });
  });

  it('flags a reported creative with its reports, making an item when the queue had none', async () => {
    const campaign = submitted();
    const report = reported(campaign);
    await harness.events.send('campaign.content_reported', report);
    await harness.events.send('campaign.content_reported', { ...reported(campaign), reason: 'offensive', details: null });

    const client = await asModerator();
    const { id } = await itemOf(campaign.campaignId);
    const item = await client.admin.moderation.get.query({ itemId: id });
    expect(item).toMatchObject({ status: 'pending', reportCount: 2, content: creative() });
    expect(item.reports.map((entry) => entry.reason).sort()).toEqual(['misleading', 'offensive']);
    expect(item.reports).toContainEqual(
      expect.objectContaining({
        id: report.reportId,
        reporterId: report.streamerId,
        details: 'Promises free soda forever',
      }),
    );
  });

  it('brings an approved creative back when it is reported again; a rejected one stays rejected', async () => {
    const client = await asModerator();
    const approved = submitted();
    const rejected = submitted();
    await harness.events.send('campaign.creative_submitted', approved);
    await harness.events.send('campaign.creative_submitted', rejected);
    await client.admin.moderation.approve.mutate({ itemId: (await itemOf(approved.campaignId)).id });
    await client.admin.moderation.reject.mutate({
      itemId: (await itemOf(rejected.campaignId)).id,
      reason: 'Shows alcohol to minors',
    });

    await harness.events.send('campaign.content_reported', reported(approved));
    await harness.events.send('campaign.content_reported', reported(rejected));

    expect(await itemOf(approved.campaignId)).toMatchObject({ status: 'pending', reportCount: 1 });
    expect(await itemOf(rejected.campaignId)).toMatchObject({
      status: 'rejected',
      reportCount: 1,
      decisionReason: 'Shows alcohol to minors',
    });
  });
});

describe('admin.moderation.list', () => {
  it('pages the pending queue oldest first, and filters reported items and decided ones', async () => {
    await harness.db.contentReport.deleteMany();
    await harness.db.moderationItem.deleteMany();
    const campaigns = [submitted(), submitted(), submitted()];
    for (const [index, campaign] of campaigns.entries()) {
      clock.set(`2026-03-10T18:0${index}:00Z`);
      await harness.events.send('campaign.creative_submitted', campaign);
    }
    await harness.events.send('campaign.content_reported', reported(campaigns[2]!));
    const client = await asModerator();

    const first = await client.admin.moderation.list.query({ limit: 2 });
    expect(first.items.map((item) => item.subjectId)).toEqual([
      campaigns[0]!.campaignId,
      campaigns[1]!.campaignId,
    ]);
    const second = await client.admin.moderation.list.query({ limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ subjectId: campaigns[2]!.campaignId }], nextCursor: null });

    const reportedOnly = await client.admin.moderation.list.query({ reportedOnly: true });
    expect(reportedOnly.items.map((item) => item.subjectId)).toEqual([campaigns[2]!.campaignId]);

    await client.admin.moderation.approve.mutate({ itemId: first.items[0]!.id });
    const pending = await client.admin.moderation.list.query({ kind: 'campaign_creative' });
    expect(pending.items).toHaveLength(2);
    const approved = await client.admin.moderation.list.query({ status: 'approved' });
    expect(approved.items.map((item) => item.id)).toEqual([first.items[0]!.id]);
  });
});

describe('decisions', () => {
  it('approves: the item leaves the queue, the decision is announced and audited once', async () => {
    const campaign = submitted();
    await harness.events.send('campaign.creative_submitted', campaign);
    const { id } = await itemOf(campaign.campaignId);

    const decided = await (await asModerator()).admin.moderation.approve.mutate({ itemId: id });

    expect(decided).toMatchObject({ status: 'approved', decidedBy: moderator.userId });
    const announced = await harness.db.outboxEvent.findMany({
      where: { type: 'moderation.content_approved', payload: { path: ['itemId'], equals: id } },
    });
    expect(announced).toHaveLength(1);
    const audit = await harness.waitForAuditEntries({ action: 'moderation.approve', subjectId: campaign.campaignId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: moderator.userId, permission: 'canModerateContent' });
  });

  it('rejects with a reason: its owner is told in the same transaction, and the audit keeps the reason', async () => {
    const campaign = submitted('2026-03-09T08:00:00.000Z');
    await harness.events.send('campaign.creative_submitted', campaign);
    const { id } = await itemOf(campaign.campaignId);

    await (await asModerator()).admin.moderation.reject.mutate({ itemId: id, reason: 'Misleading health claims' });

    const [announced] = await harness.db.outboxEvent.findMany({
      where: { type: 'moderation.content_rejected', payload: { path: ['itemId'], equals: id } },
    });
    expect(announced?.payload).toEqual({
      itemId: id,
      kind: 'campaign_creative',
      subjectId: campaign.campaignId,
      ownerId: campaign.brandId,
      title: 'Soda summer',
      decidedBy: moderator.userId,
      contentSubmittedAt: '2026-03-09T08:00:00.000Z',
      reason: 'Misleading health claims',
    });
    const audit = await harness.waitForAuditEntries({ action: 'moderation.reject', subjectId: campaign.campaignId });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.personal?.reason).toBe('Misleading health claims');
  });

  it('refuses a second decision and an unknown item', async () => {
    const campaign = submitted();
    await harness.events.send('campaign.creative_submitted', campaign);
    const { id } = await itemOf(campaign.campaignId);
    const client = await asModerator();
    await client.admin.moderation.approve.mutate({ itemId: id });

    expect(
      await failure(client.admin.moderation.reject.mutate({ itemId: id, reason: 'Changed my mind' })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'moderation_already_decided' });
    expect(await failure(client.admin.moderation.get.query({ itemId: randomUUID() }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await harness.db.outboxEvent.count({ where: { type: 'moderation.content_rejected', payload: { path: ['itemId'], equals: id } } }),
    ).toBe(0);
  });
});

describe('profiles', () => {
  const brandIdUnderReview = randomUUID();
  const brandProfile = (submittedAt: string, companyName = 'Acme Energy') => ({
    brandId: brandIdUnderReview,
    profile: { companyName, industry: 'Drinks', website: 'https://acme.example.com', submittedAt },
  });
  const streamerProfile = (streamerId: string, displayName: string, submittedAt: string) => ({
    streamerId,
    profile: {
      displayName,
      primaryCategory: 'fps',
      secondaryCategories: ['rpg'],
      language: 'en',
      rating: 'teen',
      submittedAt,
    },
  });
  const profileItemOf = (kind: 'brand_profile' | 'streamer_profile', subjectId: string) =>
    harness.db.moderationItem.findUniqueOrThrow({
      where: { kind_subjectId: { kind, subjectId } },
    });

  it('queues one item per profile with its public text; a newer change wins, an older one is ignored', async () => {
    await harness.events.send('brand.profile_changed', brandProfile('2026-03-01T10:00:00.000Z'));
    const client = await asModerator();
    const { id } = await profileItemOf('brand_profile', brandIdUnderReview);
    await client.admin.moderation.approve.mutate({ itemId: id });

    await harness.events.send('brand.profile_changed', brandProfile('2026-03-02T10:00:00.000Z', 'Acme Energy Ltd'));
    await harness.events.send('brand.profile_changed', brandProfile('2026-02-20T10:00:00.000Z', 'Old Acme'));

    expect(await client.admin.moderation.get.query({ itemId: id })).toMatchObject({
      kind: 'brand_profile',
      subjectId: brandIdUnderReview,
      ownerId: brandIdUnderReview,
      title: 'Acme Energy Ltd',
      status: 'pending',
      decidedAt: null,
      content: { companyName: 'Acme Energy Ltd', industry: 'Drinks', website: 'https://acme.example.com' },
      contentSubmittedAt: new Date('2026-03-02T10:00:00.000Z'),
    });
  });

  it('lists profiles by kind beside creatives, and announces a rejection with the content’s submission time', async () => {
    const streamerId = randomUUID();
    await harness.events.send('streamer.profile_changed', streamerProfile(streamerId, 'xX_rude_Xx', '2026-03-05T09:30:00.000Z'));
    await harness.events.send('campaign.creative_submitted', submitted());
    const client = await asModerator();

    const streamers = await client.admin.moderation.list.query({ kind: 'streamer_profile' });
    expect(streamers.items.map((item) => item.subjectId)).toContain(streamerId);
    expect(streamers.items.every((item) => item.kind === 'streamer_profile')).toBe(true);
    const item = streamers.items.find((entry) => entry.subjectId === streamerId)!;
    expect(item).toMatchObject({ title: 'xX_rude_Xx', content: { displayName: 'xX_rude_Xx', language: 'en' } });

    await client.admin.moderation.reject.mutate({ itemId: item.id, reason: 'Offensive display name' });

    const [announced] = await harness.db.outboxEvent.findMany({
      where: { type: 'moderation.content_rejected', payload: { path: ['itemId'], equals: item.id } },
    });
    expect(announced?.payload).toEqual({
      itemId: item.id,
      kind: 'streamer_profile',
      subjectId: streamerId,
      ownerId: streamerId,
      title: 'xX_rude_Xx',
      decidedBy: moderator.userId,
      contentSubmittedAt: '2026-03-05T09:30:00.000Z',
      reason: 'Offensive display name',
    });
    const audit = await harness.waitForAuditEntries({ action: 'moderation.reject', subjectId: streamerId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subjectType: 'streamer_profile' });
  });

  it('brings a rejected profile back to the queue when its owner changes it', async () => {
    const streamerId = randomUUID();
    await harness.events.send('streamer.profile_changed', streamerProfile(streamerId, 'Rude', '2026-03-05T09:00:00.000Z'));
    const client = await asModerator();
    const { id } = await profileItemOf('streamer_profile', streamerId);
    await client.admin.moderation.reject.mutate({ itemId: id, reason: 'Offensive display name' });

    await harness.events.send('streamer.profile_changed', streamerProfile(streamerId, 'Polite', '2026-03-06T09:00:00.000Z'));

    expect(await profileItemOf('streamer_profile', streamerId)).toMatchObject({
      status: 'pending',
      title: 'Polite',
      decisionReason: null,
    });
  });
});

describe('uploaded creatives (creative assets)', () => {
  function readyAsset(overrides: Partial<EventPayload<'asset.ready'>> = {}): EventPayload<'asset.ready'> {
    const assetId = randomUUID();
    return {
      assetId,
      ownerId: randomUUID(),
      use: 'campaignCreative',
      kind: 'image',
      name: 'summer-banner.png',
      contentType: 'image/png',
      sizeBytes: 48_213,
      width: 1280,
      height: 720,
      durationMs: null,
      url: `https://files.example.com/${assetId}`,
      renditionUrl: `https://files.example.com/${assetId}.webp`,
      thumbnailUrl: `https://files.example.com/${assetId}-thumbnail.webp`,
      checkedAt: '2026-03-10T17:30:00.000Z',
      ...overrides,
    };
  }
  const assetItemOf = (assetId: string) =>
    harness.db.moderationItem.findUnique({
      where: { kind_subjectId: { kind: 'creative_asset', subjectId: assetId } },
    });

  it('queues a checked creative once, titled by its file name, with what it shows; documents stay out', async () => {
    const asset = readyAsset();
    const eventId = randomUUID();
    await harness.events.send('asset.ready', asset, { id: eventId });
    await harness.events.send('asset.ready', asset, { id: eventId });
    await harness.events.send('asset.ready', asset);
    const document = readyAsset({ use: 'verificationDocument', kind: 'document', contentType: 'application/pdf', url: null, renditionUrl: null, thumbnailUrl: null });
    await harness.events.send('asset.ready', document);

    const client = await asModerator();
    const queue = await client.admin.moderation.list.query({ kind: 'creative_asset', limit: 100 });
    expect(queue.items.filter((item) => item.subjectId === asset.assetId)).toEqual([
      expect.objectContaining({
        kind: 'creative_asset',
        ownerId: asset.ownerId,
        title: 'summer-banner.png',
        status: 'pending',
        contentSubmittedAt: new Date('2026-03-10T17:30:00.000Z'),
        content: {
          kind: 'image',
          name: 'summer-banner.png',
          contentType: 'image/png',
          sizeBytes: 48_213,
          width: 1280,
          height: 720,
          durationMs: null,
          url: asset.url,
          renditionUrl: asset.renditionUrl,
          thumbnailUrl: asset.thumbnailUrl,
          submittedAt: '2026-03-10T17:30:00.000Z',
        },
      }),
    ]);
    expect(await assetItemOf(document.assetId)).toBeNull();
  });

  it('announces a decision with the asset, its owner and its name', async () => {
    const video = readyAsset({ kind: 'video', name: 'teaser.mp4', contentType: 'video/mp4', durationMs: 12_500, renditionUrl: null, thumbnailUrl: null });
    await harness.events.send('asset.ready', video);
    const item = (await assetItemOf(video.assetId))!;
    const client = await asModerator();
    expect(await client.admin.moderation.get.query({ itemId: item.id })).toMatchObject({
      kind: 'creative_asset',
      content: { kind: 'video', durationMs: 12_500, thumbnailUrl: null },
      reports: [],
    });

    await client.admin.moderation.reject.mutate({ itemId: item.id, reason: 'Flashing lights without a warning' });

    const [announced] = await harness.db.outboxEvent.findMany({
      where: { type: 'moderation.content_rejected', payload: { path: ['itemId'], equals: item.id } },
    });
    expect(announced?.payload).toEqual({
      itemId: item.id,
      kind: 'creative_asset',
      subjectId: video.assetId,
      ownerId: video.ownerId,
      title: 'teaser.mp4',
      decidedBy: moderator.userId,
      contentSubmittedAt: '2026-03-10T17:30:00.000Z',
      reason: 'Flashing lights without a warning',
    });
    const audit = await harness.waitForAuditEntries({ action: 'moderation.reject', subjectId: video.assetId });
    expect(audit[0]).toMatchObject({ subjectType: 'creative_asset' });
  });

  it('withdraws a pending creative its owner deleted: out of the queue, no decision possible; a decided one stays', async () => {
    const deleted = readyAsset();
    const approved = readyAsset();
    await harness.events.send('asset.ready', deleted);
    await harness.events.send('asset.ready', approved);
    const client = await asModerator();
    const approvedItem = (await assetItemOf(approved.assetId))!;
    await client.admin.moderation.approve.mutate({ itemId: approvedItem.id });

    for (const asset of [deleted, approved]) {
      await harness.events.send('asset.deleted', { assetId: asset.assetId, ownerId: asset.ownerId, use: 'campaignCreative' });
    }

    const withdrawn = (await assetItemOf(deleted.assetId))!;
    expect(withdrawn.status).toBe('withdrawn');
    expect((await assetItemOf(approved.assetId))?.status).toBe('approved');
    const pending = await client.admin.moderation.list.query({ kind: 'creative_asset', limit: 100 });
    expect(pending.items.map((item) => item.subjectId)).not.toContain(deleted.assetId);
    const withdrawnList = await client.admin.moderation.list.query({ status: 'withdrawn', limit: 100 });
    expect(withdrawnList.items.map((item) => item.subjectId)).toContain(deleted.assetId);
    expect(await failure(client.admin.moderation.approve.mutate({ itemId: withdrawn.id }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'moderation_item_withdrawn',
    });
    // A creative deleted before it reached the queue leaves nothing behind.
    const unseen = readyAsset();
    await harness.events.send('asset.deleted', { assetId: unseen.assetId, ownerId: unseen.ownerId, use: 'campaignCreative' });
    expect(await assetItemOf(unseen.assetId)).toBeNull();
  });
});
