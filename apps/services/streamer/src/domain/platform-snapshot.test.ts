import { describe, expect, it } from 'vitest';
import { monthlyHoursOf, shouldRecordSample } from './platform-snapshot';

describe('viewer samples', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('records nothing while offline', () => {
    expect(shouldRecordSample({ live: false }, null, now, 15)).toBe(false);
  });

  it('records the first sample while live', () => {
    expect(shouldRecordSample({ live: true }, null, now, 15)).toBe(true);
  });

  it('treats samples within half an interval as one observation', () => {
    expect(shouldRecordSample({ live: true }, minutesAgo(7), now, 15)).toBe(false);
    expect(shouldRecordSample({ live: true }, minutesAgo(8), now, 15)).toBe(true);
  });

  it('counts each sample as one interval of streaming', () => {
    expect(monthlyHoursOf(0, 15)).toBe(0);
    expect(monthlyHoursOf(4, 15)).toBe(1);
    expect(monthlyHoursOf(10, 15)).toBe(3);
  });
});
