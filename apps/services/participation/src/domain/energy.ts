import { localDateOf, startOfNextLocalDay } from './local-day';

/** What is stored: how much energy was spent on one local day. */
export interface EnergyRecord {
  day: string;
  used: number;
}

export interface EnergyState {
  /** Today's local date in the streamer's time zone. */
  day: string;
  used: number;
  remaining: number;
  capacity: number;
  /** The streamer's next local midnight, when the pack refills. */
  resetsAt: Date;
  timezone: string;
}

/** Today's energy of `capacity` packs a day: a record from an earlier day counts as a full pack. */
export function energyStateOf(
  record: EnergyRecord | null,
  now: Date,
  timezone: string,
  capacity: number,
): EnergyState {
  const day = localDateOf(now, timezone);
  const used = record && record.day === day ? record.used : 0;
  return {
    day,
    used,
    remaining: Math.max(0, capacity - used),
    capacity,
    resetsAt: startOfNextLocalDay(now, timezone),
    timezone,
  };
}

/** The record after spending one energy today; the caller has checked `remaining > 0`. */
export function afterSpendingOne(state: EnergyState): EnergyRecord {
  if (state.remaining <= 0) throw new Error('No energy left to spend');
  return { day: state.day, used: state.used + 1 };
}
