'use client';

import { CheckboxGroup, Field, Select } from '@gametriggers/ui';
import { useMemo } from 'react';
import type { DemographicsDraft } from './drafts';
import type { FieldErrors } from './field-errors';
import { errorAt } from './field-errors';
import { countryOptions, timeZoneOptions, weekdayOptions } from './vocabulary-options';

/** A blank time is not a format mistake: say what is missing. */
const timeError = (value: string, error: string | undefined, edge: 'start' | 'end') =>
  error && !value
    ? `Enter when you usually ${edge === 'start' ? 'start' : 'stop'}, or clear the schedule`
    : error;

/** Where the streamer is and when they stream (errors keyed without a prefix). */
export function DemographicsFields({
  draft,
  onChange,
  errors,
  idPrefix,
}: {
  draft: DemographicsDraft;
  onChange: (next: DemographicsDraft) => void;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const allZones = useMemo(timeZoneOptions, []);
  // The runtime's list leaves out aliases such as `UTC`, which a browser may report as its zone:
  // keep the chosen zone selectable, so the control shows what will be saved.
  const zones = allZones.some((zone) => zone.value === draft.timezone)
    ? allZones
    : [{ value: draft.timezone, label: draft.timezone.replaceAll('_', ' ') }, ...allZones];
  const set = (patch: Partial<DemographicsDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Select
        id={`${idPrefix}-country`}
        label="Country"
        placeholder="Choose your country"
        options={countryOptions}
        value={draft.country}
        onChange={(event) => set({ country: event.target.value })}
        error={errorAt(errors, 'country')}
        hint="Campaigns target regions; this is the one you count in."
      />
      <Select
        id={`${idPrefix}-timezone`}
        label="Time zone"
        options={zones}
        value={draft.timezone}
        onChange={(event) => set({ timezone: event.target.value })}
        error={errorAt(errors, 'timezone')}
        hint="Your daily energy resets at midnight here."
      />
      <div className="sm:col-span-2">
        <CheckboxGroup
          name={`${idPrefix}-schedule-days`}
          legend="Usual streaming days"
          options={weekdayOptions}
          value={draft.scheduleDays}
          onChange={(next) => set({ scheduleDays: next })}
          error={errorAt(errors, 'streamingSchedule.days')}
          hint="Optional. Brands see when you are usually live."
        />
      </div>
      <Field
        id={`${idPrefix}-start-time`}
        label="Usually starts at"
        type="time"
        value={draft.startTime}
        onChange={(event) => set({ startTime: event.target.value })}
        error={timeError(draft.startTime, errorAt(errors, 'streamingSchedule.startTime'), 'start')}
      />
      <Field
        id={`${idPrefix}-end-time`}
        label="Usually ends at"
        type="time"
        value={draft.endTime}
        onChange={(event) => set({ endTime: event.target.value })}
        error={timeError(draft.endTime, errorAt(errors, 'streamingSchedule.endTime'), 'end')}
        hint="An end before the start runs past midnight."
      />
    </div>
  );
}
