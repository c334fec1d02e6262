/**
 * MongoDB Extended JSON v2 (what `mongoexport` writes, one document a line), canonical and relaxed,
 * plus the v1 "legacy" date form older exports carry. Values become plain ones:
 * `$oid` → its 24-hex string, `$date` → Date, `$numberInt`/`$numberDouble` → number,
 * `$numberLong` → number (a bigint beyond 2^53), `$numberDecimal` → {@link DecimalText}, kept as
 * text so money is never rounded through a float.
 */

export class DecimalText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function numberLong(text: string): number | bigint {
  const value = BigInt(text);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function numberDouble(text: string): number {
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  return Number(text);
}

function date(value: unknown): unknown {
  // Children are revived first: a canonical `{ $numberLong }` has already become a number.
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'string') return new Date(value);
  return value;
}

/** Turns one Extended JSON wrapper object into its value; anything else passes through. */
function reviveWrapper(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.length !== 1) return value;
  const [key] = keys;
  const inner = record[key!];
  switch (key) {
    case '$oid':
      return typeof inner === 'string' ? inner : value;
    case '$date':
      return date(inner);
    case '$numberInt':
      return typeof inner === 'string' ? Number.parseInt(inner, 10) : value;
    case '$numberLong':
      return typeof inner === 'string' ? numberLong(inner) : value;
    case '$numberDouble':
      return typeof inner === 'string' ? numberDouble(inner) : value;
    case '$numberDecimal':
      return typeof inner === 'string' ? new DecimalText(inner) : value;
    default:
      return value;
  }
}

export type LegacyDocument = Record<string, unknown>;

/** Parses one line of a `mongoexport` file; throws on text that is not one JSON object. */
export function parseExtendedJsonLine(line: string): LegacyDocument {
  const parsed: unknown = JSON.parse(line, (_key, value: unknown) => reviveWrapper(value));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('a line of the export is not one document');
  }
  return parsed as LegacyDocument;
}
