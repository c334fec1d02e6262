import { describe, expect, it } from 'vitest';
import { afterSpendingOne, energyStateOf } from './energy';
import { localDateOf, startOfNextLocalDay } from './local-day';

const at = (iso: string) => new Date(iso);

describe('local days', () => {
  it.each([
    // [instant, zone, local date, next local midnight in UTC]
    ['2026-11-24T22:30:00Z', 'UTC', '2026-11-24', '2026-11-25T00:00:00.000Z'],
    ['2026-11-24T22:30:00Z', 'Europe/Berlin', '2026-11-24', '2026-11-24T23:00:00.000Z'],
    ['2026-11-24T23:30:00Z', 'Europe/Berlin', '2026-11-25', '2026-11-25T23:00:00.000Z'],
    ['2026-11-24T03:00:00Z', 'America/Los_Angeles', '2026-11-23', '2026-11-24T08:00:00.000Z'],
    ['2026-11-24T12:00:00Z', 'Asia/Kolkata', '2026-11-24', '2026-11-24T18:30:00.000Z'],
    ['2026-11-24T12:00:00Z', 'Pacific/Auckland', '2026-11-25', '2026-11-25T11:00:00.000Z'],
    ['2026-11-24T12:00:00Z', 'Asia/Kathmandu', '2026-11-24', '2026-11-24T18:15:00.000Z'],
  ])('%s in %s is %s; the day ends at %s', (instant, zone, date, next) => {
    expect(localDateOf(at(instant), zone)).toBe(date);
    expect(startOfNextLocalDay(at(instant), zone).toISOString()).toBe(next);
  });

  it('a spring-forward day in Berlin is 23 hours long', () => {
    // 2026-03-29: clocks go from 02:00 to 03:00 CET→CEST.
    const dayStart = at('2026-03-28T23:00:00Z');
    const next = startOfNextLocalDay(dayStart, 'Europe/Berlin');
    expect(next.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((next.getTime() - dayStart.getTime()) / 3_600_000).toBe(23);
  });

  it('a fall-back day in New York is 25 hours long', () => {
    // 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST.
    const dayStart = at('2026-11-01T04:00:00Z');
    const next = startOfNextLocalDay(dayStart, 'America/New_York');
    expect(next.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect((next.getTime() - dayStart.getTime()) / 3_600_000).toBe(25);
  });

  it('where DST skips midnight, the day starts at the first moment that exists', () => {
    // Santiago springs forward at 24:00 on 2026-09-05 to 01:00 on 09-06 (UTC-4 → UTC-3).
    const evening = at('2026-09-05T22:00:00Z'); // 18:00 local
    const next = startOfNextLocalDay(evening, 'America/Santiago');
    expect(next.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf(next, 'America/Santiago')).toBe('2026-09-06');
    expect(localDateOf(new Date(next.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('one millisecond before midnight is still today', () => {
    const next = startOfNextLocalDay(at('2026-11-24T10:00:00Z'), 'Europe/Berlin');
    expect(localDateOf(new Date(next.getTime() - 1), 'Europe/Berlin')).toBe('2026-11-24');
    expect(startOfNextLocalDay(new Date(next.getTime() - 1), 'Europe/Berlin')).toEqual(next);
  });
});

describe('energy packs', () => {
  const zone = 'Europe/Berlin';

  it('starts full with no record', () => {
    const state = energyStateOf(null, at('2026-11-24T10:00:00Z'), zone, 10);
    expect(state).toMatchObject({
      day: '2026-11-24',
      used: 0,
      remaining: 10,
      capacity: 10,
      timezone: zone,
    });
    expect(state.resetsAt.toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('counts what was spent today', () => {
    const state = energyStateOf({ day: '2026-11-24', used: 7 }, at('2026-11-24T10:00:00Z'), zone, 10);
    expect(state).toMatchObject({ used: 7, remaining: 3 });
  });

  it('refills at the streamer’s local midnight, not UTC midnight', () => {
    const spent = { day: '2026-11-24', used: 10 };
    expect(energyStateOf(spent, at('2026-11-24T22:59:59.999Z'), zone, 10).remaining).toBe(0);
    expect(energyStateOf(spent, at('2026-11-24T23:00:00.000Z'), zone, 10).remaining).toBe(10);
    // The same instant is still the 24th in Los Angeles.
    expect(
      energyStateOf(spent, at('2026-11-24T23:00:00.000Z'), 'America/Los_Angeles', 10).remaining,
    ).toBe(0);
  });

  it('spends one and refuses to spend from an empty pack', () => {
    const state = energyStateOf({ day: '2026-11-24', used: 9 }, at('2026-11-24T10:00:00Z'), zone, 10);
    expect(afterSpendingOne(state)).toEqual({ day: '2026-11-24', used: 10 });
    const empty = energyStateOf({ day: '2026-11-24', used: 10 }, at('2026-11-24T10:00:00Z'), zone, 10);
    expect(() => afterSpendingOne(empty)).toThrow(/No energy/);
  });

  it('spending on a new day starts that day’s count from zero', () => {
    const state = energyStateOf({ day: '2026-11-23', used: 10 }, at('2026-11-24T10:00:00Z'), zone, 10);
    expect(afterSpendingOne(state)).toEqual({ day: '2026-11-24', used: 1 });
  });
});
