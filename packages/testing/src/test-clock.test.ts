import { describe, expect, it } from 'vitest';
import { fixedClock, runningClock, testInstants } from './test-clock';

describe('fixedClock', () => {
  it('stands still until advanced or set', async () => {
    const clock = fixedClock(testInstants.newYorkAfternoon);
    const first = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now()).toEqual(first);
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-14T19:01:30.000Z');
    clock.set('2026-03-08T06:30:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-08T06:30:00.000Z');
  });

  it('hands out copies, so a caller cannot move it by mutating a date', () => {
    const clock = fixedClock(testInstants.newYorkAfternoon);
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe(testInstants.newYorkAfternoon);
  });

  it('refuses what is not an instant', () => {
    expect(() => fixedClock('tomorrow')).toThrow('Not an instant');
  });
});

describe('runningClock', () => {
  it('starts at the instant and runs at real speed, whatever the wall clock says', async () => {
    const clock = runningClock(testInstants.newYorkAfternoon);
    const start = new Date(testInstants.newYorkAfternoon).getTime();
    expect(clock.now().getTime() - start).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(55);
    clock.advance(3_600_000);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(3_600_055);
    clock.set(testInstants.newYorkBeforeFallBack);
    expect(
      clock.now().getTime() - new Date(testInstants.newYorkBeforeFallBack).getTime(),
    ).toBeLessThan(50);
  });
});

describe('testInstants', () => {
  const newYorkTime = (instant: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(instant));

  it('are the local times their names say', () => {
    expect(newYorkTime(testInstants.newYorkAfternoon)).toBe('Wed, 14:00 EST');
    expect(newYorkTime(testInstants.newYorkLateEvening)).toBe('Wed, 23:30 EST');
    expect(newYorkTime(testInstants.newYorkBeforeSpringForward)).toBe('Sun, 01:30 EST');
    expect(
      newYorkTime(
        new Date(
          new Date(testInstants.newYorkBeforeSpringForward).getTime() + 3_600_000,
        ).toISOString(),
      ),
    ).toBe('Sun, 03:30 EDT');
    expect(newYorkTime(testInstants.newYorkBeforeFallBack)).toBe('Sun, 01:30 EDT');
    expect(
      newYorkTime(
        new Date(new Date(testInstants.newYorkBeforeFallBack).getTime() + 3_600_000).toISOString(),
      ),
    ).toBe('Sun, 01:30 EST');
  });
});
