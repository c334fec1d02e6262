type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface JsonChange {
  key: string;
  before: string;
  after: string;
}

const shown = (value: Json | undefined) => (value === undefined ? '—' : JSON.stringify(value));

/**
 * What an audit entry changed, field by field: the top-level keys of its before and after
 * snapshots whose values differ (a snapshot that is not an object is one field, `value`).
 */
export function jsonChanges(before: Json | null, after: Json | null): JsonChange[] {
  const isRecord = (value: Json | null): value is { [key: string]: Json } =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  const from = isRecord(before) ? before : before === null ? {} : { value: before };
  const to = isRecord(after) ? after : after === null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return keys
    .filter((key) => shown(from[key]) !== shown(to[key]))
    .map((key) => ({ key, before: shown(from[key]), after: shown(to[key]) }));
}
