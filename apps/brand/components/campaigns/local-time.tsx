'use client';

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A moment in the viewer's own time zone. The server renders it in its zone first; the browser
 * then shows local time (hence the suppressed hydration warning).
 */
export function LocalTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {dateTime.format(date)}
    </time>
  );
}
