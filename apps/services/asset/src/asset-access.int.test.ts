import { errorOf, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SIGNED_URL_SECONDS } from './domain/asset-reads';
import type { AssetHarness } from './testing/asset-harness';
import { startAssetHarness } from './testing/asset-harness';
import { fileOf, imageBytes, pdfBytes } from './testing/media-fixtures';

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
afterEach(() => {
  vi.useRealTimers();
});

async function uploaded(person: Parameters<TestTokenIssuer['tokenFor']>[0], route: 'campaignCreative' | 'verificationDocument', file: File) {
  const assetId = await harness.upload(await issuer.tokenFor(person), route, file);
  return harness.settled(assetId);
}

const documentFile = () => fileOf(pdfBytes(), 'registration.pdf', 'application/pdf');

describe('a private document', () => {
  it('is served to its owner through a signed URL until it expires, and never without one', async () => {
    const cast = testCast();
    const asset = await uploaded(cast.brandA, 'verificationDocument', documentFile());
    const row = await harness.db.asset.findUniqueOrThrow({ where: { id: asset.assetId } });
    expect((await fetch(row.url)).status).toBe(403);

    // The SDK signs with `Date.now()` and the local store checks on its clock: both on this one.
    const signedAt = new Date('2026-06-01T09:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'], now: signedAt });
    const owner = harness.client(await issuer.tokenFor(cast.brandA));
    const signed = await owner.asset.signedUrl.mutate({ assetId: asset.assetId });
    expect(signed.expiresAt).toEqual(new Date(signedAt.getTime() + SIGNED_URL_SECONDS * 1000));
    const served = await fetch(signed.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdfBytes())).toBe(true);

    vi.setSystemTime(signedAt.getTime() + (SIGNED_URL_SECONDS - 1) * 1000);
    expect((await fetch(signed.url)).status).toBe(200);
    vi.setSystemTime(signedAt.getTime() + (SIGNED_URL_SECONDS + 1) * 1000);
    expect((await fetch(signed.url)).status).toBe(403);
  });

  it('is not readable by another brand, but is by an admin who reviews brands', async () => {
    const cast = testCast();
    const asset = await uploaded(cast.brandA, 'verificationDocument', documentFile());
    const otherBrand = harness.client(await issuer.tokenFor(cast.brandB));
    for (const call of [otherBrand.asset.get.query(asset), otherBrand.asset.signedUrl.mutate(asset)]) {
      await expect(call).rejects.toSatisfy((error) => errorOf(error).code === 'NOT_FOUND');
    }
    expect((await otherBrand.asset.listMine.query({})).items).toEqual([]);

    const reviewer = harness.client(await issuer.tokenFor({ ...cast.powerlessAdmin, permissions: ['canVerifyBrands'] }));
    const signed = await reviewer.asset.signedUrl.mutate(asset);
    expect((await fetch(signed.url)).status).toBe(200);
  });
});

describe('using an asset elsewhere (assertUsable, for the campaign service)', () => {
  it('accepts the owner’s ready creative and refuses another brand’s as not found', async () => {
    const cast = testCast();
    const creative = await uploaded(cast.brandA, 'campaignCreative', fileOf(await imageBytes('png'), 'ad.png', 'image/png'));
    const services = harness.serviceClient('campaign');

    const usable = await services.asset.internal.assertUsable.query({ assetId: creative.assetId, ownerId: cast.brandA.userId, use: 'campaignCreative' });
    expect(usable).toMatchObject({ assetId: creative.assetId, state: 'ready', kind: 'image' });
    await expect(
      services.asset.internal.assertUsable.query({ assetId: creative.assetId, ownerId: cast.brandB.userId, use: 'campaignCreative' }),
    ).rejects.toSatisfy((error) => errorOf(error).code === 'NOT_FOUND');
  });

  it('refuses the wrong use and a refused upload, saying why', async () => {
    const cast = testCast();
    const services = harness.serviceClient('campaign');
    const document = await uploaded(cast.brandA, 'verificationDocument', documentFile());
    const refused = await uploaded(cast.brandA, 'campaignCreative', fileOf(await imageBytes('png'), 'clip.mp4', 'video/mp4'));
    expect(refused.state).toBe('refused');

    const wrongUse = services.asset.internal.assertUsable.query({ assetId: document.assetId, ownerId: cast.brandA.userId, use: 'campaignCreative' });
    await expect(wrongUse).rejects.toSatisfy((error) => errorOf(error).code === 'PRECONDITION_FAILED');
    await expect(wrongUse).rejects.toThrow(/verificationDocument/);
    const refusedUse = services.asset.internal.assertUsable.query({ assetId: refused.assetId, ownerId: cast.brandA.userId, use: 'campaignCreative' });
    await expect(refusedUse).rejects.toThrow(/refused: The file is image\/png/);
  });
});

describe('deleting', () => {
  it('stops serving the original and its renditions, and the asset can no longer be used', async () => {
    const cast = testCast();
    const creative = await uploaded(cast.brandA, 'campaignCreative', fileOf(await imageBytes('jpeg'), 'ad.jpg', 'image/jpeg'));
    const urls = [creative.url, creative.renditionUrl, creative.thumbnailUrl].map((url) => url ?? '');
    for (const url of urls) expect((await fetch(url)).status).toBe(200);

    const owner = harness.client(await issuer.tokenFor(cast.brandA));
    expect(await owner.asset.delete.mutate({ assetId: creative.assetId })).toMatchObject({ state: 'deleted', url: null });
    for (const url of urls) expect((await fetch(url)).status).toBe(404);
    await expect(
      harness.serviceClient().asset.internal.assertUsable.query({ assetId: creative.assetId, ownerId: cast.brandA.userId, use: 'campaignCreative' }),
    ).rejects.toSatisfy((error) => errorOf(error).code === 'NOT_FOUND');
    expect((await owner.asset.listMine.query({})).items.map((asset) => asset.assetId)).not.toContain(creative.assetId);
    // Again: nothing more to do, the same answer.
    expect(await owner.asset.delete.mutate({ assetId: creative.assetId })).toMatchObject({ state: 'deleted' });
    const events = await harness.db.outboxEvent.findMany({ where: { type: 'asset.deleted' } });
    expect(events.filter((event) => (event.payload as { assetId: string }).assetId === creative.assetId)).toHaveLength(1);
  });
});

describe('listing one’s own uploads', () => {
  it('pages newest first and filters by use', async () => {
    const cast = testCast();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await uploaded(cast.brandA, 'verificationDocument', documentFile())).assetId);
    const creative = await uploaded(cast.brandA, 'campaignCreative', fileOf(await imageBytes('webp'), 'ad.webp', 'image/webp'));
    const owner = harness.client(await issuer.tokenFor(cast.brandA));

    const first = await owner.asset.listMine.query({ use: 'verificationDocument', limit: 2 });
    const second = await owner.asset.listMine.query({ use: 'verificationDocument', limit: 2, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((asset) => asset.assetId).sort()).toEqual([...ids].sort());
    expect(second.nextCursor).toBeNull();
    expect((await owner.asset.listMine.query({ use: 'campaignCreative' })).items.map((asset) => asset.assetId)).toEqual([creative.assetId]);
  });
});
