import { describe, expect, it } from 'vitest';
import {
  BASE_LOCK_MS,
  MAX_FAILED_LOGINS,
  afterFailedLogin,
  afterSuccessfulLogin,
  isLocked,
} from './lockout';

const now = new Date('2026-11-24T12:00:00Z');

function failTimes(count: number) {
  let state = { failedLoginCount: 0, lockedUntil: null as Date | null };
  for (let i = 0; i < count; i += 1) state = afterFailedLogin(state, now);
  return state;
}

describe('lockout', () => {
  it('does not lock before the limit', () => {
    const state = failTimes(MAX_FAILED_LOGINS - 1);
    expect(state.failedLoginCount).toBe(MAX_FAILED_LOGINS - 1);
    expect(isLocked(state, now)).toBe(false);
  });

  it('locks for the base period on the limit-th failure in a row', () => {
    const state = failTimes(MAX_FAILED_LOGINS);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + BASE_LOCK_MS);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + BASE_LOCK_MS))).toBe(false);
  });

  it('doubles the lock for each further run of failures', () => {
    const state = failTimes(MAX_FAILED_LOGINS * 2);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + 2 * BASE_LOCK_MS);
  });

  it('clears the count on success', () => {
    expect(afterSuccessfulLogin).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});
