import { DecimalText } from './extended-json';

/**
 * The monolith kept money as JavaScript numbers (and, in places, as text or Decimal128) in major
 * units. Amounts are read exactly in millionths of a unit, so the money check can compare the old
 * sum with the cents the ledger received without a float in between.
 */
export const MILLIONTHS_PER_CENT = 10_000n;

export function amountInMillionths(value: unknown): bigint | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = value.toFixed(6);
  } else if (typeof value === 'string' || value instanceof DecimalText) {
    text = value.toString().trim().replace(/,/g, '');
  } else if (typeof value === 'bigint') {
    return value * 1_000_000n;
  } else {
    return undefined;
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const fractionDigits = fraction.padEnd(6, '0');
  // Beyond a millionth: half away from zero on the seventh digit (a Decimal128 may carry more).
  const kept =
    BigInt(fractionDigits.slice(0, 6)) + (Number(fractionDigits[6] ?? '0') >= 5 ? 1n : 0n);
  const magnitude = BigInt(whole!) * 1_000_000n + kept;
  return sign === '-' ? -magnitude : magnitude;
}

/** Cents for the ledger: half to even on the sub-cent rest, so a column of amounts does not drift up. */
export function millionthsToCents(millionths: bigint): bigint {
  const negative = millionths < 0n;
  const magnitude = negative ? -millionths : millionths;
  let cents = magnitude / MILLIONTHS_PER_CENT;
  const rest = magnitude % MILLIONTHS_PER_CENT;
  const half = MILLIONTHS_PER_CENT / 2n;
  if (rest > half || (rest === half && cents % 2n === 1n)) cents += 1n;
  return negative ? -cents : cents;
}

/** `12.34` from 1234n cents, for the readable report. */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const text = `${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
