import type { BlackoutPeriod, Weekday } from '@gametriggers/contracts';
import { weekdays } from '@gametriggers/contracts';

interface LocalClock {
  weekday: Weekday;
  minutes: number;
}

const SHORT_WEEKDAY: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The weekday and minute of the day at `instant` on the wall clock of `timeZone`. */
export function localClock(instant: Date, timeZone: string): LocalClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = SHORT_WEEKDAY[part('weekday')];
  if (!weekday) throw new Error(`Unexpected weekday "${part('weekday')}" for ${timeZone}`);
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

function minutesOf(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function dayBefore(weekday: Weekday): Weekday {
  const index = weekdays.indexOf(weekday);
  return weekdays[(index + weekdays.length - 1) % weekdays.length] ?? weekday;
}

/**
 * Whether `instant` falls in the period. A weekly period is read on the streamer's wall clock; one
 * whose end is before its start runs past midnight into the next day (22:00–02:00 on Monday covers
 * Monday night until 2 am Tuesday).
 */
export function inBlackout(period: BlackoutPeriod, instant: Date, timeZone: string): boolean {
  if (period.kind === 'once') return instant >= period.from && instant < period.to;
  const { weekday, minutes } = localClock(instant, timeZone);
  const from = minutesOf(period.from);
  const to = minutesOf(period.to);
  if (from < to) return period.weekdays.includes(weekday) && minutes >= from && minutes < to;
  const lateOnListedDay = period.weekdays.includes(weekday) && minutes >= from;
  const earlyAfterListedDay = period.weekdays.includes(dayBefore(weekday)) && minutes < to;
  return lateOnListedDay || earlyAfterListedDay;
}

export function inAnyBlackout(periods: readonly BlackoutPeriod[], instant: Date, timeZone: string): boolean {
  return periods.some((period) => inBlackout(period, instant, timeZone));
}
