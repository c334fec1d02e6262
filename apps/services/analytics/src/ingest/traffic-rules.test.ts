import { describe, expect, it } from 'vitest';
import {
  END_OF_STREAM_GRACE_MS,
  MAX_AHEAD_MS,
  MAX_LATE_MS,
  believableViewers,
  invalidReasonFor,
  isForeignParticipation,
  isImpossibleViewerJump,
  liveViewersAt,
  refusalFor,
  takeTokens,
} from './traffic-rules';

const limits = { ratePerSecond: 10, burst: 100 };

describe('the token bucket per overlay key', () => {
  it('starts full and lets a burst through', () => {
    const result = takeTokens(undefined, 100, 0, limits);
    expect(result.allowed).toBe(true);
    expect(result.bucket.tokens).toBe(0);
  });

  it('refuses when empty and says when enough tokens are back', () => {
    const empty = takeTokens(undefined, 100, 0, limits).bucket;
    const refused = takeTokens(empty, 20, 0, limits);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(2_000);
  });

  it('refills at the sustained rate, never above the burst', () => {
    const empty = takeTokens(undefined, 100, 0, limits).bucket;
    expect(takeTokens(empty, 20, 2_000, limits).allowed).toBe(true);
    expect(takeTokens(empty, 21, 2_000, limits).allowed).toBe(false);
    expect(takeTokens(empty, 101, 3_600_000, limits).allowed).toBe(false);
  });
});

describe('report times', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it('accepts late and slightly early reports within the window', () => {
    expect(refusalFor(now - MAX_LATE_MS + 1, now)).toBeNull();
    expect(refusalFor(now + MAX_AHEAD_MS, now)).toBeNull();
  });
  it('refuses reports from too long ago or from the future', () => {
    expect(refusalFor(now - MAX_LATE_MS - 1, now)).toBe('too_old');
    expect(refusalFor(now + MAX_AHEAD_MS + 1, now)).toBe('in_future');
  });
});

describe('impossible viewer jumps', () => {
  it('flags more than tenfold the viewers within a minute', () => {
    expect(
      isImpossibleViewerJump({ viewers: 100, atMs: 0 }, { viewers: 1_001, atMs: 30_000 }),
    ).toBe(true);
    expect(
      isImpossibleViewerJump({ viewers: 100, atMs: 0 }, { viewers: 1_000, atMs: 30_000 }),
    ).toBe(false);
  });
  it('allows the same rise after a minute, and small channels growing from a few viewers', () => {
    expect(
      isImpossibleViewerJump({ viewers: 100, atMs: 0 }, { viewers: 5_000, atMs: 61_000 }),
    ).toBe(false);
    expect(isImpossibleViewerJump({ viewers: 0, atMs: 0 }, { viewers: 150, atMs: 10_000 })).toBe(
      false,
    );
    expect(isImpossibleViewerJump({ viewers: 0, atMs: 0 }, { viewers: 201, atMs: 10_000 })).toBe(
      true,
    );
  });
  it('has nothing to compare the first reading with', () => {
    expect(isImpossibleViewerJump(undefined, { viewers: 1_000_000, atMs: 0 })).toBe(false);
  });
});

describe('viewer counts', () => {
  it('takes the page’s count up to the synced one, never beyond', () => {
    expect(believableViewers(80, 100)).toBe(80);
    expect(believableViewers(100, 100)).toBe(100);
    expect(believableViewers(5_000, 100)).toBe(100);
    expect(believableViewers(40, 0)).toBe(0);
  });
});

describe('live at the time of a report', () => {
  const minute = 60_000;
  // Live at 0 with 120 viewers, 300 from minute 10, offline at minute 30, live again at minute 60.
  const changes = [
    { atMs: 0, live: true, viewers: 120 },
    { atMs: 10 * minute, live: true, viewers: 300 },
    { atMs: 30 * minute, live: false, viewers: 0 },
    { atMs: 60 * minute, live: true, viewers: 80 },
  ];

  it('gives the viewers synced last before the report', () => {
    expect(liveViewersAt(changes, 0)).toBe(120);
    expect(liveViewersAt(changes, 9 * minute)).toBe(120);
    expect(liveViewersAt(changes, 10 * minute)).toBe(300);
    expect(liveViewersAt(changes, 70 * minute)).toBe(80);
  });

  it('is not live before the first change or while offline', () => {
    expect(liveViewersAt(changes, -1)).toBeNull();
    expect(liveViewersAt([], 5 * minute)).toBeNull();
    expect(liveViewersAt(changes, 45 * minute)).toBeNull();
  });

  it('still counts a report from just after the recorded end, with the viewers of before it', () => {
    expect(liveViewersAt(changes, 30 * minute + 1)).toBe(300);
    expect(liveViewersAt(changes, 30 * minute + END_OF_STREAM_GRACE_MS - 1)).toBe(300);
    expect(liveViewersAt(changes, 30 * minute + END_OF_STREAM_GRACE_MS)).toBeNull();
  });
});

describe('what is countable', () => {
  it('counts live, real, plausible reports only', () => {
    expect(invalidReasonFor({ test: false, live: true, viewerJump: false })).toBeNull();
    expect(invalidReasonFor({ test: true, live: true, viewerJump: false })).toBe('test');
    expect(invalidReasonFor({ test: false, live: false, viewerJump: false })).toBe('not_live');
    expect(invalidReasonFor({ test: false, live: true, viewerJump: true })).toBe('viewer_jump');
    expect(
      invalidReasonFor({ test: false, live: true, viewerJump: true, foreignParticipation: true }),
    ).toBe('foreign_participation');
  });

  it('calls a participation foreign only when it is known to be another streamer’s', () => {
    const owners = new Map([['p1', 's1']]);
    expect(isForeignParticipation('p1', 's1', owners)).toBe(false);
    expect(isForeignParticipation('p1', 's2', owners)).toBe(true);
    expect(isForeignParticipation('p9', 's2', owners)).toBe(false);
    expect(isForeignParticipation(undefined, 's2', owners)).toBe(false);
  });
});
