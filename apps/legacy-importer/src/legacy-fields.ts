import { DecimalText } from './extended-json';

/**
 * Lenient readers for the monolith's fields: its documents hold numbers as strings, dates as
 * strings or epoch numbers, lists as comma-separated text, and leave fields out. Each reader
 * answers `undefined` for what it cannot read, and the mapping decides whether that is a skip.
 */

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** A reference to another document: an ObjectId's hex (as `$oid` or plain text). */
export function legacyId(value: unknown): string | undefined {
  return typeof value === 'string' && OBJECT_ID.test(value) ? value.toLowerCase() : undefined;
}

export function legacyText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

export function legacyNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DecimalText || typeof value === 'string') {
    const text = value.toString().trim().replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
    return Number(text);
  }
  return undefined;
}

export function legacyBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return undefined;
}

export function legacyDate(value: unknown): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** A list of words: an array of strings (the current shape) or one comma-separated string (older documents). */
export function legacyWordList(value: unknown): string[] {
  const words = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? value.split(',')
      : [];
  return [...new Set(words.map((word) => word.trim().toLowerCase()).filter((word) => word !== ''))];
}

export function legacyObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : undefined;
}
