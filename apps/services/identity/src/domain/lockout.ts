/** Consecutive failed password sign-ins allowed before the account locks. */
export const MAX_FAILED_LOGINS = 5;
/** The first lock lasts this long; each further lock after another run of failures doubles it. */
export const BASE_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;

export interface LoginAttemptState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after a failed password: counts the failure and locks on every MAX-th in a row. */
export function afterFailedLogin(state: LoginAttemptState, now: Date): LoginAttemptState {
  const failedLoginCount = state.failedLoginCount + 1;
  if (failedLoginCount % MAX_FAILED_LOGINS !== 0) {
    return { failedLoginCount, lockedUntil: state.lockedUntil };
  }
  const locksSoFar = failedLoginCount / MAX_FAILED_LOGINS;
  const lockMs = Math.min(BASE_LOCK_MS * 2 ** (locksSoFar - 1), MAX_LOCK_MS);
  return { failedLoginCount, lockedUntil: new Date(now.getTime() + lockMs) };
}

export const afterSuccessfulLogin: LoginAttemptState = { failedLoginCount: 0, lockedUntil: null };
