import {
  callProcedure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { LEGACY_IMPORTER_SERVICE, signServiceToken } from '@gametriggers/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { overlayTestServiceSecret, startOverlayHarness } from './testing/overlay-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: OverlayHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

const imported = {
  streamerId: cast.streamerA.userId,
  legacyStreamerId: 'a10000000000000000000006',
  legacyOverlayToken: 'legacy-overlay-000006',
  settings: {
    corner: 'bottom_left' as const,
    size: 'large' as const,
    opacity: 0.7,
    rotationStrategy: 'weighted' as const,
    rotationIntervalSeconds: 180,
  },
};

describe('importing the old platform’s overlays', () => {
  it('keeps the old settings and lets the old overlay URL open the overlay, until the key is regenerated', async () => {
    const importer = harness.serviceClient(LEGACY_IMPORTER_SERVICE).overlay.legacyImport;
    const { overlayId, outcome } = await importer.overlay.mutate(imported);
    expect(outcome).toBe('created');
    await expect(importer.overlay.mutate(imported)).resolves.toEqual({
      overlayId,
      outcome: 'unchanged',
    });
    await expect(
      importer.overlay.mutate({ ...imported, settings: { ...imported.settings, size: 'small' } }),
    ).resolves.toEqual({ overlayId, outcome: 'updated' });

    const streamer = harness.client(await issuer.tokenFor(cast.streamerA));
    const overlay = await streamer.overlay.get.query();
    expect(overlay).toMatchObject({
      overlayId,
      settings: {
        corner: 'bottom_left',
        size: 'small',
        opacity: 0.7,
        rotationStrategy: 'weighted',
        rotationIntervalSeconds: 180,
      },
    });

    const resolveKey = harness.serviceClient('analytics').overlay.internal.resolveKey;
    await expect(resolveKey.query({ key: 'legacy-overlay-000006' })).resolves.toMatchObject({
      overlayId,
      streamerId: cast.streamerA.userId,
    });
    await expect(resolveKey.query({ key: overlay.key ?? '' })).resolves.toMatchObject({
      overlayId,
    });

    await streamer.overlay.regenerateKey.mutate();
    await expect(resolveKey.query({ key: 'legacy-overlay-000006' })).resolves.toBeNull();
  });

  it('refuses an old token that already opens someone else’s overlay', async () => {
    await expect(
      harness.serviceClient(LEGACY_IMPORTER_SERVICE).overlay.legacyImport.overlay.mutate({
        ...imported,
        streamerId: cast.streamerB.userId,
        legacyStreamerId: 'a10000000000000000000007',
        legacyOverlayToken: 'legacy-overlay-shared',
      }),
    ).resolves.toMatchObject({ outcome: 'created' });
    const other = {
      ...imported,
      streamerId: '5b1f0c4e-2d3a-4f6b-8c9d-0e1f2a3b4c5d',
      legacyStreamerId: 'a10000000000000000000008',
      legacyOverlayToken: 'legacy-overlay-shared',
    };
    await expect(
      harness.serviceClient(LEGACY_IMPORTER_SERVICE).overlay.legacyImport.overlay.mutate(other),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
  });

  it('lets only the legacy importer import overlays', async () => {
    const callers = {
      anonymous: {},
      streamer: { authorization: `Bearer ${await issuer.tokenFor(cast.streamerA)}` },
      'another service': {
        'x-service-token': await signServiceToken(overlayTestServiceSecret, 'analytics'),
      },
    };
    const statuses = [];
    for (const [who, headers] of Object.entries(callers)) {
      const { status } = await callProcedure(harness.url, {
        path: 'overlay.legacyImport.overlay',
        type: 'mutation',
        input: imported,
        headers,
      });
      statuses.push({ who, status });
    }
    expect(statuses).toEqual([
      { who: 'anonymous', status: 401 },
      { who: 'streamer', status: 403 },
      { who: 'another service', status: 403 },
    ]);
  });
});
