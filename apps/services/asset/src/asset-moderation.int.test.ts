import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@gametriggers/events';
import { failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetHarness } from './testing/asset-harness';
import { startAssetHarness } from './testing/asset-harness';
import { fileOf, imageBytes, mp4Bytes, pdfBytes } from './testing/media-fixtures';

const clock = fixedClock('2026-03-10T18:00:00Z');
const moderatorId = randomUUID();
let issuer: TestTokenIssuer;
let harness: AssetHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAssetHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

type Person = Parameters<TestTokenIssuer['tokenFor']>[0];

async function readyCreative(owner: Person, name = 'ad.png') {
  const assetId = await harness.upload(await issuer.tokenFor(owner), 'campaignCreative', fileOf(await imageBytes('png'), name, 'image/png'));
  return harness.settled(assetId);
}

/** A decision of the admin service's moderation queue about an uploaded creative, as its outbox sends it. */
function decision(assetId: string, ownerId: string): EventPayload<'moderation.content_approved'> {
  return {
    itemId: randomUUID(),
    kind: 'creative_asset',
    subjectId: assetId,
    ownerId,
    title: 'ad.png',
    decidedBy: moderatorId,
    contentSubmittedAt: clock.now().toISOString(),
  };
}

const approve = (assetId: string, ownerId: string) => harness.events.send('moderation.content_approved', decision(assetId, ownerId));
const reject = (assetId: string, ownerId: string, reason: string) =>
  harness.events.send('moderation.content_rejected', { ...decision(assetId, ownerId), reason });

async function outboxOf(type: string, assetId: string) {
  const rows = await harness.db.outboxEvent.findMany({ where: { type } });
  return rows.map((row) => row.payload as Record<string, unknown>).filter((payload) => payload.assetId === assetId);
}

const usable = (assetId: string, ownerId: string, approved?: boolean) =>
  harness.serviceClient('campaign').asset.internal.assertUsable.query({
    assetId,
    ownerId,
    use: 'campaignCreative',
    ...(approved === undefined ? {} : { approved }),
  });

describe('a creative once checked', () => {
  it('waits for moderation, announced to the queue with what it shows; a document needs none', async () => {
    const cast = testCast();
    const creative = await readyCreative(cast.brandA, 'summer-banner.png');
    expect(creative).toMatchObject({ state: 'ready', moderation: 'pending', moderationReason: null, moderatedAt: null });
    expect(await outboxOf('asset.ready', creative.assetId)).toEqual([
      {
        assetId: creative.assetId,
        ownerId: cast.brandA.userId,
        use: 'campaignCreative',
        kind: 'image',
        name: 'summer-banner.png',
        contentType: 'image/png',
        sizeBytes: creative.sizeBytes,
        width: creative.width,
        height: creative.height,
        durationMs: null,
        url: creative.url,
        renditionUrl: creative.renditionUrl,
        thumbnailUrl: creative.thumbnailUrl,
        checkedAt: clock.now().toISOString(),
      },
    ]);

    const video = await harness.settled(
      await harness.upload(await issuer.tokenFor(cast.brandA), 'campaignCreative', fileOf(await mp4Bytes({ seconds: 1 }), 'clip.mp4', 'video/mp4')),
    );
    expect(video).toMatchObject({ kind: 'video', moderation: 'pending' });
    expect((await outboxOf('asset.ready', video.assetId))[0]).toMatchObject({ kind: 'video', durationMs: video.durationMs, thumbnailUrl: null });

    const document = await harness.settled(
      await harness.upload(await issuer.tokenFor(cast.brandA), 'verificationDocument', fileOf(pdfBytes(), 'registration.pdf', 'application/pdf')),
    );
    expect(document.moderation).toBe('notRequired');
    // A private file's address never travels in an event.
    expect((await outboxOf('asset.ready', document.assetId))[0]).toMatchObject({ url: null, renditionUrl: null, thumbnailUrl: null });
  });

  it('can be attached while pending, but not where approval is required; others cannot read it yet', async () => {
    const cast = testCast();
    const creative = await readyCreative(cast.brandA);
    expect(await usable(creative.assetId, cast.brandA.userId)).toMatchObject({ moderation: 'pending' });
    expect(await failure(usable(creative.assetId, cast.brandA.userId, true))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'asset_not_approved',
      message: 'The creative is waiting for moderation.',
    });
    const streamer = harness.client(await issuer.tokenFor(cast.streamerA));
    expect((await failure(streamer.asset.get.query({ assetId: creative.assetId }))).code).toBe('NOT_FOUND');
  });
});

describe('a moderation decision', () => {
  it('approves: usable where approval is required, shown to others, announced once however often it comes', async () => {
    const cast = testCast();
    const creative = await readyCreative(cast.brandA);
    await approve(creative.assetId, cast.brandA.userId);

    const owner = harness.client(await issuer.tokenFor(cast.brandA));
    expect(await owner.asset.get.query({ assetId: creative.assetId })).toMatchObject({
      moderation: 'approved',
      moderationReason: null,
      moderatedAt: clock.now(),
    });
    expect(await usable(creative.assetId, cast.brandA.userId, true)).toMatchObject({ assetId: creative.assetId, moderation: 'approved' });
    const streamer = harness.client(await issuer.tokenFor(cast.streamerA));
    expect(await streamer.asset.get.query({ assetId: creative.assetId })).toMatchObject({ url: creative.url });
    const row = await harness.db.asset.findUniqueOrThrow({ where: { id: creative.assetId } });
    expect(row.moderatedBy).toBe(moderatorId);

    // The same decision again (a redelivery, another event saying the same) changes nothing.
    clock.advance(60_000);
    await approve(creative.assetId, cast.brandA.userId);
    expect(await harness.db.asset.findUniqueOrThrow({ where: { id: creative.assetId } })).toEqual(row);
    expect(await outboxOf('asset.approved', creative.assetId)).toEqual([{ assetId: creative.assetId, ownerId: cast.brandA.userId }]);
  });

  it('rejects: its owner sees the reason, it cannot be attached, and the refusal carries the reason', async () => {
    const cast = testCast();
    const creative = await readyCreative(cast.brandA);
    await reject(creative.assetId, cast.brandA.userId, 'Shows a competitor’s logo');

    const owner = harness.client(await issuer.tokenFor(cast.brandA));
    expect(await owner.asset.get.query({ assetId: creative.assetId })).toMatchObject({
      moderation: 'rejected',
      moderationReason: 'Shows a competitor’s logo',
    });
    for (const approved of [undefined, false, true]) {
      const refusal = await failure(usable(creative.assetId, cast.brandA.userId, approved));
      expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'asset_rejected' });
      expect(refusal.message).toBe('The creative was rejected by moderation: Shows a competitor’s logo');
    }
    const otherBrand = harness.client(await issuer.tokenFor(cast.brandB));
    expect((await failure(otherBrand.asset.get.query({ assetId: creative.assetId }))).code).toBe('NOT_FOUND');
    expect(await outboxOf('asset.rejected', creative.assetId)).toEqual([
      { assetId: creative.assetId, ownerId: cast.brandA.userId, reason: 'Shows a competitor’s logo' },
    ]);
  });

  it('about a deleted creative, a document or other content changes nothing', async () => {
    const cast = testCast();
    const deleted = await readyCreative(cast.brandA);
    const owner = harness.client(await issuer.tokenFor(cast.brandA));
    await owner.asset.delete.mutate({ assetId: deleted.assetId });
    await approve(deleted.assetId, cast.brandA.userId);
    expect(await owner.asset.get.query({ assetId: deleted.assetId })).toMatchObject({ state: 'deleted', moderation: 'pending' });

    const document = await harness.settled(
      await harness.upload(await issuer.tokenFor(cast.brandA), 'verificationDocument', fileOf(pdfBytes(), 'registration.pdf', 'application/pdf')),
    );
    await reject(document.assetId, cast.brandA.userId, 'Not a creative at all');
    expect(await owner.asset.get.query({ assetId: document.assetId })).toMatchObject({ moderation: 'notRequired', moderationReason: null });

    const creative = await readyCreative(cast.brandA);
    await harness.events.send('moderation.content_rejected', {
      ...decision(creative.assetId, cast.brandA.userId),
      kind: 'campaign_creative',
      reason: 'About a campaign, not this file',
    });
    expect(await owner.asset.get.query({ assetId: creative.assetId })).toMatchObject({ moderation: 'pending' });

    for (const assetId of [deleted.assetId, document.assetId, creative.assetId]) {
      expect([...(await outboxOf('asset.approved', assetId)), ...(await outboxOf('asset.rejected', assetId))]).toEqual([]);
    }
  });
});

describe('listing one’s creatives by moderation', () => {
  it('keeps those in the states asked for', async () => {
    const cast = testCast();
    const [pending, approved, rejected] = [await readyCreative(cast.brandA), await readyCreative(cast.brandA), await readyCreative(cast.brandA)];
    await approve(approved.assetId, cast.brandA.userId);
    await reject(rejected.assetId, cast.brandA.userId, 'Too blurry to read');
    const owner = harness.client(await issuer.tokenFor(cast.brandA));

    const usableOnes = await owner.asset.listMine.query({ use: 'campaignCreative', moderation: ['approved', 'pending'] });
    expect(usableOnes.items.map((asset) => asset.assetId).sort()).toEqual([pending.assetId, approved.assetId].sort());
    const rejectedOnes = await owner.asset.listMine.query({ moderation: ['rejected'] });
    expect(rejectedOnes.items.map((asset) => asset.assetId)).toEqual([rejected.assetId]);
    expect((await failure(owner.asset.listMine.query({ moderation: [] }))).code).toBe('BAD_REQUEST');
  });
});
