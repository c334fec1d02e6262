import { vi } from 'vitest';

/**
 * One fixed instant for the server (injected) and for the SDK (which signs with `Date.now()`):
 * only `Date` is faked, timers stay real so HTTP works.
 */
export function useTestClock(startIso: string) {
  let nowMs = new Date(startIso).getTime();
  vi.useFakeTimers({ toFake: ['Date'], now: nowMs });
  return {
    now: () => new Date(nowMs),
    advanceSeconds(seconds: number) {
      nowMs += seconds * 1000;
      vi.setSystemTime(nowMs);
    },
    restore: () => vi.useRealTimers(),
  };
}
