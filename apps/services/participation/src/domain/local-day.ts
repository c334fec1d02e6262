const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatterFor(timeZone: string) {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (`YYYY-MM-DD`) at `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return dateFormatterFor(timeZone).format(instant);
}

const MAX_DAY_MS = 27 * 60 * 60_000;

/**
 * The first instant after `instant` whose local date differs: the next local midnight, or where a
 * DST change skips midnight (e.g. America/Santiago), the first moment that exists on the new day.
 * Found by bisection, because offsets change within the day we are looking at.
 */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const today = localDateOf(instant, timeZone);
  let before = instant.getTime();
  let after = before + MAX_DAY_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (localDateOf(new Date(middle), timeZone) === today) before = middle;
    else after = middle;
  }
  return new Date(after);
}
