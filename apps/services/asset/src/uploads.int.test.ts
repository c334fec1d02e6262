import { startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetHarness } from './testing/asset-harness';
import { startAssetHarness } from './testing/asset-harness';
import { executableBytes, fileOf, imageBytes, mp4Bytes, pdfBytes } from './testing/media-fixtures';

let issuer: TestTokenIssuer;
let harness: AssetHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAssetHarness({ jwksUrl: issuer.jwksUrl });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function brandToken() {
  return issuer.tokenFor(testCast().brandA);
}

describe('a real file passes and is measured', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
  ] as const)('a %s creative: ready, 320×180, with a WebP rendition and thumbnail served', async (format, type) => {
    const token = await brandToken();
    const assetId = await harness.upload(token, 'campaignCreative', fileOf(await imageBytes(format), `ad.${format}`, type));

    const asset = await harness.settled(assetId);
    expect(asset).toMatchObject({ state: 'ready', kind: 'image', contentType: type, width: 320, height: 180, refusalReason: null });
    for (const url of [asset.url, asset.renditionUrl, asset.thumbnailUrl]) {
      expect((await fetch(url ?? '')).status).toBe(200);
    }
    const thumbnail = await fetch(asset.thumbnailUrl ?? '');
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    const events = await harness.db.outboxEvent.findMany({ where: { type: 'asset.ready' } });
    expect(events.map((event) => event.payload)).toContainEqual(
      expect.objectContaining({ assetId, ownerId: asset.ownerId, use: 'campaignCreative', kind: 'image', url: asset.url }),
    );
  });

  it('an MP4 creative: ready with its duration, dimensions and codec', async () => {
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(await mp4Bytes({ seconds: 2 }), 'clip.mp4', 'video/mp4'));

    const asset = await harness.settled(assetId);
    expect(asset).toMatchObject({ state: 'ready', kind: 'video', contentType: 'video/mp4', width: 160, height: 90, videoCodec: 'h264' });
    expect(asset.durationMs).toBeGreaterThanOrEqual(1_900);
    expect(asset.durationMs).toBeLessThanOrEqual(2_100);
  });

  it('a PDF verification document: ready and private (no URL shown)', async () => {
    const assetId = await harness.upload(await brandToken(), 'verificationDocument', fileOf(pdfBytes(), 'registration.pdf', 'application/pdf'));

    const asset = await harness.settled(assetId);
    expect(asset).toMatchObject({ state: 'ready', kind: 'document', access: 'private', url: null });
  });
});

describe('a file that is not what it claims, or too much, is refused and nothing is kept', () => {
  async function expectRefused(assetId: string, reason: RegExp) {
    const asset = await harness.settled(assetId);
    expect(asset.state).toBe('refused');
    expect(asset.refusalReason).toMatch(reason);
    const stored = await harness.db.asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(await harness.storedKeys()).not.toContain(stored.fileKey);
    expect((await fetch(stored.url)).status).toBe(404);
    const events = await harness.db.outboxEvent.findMany({ where: { type: 'asset.refused' } });
    expect(events.map((event) => (event.payload as { assetId: string }).assetId)).toContain(assetId);
  }

  it('a PNG named .mp4', async () => {
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(await imageBytes('png'), 'clip.mp4', 'video/mp4'));
    await expectRefused(assetId, /image\/png.*uploaded as video\/mp4/);
  });

  it('an executable renamed .png', async () => {
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(await executableBytes(), 'ad.png', 'image/png'));
    await expectRefused(assetId, /x-elf.*not accepted here/);
  });

  it('a truncated image', async () => {
    const png = await imageBytes('png', 640, 360);
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(png.subarray(0, Math.floor(png.length / 2)), 'ad.png', 'image/png'));
    await expectRefused(assetId, /damaged or cut off/);
  });

  it('a zero-byte file', async () => {
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(new Uint8Array(), 'ad.png', 'image/png'));
    await expectRefused(assetId, /The file is empty/);
  });

  it('an image over the creative size limit, refused before anything is uploaded', async () => {
    const before = await harness.storedKeys();
    const huge = fileOf(new Uint8Array(9 * 1024 * 1024), 'huge.png', 'image/png');
    await expect(harness.upload(await brandToken(), 'campaignCreative', huge)).rejects.toThrow(/FileSizeMismatch|too large/i);
    expect(await harness.storedKeys()).toEqual(before);
  });

  it('an image larger than a creative may be on screen', async () => {
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(await imageBytes('png', 4000, 100), 'wide.png', 'image/png'));
    await expectRefused(assetId, /4000×100 pixels; at most 3840×2160/);
  });

  it('a video longer than a creative may run', async () => {
    const assetId = await harness.upload(await brandToken(), 'campaignCreative', fileOf(await mp4Bytes({ seconds: 61, width: 32, height: 18 }), 'long.mp4', 'video/mp4'));
    await expectRefused(assetId, /runs 61\.0 s; at most 60 s/);
  });
});

describe('who may upload where', () => {
  it('refuses an anonymous upload and a streamer uploading a creative, storing nothing', async () => {
    const before = await harness.storedKeys();
    const png = fileOf(await imageBytes('png'), 'ad.png', 'image/png');
    await expect(harness.upload(undefined, 'campaignCreative', png)).rejects.toThrow(/Sign in/);
    await expect(harness.upload(await issuer.tokenFor(testCast().streamerA), 'campaignCreative', png)).rejects.toThrow(/Only brand accounts/);
    expect(await harness.storedKeys()).toEqual(before);
  });

  it('lets a streamer upload a KYC document, owned by them', async () => {
    const streamer = testCast().streamerA;
    const assetId = await harness.upload(await issuer.tokenFor(streamer), 'kycDocument', fileOf(await imageBytes('jpeg'), 'id.jpg', 'image/jpeg'));
    expect(await harness.settled(assetId)).toMatchObject({ state: 'ready', ownerId: streamer.userId, use: 'kycDocument', access: 'private' });
  });
});
