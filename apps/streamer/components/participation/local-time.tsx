'use client';

import { useEffect, useState } from 'react';
import { timeLeft } from './formatting';

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A moment in the viewer's own time zone. The server renders it in its zone first; the browser
 * then shows local time (hence the suppressed hydration warning).
 */
export function LocalTime({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} className={className} suppressHydrationWarning>
      {dateTime.format(date)}
    </time>
  );
}

/** Time left until `until`, updated every minute. */
export function Countdown({ until, testId }: { until: Date; testId?: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span data-testid={testId} suppressHydrationWarning>
      {until > now ? timeLeft(until, now) : 'now'}
    </span>
  );
}
