/** Invalid-traffic rules for overlay reports; pure functions so each rule is tested alone. */

export const MAX_LATE_MS = 48 * 60 * 60_000;
export const MAX_AHEAD_MS = 2 * 60_000;
export const VIEWER_JUMP_FACTOR = 10;
export const VIEWER_JUMP_WINDOW_MS = 60_000;
/** Below this many viewers a tenfold rise is ordinary (3 → 40 when a raid lands). */
export const VIEWER_JUMP_FLOOR = 20;

export type InvalidReason = 'test' | 'not_live' | 'foreign_participation' | 'viewer_jump';
export type RefusalReason = 'too_old' | 'in_future';

export interface TokenBucket {
  tokens: number;
  updatedAtMs: number;
}

/** Takes `cost` tokens if the bucket (refilled since its last use) holds them. */
export function takeTokens(
  bucket: TokenBucket | undefined,
  cost: number,
  nowMs: number,
  limits: { ratePerSecond: number; burst: number },
): { allowed: boolean; bucket: TokenBucket; retryAfterMs: number } {
  const start = bucket ?? { tokens: limits.burst, updatedAtMs: nowMs };
  const elapsed = Math.max(0, nowMs - start.updatedAtMs);
  const tokens = Math.min(limits.burst, start.tokens + (elapsed / 1000) * limits.ratePerSecond);
  if (tokens >= cost) {
    return {
      allowed: true,
      bucket: { tokens: tokens - cost, updatedAtMs: nowMs },
      retryAfterMs: 0,
    };
  }
  const missing = Math.min(cost, limits.burst) - tokens;
  return {
    allowed: false,
    bucket: { tokens, updatedAtMs: nowMs },
    retryAfterMs: Math.ceil((missing / limits.ratePerSecond) * 1000),
  };
}

/** Reports too far in the past or future are refused: clocks that wrong cannot be trusted. */
export function refusalFor(atMs: number, nowMs: number): RefusalReason | null {
  if (atMs < nowMs - MAX_LATE_MS) return 'too_old';
  if (atMs > nowMs + MAX_AHEAD_MS) return 'in_future';
  return null;
}

export interface ViewerReading {
  viewers: number;
  atMs: number;
}

/** More than tenfold the viewers of a reading less than a minute earlier is not a real audience. */
export function isImpossibleViewerJump(
  previous: ViewerReading | undefined,
  current: ViewerReading,
) {
  if (!previous) return false;
  if (Math.abs(current.atMs - previous.atMs) > VIEWER_JUMP_WINDOW_MS) return false;
  const base = Math.max(previous.viewers, VIEWER_JUMP_FLOOR);
  return current.viewers > base * VIEWER_JUMP_FACTOR;
}

/** A status the streamer service synced: live or not, and the live viewers, from `atMs` on. */
export interface LiveChange {
  atMs: number;
  live: boolean;
  viewers: number;
}

/** The platforms are synced every few minutes, so a stream is seen to end a little after it did. */
export const END_OF_STREAM_GRACE_MS = 2 * 60_000;

/**
 * The synced live viewers at `atMs` by the recorded changes (oldest first), or null when the
 * streamer was not live then. A report from just after a recorded end still counts, with the
 * viewers of before it.
 */
export function liveViewersAt(changes: readonly LiveChange[], atMs: number): number | null {
  const asOf = (ms: number) => {
    let latest: LiveChange | undefined;
    for (const change of changes) {
      if (change.atMs > ms) break;
      latest = change;
    }
    return latest?.live ? latest.viewers : null;
  };
  return asOf(atMs) ?? asOf(atMs - END_OF_STREAM_GRACE_MS);
}

/**
 * The overlay page repeats the viewer count the platform reported at the last sync; a page claiming
 * more than that is not believed beyond it.
 */
export function believableViewers(reported: number, synced: number): number {
  return Math.min(reported, synced);
}

/**
 * A report naming a participation this service knows to be another streamer's (from the
 * participation events). One it does not know yet is not judged here.
 */
export function isForeignParticipation(
  participationId: string | undefined,
  streamerId: string,
  owners: ReadonlyMap<string, string>,
) {
  if (!participationId) return false;
  const owner = owners.get(participationId);
  return owner !== undefined && owner !== streamerId;
}

/** Why a stored report must not be counted, or null when it counts. */
export function invalidReasonFor(input: {
  test: boolean;
  live: boolean;
  viewerJump: boolean;
  foreignParticipation?: boolean;
}): InvalidReason | null {
  if (input.test) return 'test';
  if (!input.live) return 'not_live';
  if (input.foreignParticipation) return 'foreign_participation';
  if (input.viewerJump) return 'viewer_jump';
  return null;
}
