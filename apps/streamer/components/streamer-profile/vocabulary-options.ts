import {
  contentCategories,
  contentRatings,
  countries,
  languages,
  weekdays,
} from '@gametriggers/contracts';
import type { Option } from '@gametriggers/ui';

const toOptions = (list: ReadonlyArray<{ id: string; label: string }>): Option[] =>
  list.map((entry) => ({ value: entry.id, label: entry.label }));

export const categoryOptions = toOptions(contentCategories);
export const languageOptions = toOptions(languages);
export const countryOptions = toOptions(countries);
export const ratingOptions = toOptions(contentRatings);

const weekdayLabels: Record<(typeof weekdays)[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
export const weekdayOptions: Option[] = weekdays.map((day) => ({
  value: day,
  label: weekdayLabels[day],
}));

/** Every IANA time zone the runtime knows, e.g. `Europe/Berlin`. */
export function timeZoneOptions(): Option[] {
  return Intl.supportedValuesOf('timeZone').map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
}
