import { performance } from 'node:perf_hooks';

/**
 * A clock a test owns: services under test read `now` from it instead of the wall clock, so a test
 * means the same thing at any hour, in any timezone, on any day of the year.
 */
export interface TestClock {
  /** The clock's current instant (pass this as a service's `now`). */
  readonly now: () => Date;
  /** Moves the clock forward (or back, with a negative duration) by `ms`. */
  advance(ms: number): void;
  /** Puts the clock at `instant`. */
  set(instant: Date | string): void;
}

function instantOf(value: Date | string) {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an instant: ${String(value)}`);
  return instant.getTime();
}

/** A clock standing still at `instant`; it moves only when the test advances or sets it. */
export function fixedClock(instant: Date | string): TestClock {
  let current = instantOf(instant);
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(next) {
      current = instantOf(next);
    },
  };
}

/**
 * A clock that starts at `instant` and then runs at real speed, for tests whose services wait on
 * real timers (queues, schedulers) but must not care what the wall clock says. It measures elapsed
 * time on the monotonic clock, which faked wall-clock times leave alone.
 */
export function runningClock(instant: Date | string): TestClock {
  let origin = instantOf(instant);
  let startedAt = performance.now();
  return {
    now: () => new Date(origin + Math.floor(performance.now() - startedAt)),
    advance(ms) {
      origin += ms;
    },
    set(next) {
      origin = instantOf(next);
      startedAt = performance.now();
    },
  };
}

/**
 * Instants tests share. Afternoon in New York (the demo streamers' and the test cast's timezone),
 * far from local midnight and from a daylight-saving change, on a weekday.
 */
export const testInstants = {
  /** Wednesday 2026-01-14, 14:00 in New York (19:00 UTC, standard time). */
  newYorkAfternoon: '2026-01-14T19:00:00.000Z',
  /** Wednesday 2026-01-14, 23:30 in New York: 30 minutes before local midnight. */
  newYorkLateEvening: '2026-01-15T04:30:00.000Z',
  /** Sunday 2026-03-08, 01:30 in New York: 30 minutes before clocks jump from 02:00 to 03:00. */
  newYorkBeforeSpringForward: '2026-03-08T06:30:00.000Z',
  /** Sunday 2026-11-01, 01:30 EDT in New York: 30 minutes before clocks fall back from 02:00 to 01:00. */
  newYorkBeforeFallBack: '2026-11-01T05:30:00.000Z',
} as const;
