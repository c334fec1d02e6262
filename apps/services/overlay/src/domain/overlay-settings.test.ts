import { describe, expect, it } from 'vitest';
import type { Overlay } from '../generated/prisma/client';
import { realtimeSettingsOf, settingsOf } from './overlay-settings';

const overlay: Overlay = {
  id: '7d3c1a55-8f0e-4a43-9d3e-2b1f3b0c9a11',
  streamerId: '0b6c8f2e-3a7d-4a5e-8c1f-9e2d4b6a8c0e',
  keyHash: 'a'.repeat(64),
  keyCiphertext: null,
  legacyStreamerId: null,
  legacyTokenHash: null,
  keyPrefix: 'gto_abcdef',
  keyGeneratedAt: new Date('2026-11-24T20:00:00Z'),
  corner: 'top_left',
  size: 'large',
  opacity: 0.6,
  animation: 'slide',
  showSeconds: 20,
  breakSeconds: 240,
  maxAdsPerHour: 8,
  paused: true,
  rotationStrategy: 'revenue',
  rotationIntervalSeconds: 900,
  weights: { rate: 2, ctr: 1, fairness: 0 },
  timeZone: 'Asia/Tokyo',
  blackouts: [{ kind: 'once', from: '2026-12-24T18:00:00.000Z', to: '2026-12-26T00:00:00.000Z' }],
  createdAt: new Date('2026-11-24T20:00:00Z'),
  updatedAt: new Date('2026-11-24T21:00:00Z'),
};

describe('overlay settings', () => {
  it('reads the stored row, with one-off blackouts as instants', () => {
    expect(settingsOf(overlay)).toMatchObject({
      corner: 'top_left',
      rotationStrategy: 'revenue',
      weights: { rate: 2, ctr: 1, fairness: 0 },
      blackouts: [{ kind: 'once', from: new Date('2026-12-24T18:00:00Z'), to: new Date('2026-12-26T00:00:00Z') }],
    });
  });

  it('sends the overlay page its drawing settings in the realtime shape', () => {
    expect(realtimeSettingsOf(overlay)).toEqual({
      corner: 'top-left',
      sizePercent: 35,
      opacity: 0.6,
      animation: 'slide',
      showSeconds: 20,
      breakSeconds: 240,
      paused: true,
      updatedAt: '2026-11-24T21:00:00.000Z',
    });
  });
});
