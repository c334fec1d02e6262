'use client';

import type { Weekday } from '@gametriggers/contracts';
import { weekdays } from '@gametriggers/contracts';
import { Button, CheckboxGroup, Field } from '@gametriggers/ui';
import type { FieldErrors } from '../streamer-profile/field-errors';
import { errorAt } from '../streamer-profile/field-errors';
import type { BlackoutDraft } from './settings-draft';
import { blackoutId } from './settings-draft';

const MAX_BLACKOUTS = 20;

const weekdayLabels: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** Times no ad shows: weekly on the overlay's clock, or once between two moments. */
export function BlackoutEditor({
  blackouts,
  timeZone,
  errors,
  onChange,
}: {
  blackouts: BlackoutDraft[];
  timeZone: string;
  errors: FieldErrors;
  onChange: (next: BlackoutDraft[]) => void;
}) {
  const replace = (index: number, period: BlackoutDraft) =>
    onChange(blackouts.map((entry, at) => (at === index ? period : entry)));
  const full = blackouts.length >= MAX_BLACKOUTS;
  const zone = timeZone.replaceAll('_', ' ');

  return (
    <div className="space-y-3" data-testid="blackout-editor">
      {blackouts.length === 0 ? (
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-600 ring-1 ring-slate-200">
          No blackouts: ads may show whenever you are live. Add one for e.g. a tournament you play
          without sponsors, or the first half hour of every stream.
        </p>
      ) : null}
      {blackouts.map((period, index) => (
        <div
          key={period.id}
          data-testid="blackout-row"
          className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-semibold text-slate-900">
              {period.kind === 'weekly' ? 'Every week' : 'Once'}
            </p>
            <Button
              type="button"
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => onChange(blackouts.filter((_, at) => at !== index))}
            >
              Remove
            </Button>
          </div>
          {period.kind === 'weekly' ? (
            <>
              <CheckboxGroup
                name={`${period.id}-weekdays`}
                legend="Days"
                options={weekdays.map((day) => ({ value: day, label: weekdayLabels[day] }))}
                value={period.weekdays}
                onChange={(next) => replace(index, { ...period, weekdays: next as Weekday[] })}
                error={errorAt(errors, `blackouts.${index}.weekdays`)}
              />
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  id={`${period.id}-from`}
                  label="From"
                  type="time"
                  value={period.from}
                  onChange={(event) => replace(index, { ...period, from: event.target.value })}
                  error={errorAt(errors, `blackouts.${index}.from`)}
                />
                <Field
                  id={`${period.id}-to`}
                  label="Until"
                  type="time"
                  value={period.to}
                  onChange={(event) => replace(index, { ...period, to: event.target.value })}
                  error={errorAt(errors, `blackouts.${index}.to`)}
                  hint={
                    period.to && period.from && period.to < period.from
                      ? 'Runs past midnight into the next day.'
                      : undefined
                  }
                />
              </div>
            </>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                id={`${period.id}-from`}
                label="From"
                type="datetime-local"
                value={period.from}
                onChange={(event) => replace(index, { ...period, from: event.target.value })}
                error={errorAt(errors, `blackouts.${index}.from`)}
              />
              <Field
                id={`${period.id}-to`}
                label="Until"
                type="datetime-local"
                value={period.to}
                onChange={(event) => replace(index, { ...period, to: event.target.value })}
                error={errorAt(errors, `blackouts.${index}.to`)}
              />
            </div>
          )}
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={full}
          data-testid="add-weekly-blackout"
          onClick={() =>
            onChange([
              ...blackouts,
              { id: blackoutId(), kind: 'weekly', weekdays: [], from: '20:00', to: '21:00' },
            ])
          }
        >
          Add a weekly blackout
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={full}
          data-testid="add-once-blackout"
          onClick={() =>
            onChange([...blackouts, { id: blackoutId(), kind: 'once', from: '', to: '' }])
          }
        >
          Add a one-off blackout
        </Button>
      </div>
      <p className="text-xs text-slate-500">
        Times are on the {zone} clock.
        {full ? ` You have the most blackouts there can be (${MAX_BLACKOUTS}).` : ''}
      </p>
    </div>
  );
}
