import { invalidRequest } from './errors';
import type { ObjectStore } from './store';

const MAX_EXPAND_DEPTH = 4;

/**
 * A JSON copy of `value` with each `expand[]` path (`payment_intent`, `data.customer`,
 * `payment_intent.latest_charge`) replaced by the object its id names.
 */
export function expandPaths(value: unknown, paths: string[], store: ObjectStore): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_EXPAND_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property.`, { param: 'expand' });
    }
    expandInto(copy, segments, store, path);
  }
  return copy;
}

function expandInto(node: unknown, segments: string[], store: ObjectStore, path: string): void {
  if (Array.isArray(node)) {
    for (const item of node) expandInto(item, segments, store, path);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const record = node as Record<string, unknown>;
  if (!(head in record)) {
    throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
  }
  const field = record[head];
  if (typeof field === 'string') {
    const target = store.byId(field);
    if (target) record[head] = JSON.parse(JSON.stringify(target)) as unknown;
  }
  if (rest.length > 0) expandInto(record[head], rest, store, path);
}
