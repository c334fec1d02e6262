// `<input type="datetime-local">` values read and written in the overlay's time zone (the one
// weekly blackouts use), so the server render and the browser agree and the streamer sees one clock.

function wallClockAsUtc(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((entry) => entry.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/** `2026-11-24T21:30` for an instant, on the wall clock of `timeZone`. */
export function toZonedInputValue(instant: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(instant, timeZone)).toISOString().slice(0, 16);
}

/** The instant a `datetime-local` value names in `timeZone`; an invalid date for a blank value. */
export function fromZonedInputValue(value: string, timeZone: string): Date {
  const asUtc = Date.parse(`${value}:00Z`);
  if (!value || Number.isNaN(asUtc)) return new Date(Number.NaN);
  const firstGuess = asUtc - (wallClockAsUtc(new Date(asUtc), timeZone) - asUtc);
  // A second pass settles the offset when the guess crossed a daylight-saving change.
  return new Date(asUtc - (wallClockAsUtc(new Date(firstGuess), timeZone) - firstGuess));
}
