'use client';

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment in the viewer's time zone (the server renders its own first, hence the suppressed warning). */
export function LocalTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {dateTime.format(date)}
    </time>
  );
}
