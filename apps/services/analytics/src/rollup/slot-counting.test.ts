import { describe, expect, it } from 'vitest';
import type { SlotReading } from './slot-counting';
import { countHour, totalsChanged } from './slot-counting';

const hour = new Date('2026-11-24T10:00:00Z');
const slot = (overrides: Partial<SlotReading>): SlotReading => ({
  participationId: 'p1',
  campaignId: 'c1',
  streamerId: 's1',
  adId: 'ad-1',
  displayedAt: new Date('2026-11-24T10:15:00Z'),
  maxViewers: 100,
  clicks: 0,
  ...overrides,
});

describe('counting an hour', () => {
  it('counts each rendered slot’s viewers once and adds clicks, per participation', () => {
    expect(
      countHour(
        [
          slot({ adId: 'ad-1', maxViewers: 100, clicks: 2 }),
          slot({ adId: 'ad-2', maxViewers: 150 }),
          slot({ participationId: 'p2', adId: 'ad-3', maxViewers: 7, clicks: 1 }),
        ],
        hour,
      ),
    ).toEqual([
      { participationId: 'p1', campaignId: 'c1', streamerId: 's1', impressions: 250, clicks: 2 },
      { participationId: 'p2', campaignId: 'c1', streamerId: 's1', impressions: 7, clicks: 1 },
    ]);
  });

  it('ignores slots never rendered, and slots that started in another hour', () => {
    expect(
      countHour(
        [
          slot({ displayedAt: null, clicks: 3 }),
          slot({ displayedAt: new Date('2026-11-24T09:59:59Z') }),
          slot({ displayedAt: new Date('2026-11-24T11:00:00Z') }),
        ],
        hour,
      ),
    ).toEqual([]);
  });

  it('counts no impressions for a rendered slot whose reports carried no viewer count', () => {
    expect(countHour([slot({ maxViewers: null, clicks: 1 })], hour)).toEqual([
      { participationId: 'p1', campaignId: 'c1', streamerId: 's1', impressions: 0, clicks: 1 },
    ]);
  });

  it('counts nothing for a participation reported under two streamers or campaigns', () => {
    expect(
      countHour(
        [
          slot({ adId: 'ad-1' }),
          slot({ adId: 'ad-2', streamerId: 's2' }),
          slot({ participationId: 'p2', adId: 'ad-3' }),
          slot({ participationId: 'p2', adId: 'ad-4', campaignId: 'c2' }),
          slot({ participationId: 'p3', adId: 'ad-5', maxViewers: 4 }),
        ],
        hour,
      ),
    ).toEqual([
      { participationId: 'p3', campaignId: 'c1', streamerId: 's1', impressions: 4, clicks: 0 },
    ]);
  });
});

describe('whether an hour changed', () => {
  it('announces new non-empty hours and changed totals only', () => {
    expect(totalsChanged(undefined, { impressions: 0, clicks: 0 })).toBe(false);
    expect(totalsChanged(undefined, { impressions: 1, clicks: 0 })).toBe(true);
    expect(totalsChanged({ impressions: 5, clicks: 1 }, { impressions: 5, clicks: 1 })).toBe(false);
    expect(totalsChanged({ impressions: 5, clicks: 1 }, { impressions: 6, clicks: 1 })).toBe(true);
  });
});

describe('link clicks', () => {
  it('count into the participation’s hour, with or without displayed slots', () => {
    expect(
      countHour([slot({ maxViewers: 100, clicks: 1 })], hour, [
        { participationId: 'p1', campaignId: 'c1', streamerId: 's1', clicks: 4 },
        { participationId: 'p2', campaignId: 'c2', streamerId: 's2', clicks: 2 },
      ]),
    ).toEqual([
      { participationId: 'p1', campaignId: 'c1', streamerId: 's1', impressions: 100, clicks: 5 },
      { participationId: 'p2', campaignId: 'c2', streamerId: 's2', impressions: 0, clicks: 2 },
    ]);
  });

  it('do not rescue a participation that overlays claimed under another streamer', () => {
    expect(
      countHour([slot({ streamerId: 's-other' })], hour, [
        { participationId: 'p1', campaignId: 'c1', streamerId: 's1', clicks: 1 },
      ]),
    ).toEqual([]);
  });
});
