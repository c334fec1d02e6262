import { describe, expect, it } from 'vitest';
import { withinCampaignFrequency } from './campaign-frequency';
import { selectAd } from './select-ad';
import type { AdCandidate, PastShow, SelectionInput, SelectionSettings } from './selection-types';
import { EXPLORATION_RATE, expectedEarningsCents } from './strategies';

const now = new Date('2026-11-24T20:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function candidate(id: string, overrides: Partial<AdCandidate> = {}): AdCandidate {
  return {
    participationId: `p-${id}`,
    campaignId: `c-${id}`,
    pricing: { model: 'cpm', rateCents: 500 },
    frequency: { adDurationSeconds: 15, minMinutesBetweenShows: 1, maxShowsPerHour: 60 },
    ctr: null,
    ...overrides,
  };
}

function shown(id: string, minutes: number): PastShow {
  return { participationId: `p-${id}`, campaignId: `c-${id}`, shownAt: minutesAgo(minutes) };
}

const settings: SelectionSettings = {
  paused: false,
  rotationStrategy: 'fair',
  rotationIntervalSeconds: 60,
  weights: { rate: 1, ctr: 1, fairness: 1 },
  maxAdsPerHour: 60,
  timeZone: 'UTC',
  blackouts: [],
};

function select(overrides: Partial<SelectionInput> & { strategy?: SelectionSettings['rotationStrategy']; set?: Partial<SelectionSettings> }) {
  const { strategy, set, ...rest } = overrides;
  const result = selectAd({
    now,
    live: true,
    settings: { ...settings, ...(strategy ? { rotationStrategy: strategy } : {}), ...set },
    candidates: [candidate('a'), candidate('b'), candidate('c')],
    history: [],
    viewers: 1_000,
    random: () => 0.99,
    ...rest,
  });
  return result.kind === 'show' ? result.candidate.participationId : result.reason;
}

describe('when no ad shows', () => {
  it('says why: offline, paused, blackout, hourly cap, nothing live, campaign frequency', () => {
    expect(select({ live: false })).toBe('offline');
    expect(select({ set: { paused: true } })).toBe('paused');
    expect(select({ set: { blackouts: [{ kind: 'once', from: minutesAgo(5), to: minutesAgo(-5) }] } })).toBe('blackout');
    expect(select({ set: { maxAdsPerHour: 2 }, history: [shown('a', 10), shown('b', 30)] })).toBe('overlay_hourly_cap');
    expect(select({ set: { maxAdsPerHour: 2 }, history: [shown('a', 10), shown('b', 61)] })).toBe('p-c');
    expect(select({ candidates: [] })).toBe('no_live_participation');
    expect(select({ candidates: [candidate('a')], history: [shown('a', 0.5)] })).toBe('campaign_frequency');
  });
});

describe('campaign frequency', () => {
  const capped = candidate('a', { frequency: { adDurationSeconds: 15, minMinutesBetweenShows: 10, maxShowsPerHour: 3 } });

  it('keeps minMinutesBetweenShows between two shows of the campaign', () => {
    expect(withinCampaignFrequency(capped, [shown('a', 9)], now)).toBe(false);
    expect(withinCampaignFrequency(capped, [shown('a', 10)], now)).toBe(true);
  });

  it('allows at most maxShowsPerHour shows in the last hour', () => {
    expect(withinCampaignFrequency(capped, [shown('a', 15), shown('a', 30), shown('a', 45)], now)).toBe(false);
    expect(withinCampaignFrequency(capped, [shown('a', 15), shown('a', 30), shown('a', 61)], now)).toBe(true);
  });

  it('passes over a held-back campaign to the next ad', () => {
    expect(select({ candidates: [capped, candidate('b')], history: [shown('a', 5), shown('b', 2)] })).toBe('p-b');
  });
});

describe('fair rotation (default)', () => {
  it('shows the ad never shown first, then the least recently shown', () => {
    expect(select({ history: [shown('a', 3), shown('b', 2)] })).toBe('p-c');
    expect(select({ history: [shown('a', 5), shown('b', 3), shown('c', 2)] })).toBe('p-a');
  });

  it('keeps the current ad until the rotation interval has passed', () => {
    const history = [shown('b', 5), shown('a', 1.5), shown('a', 1.2)];
    expect(select({ history, set: { rotationIntervalSeconds: 600 } })).toBe('p-a');
    expect(select({ history, set: { rotationIntervalSeconds: 60 } })).toBe('p-c');
  });
});

describe('time rotation', () => {
  it('takes turns in a fixed order, one ad per interval', () => {
    const turns = [0, 1, 2, 3].map((slot) =>
      select({ strategy: 'time', now: new Date(slot * 600_000), set: { rotationIntervalSeconds: 600 } }),
    );
    expect(turns).toEqual(['p-a', 'p-b', 'p-c', 'p-a']);
  });

  it('passes a held-back ad’s turn to the next one', () => {
    const slotOfA = new Date(3 * 3 * 600_000 + 60_000);
    const history = [{ participationId: 'p-a', campaignId: 'c-a', shownAt: new Date(slotOfA.getTime() - 10_000) }];
    expect(select({ strategy: 'time', now: slotOfA, history, set: { rotationIntervalSeconds: 600 } })).toBe('p-b');
  });
});

describe('revenue-optimised', () => {
  it('prefers the highest expected earnings: CPM rate × viewers / 1000, CPC rate × CTR × viewers', () => {
    const cpm = candidate('a', { pricing: { model: 'cpm', rateCents: 1_000 } }); // 1000 viewers → 1000 ¢
    const cpc = candidate('b', { pricing: { model: 'cpc', rateCents: 50 }, ctr: 0.03 }); // 50 × .03 × 1000 = 1500 ¢
    const fixed = candidate('c', { pricing: { model: 'fixed', rateCents: 100_000 } });
    expect(expectedEarningsCents(cpm, 1_000, 0)).toBe(1_000);
    expect(expectedEarningsCents(cpc, 1_000, 0)).toBeCloseTo(1_500);
    expect(select({ strategy: 'revenue', candidates: [cpm, cpc, fixed] })).toBe('p-b');
    expect(select({ strategy: 'revenue', candidates: [cpm, { ...cpc, ctr: 0.01 }, fixed] })).toBe('p-a');
  });
});

describe('performance', () => {
  const candidates = [candidate('a', { ctr: 0.01 }), candidate('b', { ctr: 0.05 }), candidate('c', { ctr: 0.02 })];

  it('shows the best click-through rate most of the time', () => {
    expect(select({ strategy: 'performance', candidates, random: () => EXPLORATION_RATE })).toBe('p-b');
  });

  it('explores another ad now and then', () => {
    const draws = [EXPLORATION_RATE / 2, 0.1];
    expect(select({ strategy: 'performance', candidates, random: () => draws.shift() ?? 0 })).toBe('p-a');
  });
});

describe('weighted', () => {
  const candidates = [
    candidate('a', { pricing: { model: 'cpm', rateCents: 2_000 }, ctr: 0.01 }),
    candidate('b', { pricing: { model: 'cpm', rateCents: 500 }, ctr: 0.08 }),
  ];
  const history = [shown('a', 30), shown('b', 2)];

  it('follows the streamer’s weights for rate, CTR and fairness', () => {
    expect(select({ strategy: 'weighted', candidates, history, set: { weights: { rate: 1, ctr: 0, fairness: 0 } } })).toBe('p-a');
    expect(select({ strategy: 'weighted', candidates, history, set: { weights: { rate: 0, ctr: 1, fairness: 0 } } })).toBe('p-b');
    expect(select({ strategy: 'weighted', candidates, history, set: { weights: { rate: 0, ctr: 3, fairness: 1 } } })).toBe('p-b');
    expect(select({ strategy: 'weighted', candidates, history, set: { weights: { rate: 0, ctr: 1, fairness: 2 } } })).toBe('p-a');
  });
});
