'use client';

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Ends in 5 days" with the exact local time on hover. */
export function EndsIn({ endsAt }: { endsAt: Date }) {
  const days = Math.floor((endsAt.getTime() - Date.now()) / 86_400_000);
  const hours = Math.max(0, Math.floor((endsAt.getTime() - Date.now()) / 3_600_000));
  const text =
    days >= 1
      ? `Ends in ${days} day${days === 1 ? '' : 's'}`
      : hours >= 1
        ? `Ends in ${hours} h`
        : 'Ends soon';
  return (
    <time dateTime={endsAt.toISOString()} title={dateTime.format(endsAt)} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** A moment in the viewer's own time zone (rendered again in the browser). */
export function LocalTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {dateTime.format(date)}
    </time>
  );
}
