import type { StripeObject } from './store';

/** A deep copy of an object as it is now, to compare after a change. */
export function snapshot<T extends StripeObject>(object: T): T {
  return JSON.parse(JSON.stringify(object)) as T;
}

/** The top-level fields of `before` that differ in `after` (an event's `previous_attributes`). */
export function changedFields(before: StripeObject, after: StripeObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(before)) {
    if (JSON.stringify(value) !== JSON.stringify(after[key])) previous[key] = value;
  }
  return previous;
}
