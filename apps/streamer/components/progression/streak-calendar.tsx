import { Card } from '@gametriggers/ui';
import type { Progression } from './types';

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });

/** The last weeks, Monday to Sunday in columns, each day counted or not, in the streamer's time zone. */
export function StreakCalendar({ progression }: { progression: Progression }) {
  const weeks: Progression['calendar'][] = [];
  progression.calendar.forEach((entry, index) => {
    if (index % 7 === 0) weeks.push([]);
    weeks.at(-1)?.push(entry);
  });
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Streak calendar</h2>
        <p className="text-sm text-slate-600">
          The last {weeks.length} weeks in your time zone ({progression.timezone}). A day counts
          when your overlay delivered at least one counted impression.
        </p>
      </div>
      <div className="flex gap-3 overflow-x-auto pb-1">
        <div className="grid grid-rows-7 gap-1 text-xs text-slate-500" aria-hidden="true">
          {weekdays.map((weekday) => (
            <span key={weekday} className="flex h-6 items-center">
              {weekday}
            </span>
          ))}
        </div>
        <ol className="flex gap-1" aria-label="Days of the last weeks">
          {weeks.map((week) => (
            <li key={week[0]?.day}>
              <ol className="grid grid-rows-7 gap-1">
                {week.map((entry) => (
                  <li
                    key={entry.day}
                    data-day={entry.day}
                    data-counted={entry.counted}
                    title={`${dayLabel(entry.day)}: ${entry.counted ? 'counted' : 'not counted'}`}
                    aria-label={`${dayLabel(entry.day)}: ${entry.counted ? 'counted' : 'not counted'}`}
                    className={`h-6 w-6 rounded ${
                      entry.counted
                        ? 'bg-violet-600'
                        : 'bg-slate-100 ring-1 ring-inset ring-slate-200'
                    } ${entry.day === progression.today ? 'outline outline-2 outline-offset-1 outline-slate-900' : ''}`}
                  />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </div>
      <p className="flex items-center gap-3 text-xs text-slate-500">
        <span className="inline-block h-3 w-3 rounded bg-violet-600" aria-hidden="true" /> counted
        <span
          className="inline-block h-3 w-3 rounded bg-slate-100 ring-1 ring-inset ring-slate-200"
          aria-hidden="true"
        />{' '}
        not counted
      </p>
    </Card>
  );
}
