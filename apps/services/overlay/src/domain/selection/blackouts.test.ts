import { describe, expect, it } from 'vitest';
import { inBlackout, localClock } from './blackouts';

describe('blackout periods', () => {
  const weeknights = { kind: 'weekly' as const, weekdays: ['mon' as const], from: '22:00', to: '02:00' };

  it('reads weekly periods on the streamer’s wall clock', () => {
    // Monday 21:30 UTC is Monday 22:30 in Berlin (winter), but Monday 16:30 in New York.
    const instant = new Date('2026-11-23T21:30:00Z');
    expect(localClock(instant, 'Europe/Berlin')).toEqual({ weekday: 'mon', minutes: 22 * 60 + 30 });
    expect(inBlackout(weeknights, instant, 'Europe/Berlin')).toBe(true);
    expect(inBlackout(weeknights, instant, 'America/New_York')).toBe(false);
    expect(inBlackout(weeknights, instant, 'UTC')).toBe(false);
  });

  it('runs a period that ends before it starts past midnight into the next day only', () => {
    expect(inBlackout(weeknights, new Date('2026-11-24T01:59:00Z'), 'UTC')).toBe(true); // Tue 01:59
    expect(inBlackout(weeknights, new Date('2026-11-24T02:00:00Z'), 'UTC')).toBe(false); // Tue 02:00
    expect(inBlackout(weeknights, new Date('2026-11-23T01:00:00Z'), 'UTC')).toBe(false); // Mon 01:00 (after Sunday)
    expect(inBlackout(weeknights, new Date('2026-11-23T22:00:00Z'), 'UTC')).toBe(true); // Mon 22:00
  });

  it('treats a daytime period as [from, to) on the listed days', () => {
    const lunch = { kind: 'weekly' as const, weekdays: ['sat' as const, 'sun' as const], from: '12:00', to: '13:00' };
    // Saturday 2026-11-28 12:30 in Tokyo is 03:30 UTC.
    expect(inBlackout(lunch, new Date('2026-11-28T03:30:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(inBlackout(lunch, new Date('2026-11-28T04:00:00Z'), 'Asia/Tokyo')).toBe(false);
    expect(inBlackout(lunch, new Date('2026-11-27T03:30:00Z'), 'Asia/Tokyo')).toBe(false); // Friday
  });

  it('follows daylight saving time', () => {
    const evening = { kind: 'weekly' as const, weekdays: ['wed' as const], from: '20:00', to: '21:00' };
    // 20:30 in Berlin is 18:30 UTC in summer and 19:30 UTC in winter.
    expect(inBlackout(evening, new Date('2026-07-01T18:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(inBlackout(evening, new Date('2026-12-02T18:30:00Z'), 'Europe/Berlin')).toBe(false);
    expect(inBlackout(evening, new Date('2026-12-02T19:30:00Z'), 'Europe/Berlin')).toBe(true);
  });

  it('covers one-off periods between two instants', () => {
    const holiday = { kind: 'once' as const, from: new Date('2026-12-24T18:00:00Z'), to: new Date('2026-12-26T00:00:00Z') };
    expect(inBlackout(holiday, new Date('2026-12-24T17:59:59Z'), 'UTC')).toBe(false);
    expect(inBlackout(holiday, new Date('2026-12-25T12:00:00Z'), 'Pacific/Auckland')).toBe(true);
    expect(inBlackout(holiday, new Date('2026-12-26T00:00:00Z'), 'UTC')).toBe(false);
  });
});
