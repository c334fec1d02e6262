import { z } from 'zod';

/**
 * The instants the product deals in. Dates outside them are a mistake (a year typed as 20260, a
 * far-off default) and would overflow PostgreSQL's timestamp range, so they are refused at the edge.
 */
export const EARLIEST_INSTANT = new Date('2000-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('2100-12-31T23:59:59.999Z');

const outOfRange = 'Choose a date between the years 2000 and 2100';

/** A point in time (a `Date`, as superjson carries it), between 2000 and 2100, never Invalid Date. */
export function instantSchema(required = 'Choose a date and time') {
  return z
    .date({ error: (issue) => (issue.input instanceof Date ? 'That is not a valid date' : required) })
    .min(EARLIEST_INSTANT, outOfRange)
    .max(LATEST_INSTANT, outOfRange);
}

/** The same bounds for a date sent as text (a form field, a query string): `2026-03-08T10:00`. */
export function instantFromTextSchema(required = 'Choose a date and time') {
  return z
    .union([z.date(), z.string().max(40)], { error: required })
    .transform((value) => (value instanceof Date ? value : new Date(value)))
    .pipe(instantSchema(required));
}

/** `true` when `date` is a valid date inside the supported range. */
export function isSupportedInstant(date: Date): boolean {
  const time = date.getTime();
  return !Number.isNaN(time) && time >= EARLIEST_INSTANT.getTime() && time <= LATEST_INSTANT.getTime();
}
