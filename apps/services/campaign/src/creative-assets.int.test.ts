import { randomUUID } from 'node:crypto';
import { fileOf, imageBytes, mp4Bytes, pdfBytes, startAssetHarness } from '@gametriggers/asset-service/testing';
import type { AssetHarness } from '@gametriggers/asset-service/testing';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import type { CampaignInput } from '@gametriggers/contracts';
import { failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

// The campaign service against the real asset service: uploads through the official client, the
// check of their bytes, moderation's decision, and what a campaign stores of its creative.
const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let assets: AssetHarness;
let brands: BrandHarness;
let campaigns: CampaignHarness;
let tokens: Record<'brandA' | 'brandB' | 'superAdmin' | 'streamerA', string>;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  assets = await startAssetHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: 'http://127.0.0.1:9',
    assetServiceUrl: assets.url,
    clock,
  });
  tokens = {
    brandA: await issuer.tokenFor(cast.brandA),
    brandB: await issuer.tokenFor(cast.brandB),
    superAdmin: await issuer.tokenFor(cast.superAdmin),
    streamerA: await issuer.tokenFor(cast.streamerA),
  };
  await brands.verifiedBrand(tokens.brandA, tokens.superAdmin);
}, 120_000);
afterAll(async () => {
  await campaigns.close();
  await brands.close();
  await assets.close();
  await issuer.close();
});

/** An upload as the brand, once its check has run. */
async function uploaded(token: string, file: File) {
  return assets.settled(await assets.upload(token, 'campaignCreative', file));
}

/** A moderator's decision about an uploaded creative, as the admin service's queue sends it. */
async function moderate(assetId: string, ownerId: string, decision: 'approved' | 'rejected') {
  const content = {
    itemId: randomUUID(),
    kind: 'creative_asset' as const,
    subjectId: assetId,
    ownerId,
    title: 'ad',
    decidedBy: cast.superAdmin.userId,
    contentSubmittedAt: clock.now().toISOString(),
  };
  if (decision === 'approved') await assets.events.send('moderation.content_approved', content);
  else await assets.events.send('moderation.content_rejected', { ...content, reason: 'Shows a competitor’s logo' });
}

const brandA = () => campaigns.client(tokens.brandA);
const draft = (creative: CampaignInput['creative'], token = tokens.brandA) =>
  campaigns.client(token).campaign.create.mutate(sampleCampaign({ creative }, clock.now()));

describe('a campaign’s creative is the brand’s upload', () => {
  it('stores an image as its WebP rendition and thumbnail; submits once moderation approved it', async () => {
    const image = await uploaded(tokens.brandA, fileOf(await imageBytes('png', 1280, 720), 'launch.png', 'image/png'));
    expect(image).toMatchObject({ state: 'ready', moderation: 'pending' });

    const campaign = await draft({ assetId: image.assetId, altText: 'The launch can' });
    expect(campaign.creative).toEqual({
      assetId: image.assetId,
      type: 'image',
      url: image.renditionUrl,
      thumbnailUrl: image.thumbnailUrl,
      altText: 'The launch can',
    });
    // The rendition is served by the store, as the overlay will load it.
    const served = await fetch(campaign.creative.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');

    expect(await failure(brandA().campaign.submit.mutate({ campaignId: campaign.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'creative_not_approved',
      details: { fieldErrors: { 'creative.assetId': ['The creative is waiting for moderation.'] } },
    });
    await moderate(image.assetId, cast.brandA.userId, 'approved');
    const submitted = await brandA().campaign.submit.mutate({ campaignId: campaign.id });
    expect(submitted).toMatchObject({ status: 'pending_review', creative: { assetId: image.assetId, url: image.renditionUrl } });
    const [event] = await campaigns.db.outboxEvent.findMany({ where: { type: 'campaign.creative_submitted' } });
    expect(event?.payload).toMatchObject({ creative: { assetId: image.assetId, type: 'image', url: image.renditionUrl } });
  });

  it('stores a video as its original, with no thumbnail', async () => {
    const video = await uploaded(tokens.brandA, fileOf(await mp4Bytes({ seconds: 1 }), 'spot.mp4', 'video/mp4'));
    expect(video.state).toBe('ready');
    const campaign = await draft({ assetId: video.assetId });
    expect(campaign.creative).toMatchObject({ assetId: video.assetId, type: 'video', url: video.url, thumbnailUrl: null });
  });

  it('refuses another brand’s upload, a document and one moderation rejected, at the creative field', async () => {
    const theirs = await uploaded(tokens.brandB, fileOf(await imageBytes('jpeg'), 'theirs.jpg', 'image/jpeg'));
    expect(await failure(draft({ assetId: theirs.assetId }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'creative_not_found',
      details: { fieldErrors: { 'creative.assetId': [expect.stringMatching(/not found/)] } },
    });

    const document = await assets.settled(
      await assets.upload(tokens.brandA, 'verificationDocument', fileOf(pdfBytes(), 'register.pdf', 'application/pdf')),
    );
    expect(await failure(draft({ assetId: document.assetId }))).toMatchObject({ code: 'BAD_REQUEST', reason: 'creative_wrong_use' });

    const rejected = await uploaded(tokens.brandA, fileOf(await imageBytes('webp'), 'rival.webp', 'image/webp'));
    await moderate(rejected.assetId, cast.brandA.userId, 'rejected');
    const refusal = await failure(draft({ assetId: rejected.assetId }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'creative_rejected' });
    expect(refusal.message).toMatch(/Shows a competitor’s logo/);
  });
});
