import { describe, expect, it } from 'vitest';
import { EARLIEST_INSTANT, LATEST_INSTANT, instantFromTextSchema, instantSchema, isSupportedInstant } from './instants';

describe('instant primitives', () => {
  const instant = instantSchema();

  it('takes dates from 2000 to 2100, edges included', () => {
    expect(instant.parse(EARLIEST_INSTANT)).toEqual(EARLIEST_INSTANT);
    expect(instant.parse(LATEST_INSTANT)).toEqual(LATEST_INSTANT);
    expect(instant.parse(new Date('2026-03-08T07:30:00Z'))).toEqual(new Date('2026-03-08T07:30:00Z'));
  });

  it('refuses far-off, invalid and non-date values with a message a person can act on', () => {
    for (const date of [new Date('1999-12-31T23:59:59.999Z'), new Date('2101-01-01T00:00:00Z'), new Date(8.64e15), new Date(-8.64e15)]) {
      expect(instant.safeParse(date).error?.issues[0]?.message).toBe('Choose a date between the years 2000 and 2100');
    }
    expect(instant.safeParse(new Date(Number.NaN)).error?.issues[0]?.message).toBe('That is not a valid date');
    expect(instant.safeParse('2026-01-01').error?.issues[0]?.message).toBe('Choose a date and time');
  });

  it('reads dates sent as text with the same bounds', () => {
    const fromText = instantFromTextSchema();
    expect(fromText.parse('2026-03-08T10:00:00Z')).toEqual(new Date('2026-03-08T10:00:00Z'));
    expect(fromText.safeParse('275760-09-13').success).toBe(false);
    expect(fromText.safeParse('not a date').success).toBe(false);
    expect(fromText.safeParse('x'.repeat(100)).success).toBe(false);
  });

  it('tells whether a date is supported', () => {
    expect(isSupportedInstant(new Date('2050-06-01T00:00:00Z'))).toBe(true);
    expect(isSupportedInstant(new Date('1970-01-01T00:00:00Z'))).toBe(false);
    expect(isSupportedInstant(new Date(Number.NaN))).toBe(false);
  });
});
