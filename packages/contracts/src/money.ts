/** `1250, 'USD'` → `$12.50`. */
export function formatCents(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** A decimal amount typed by a person (`12.5`, `1,000`) → cents, or undefined when it isn't one. */
export function parseAmountToCents(text: string): number | undefined {
  const cleaned = text.replaceAll(',', '').replace(/^\$/, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

/**
 * Cents as plain decimal text, exact (no floating point): `25000` → `250.00`, `-1999` → `-19.99`.
 * What a form field reads back, and what a CSV file holds.
 */
export function centsAsAmountText(cents: number): string {
  const whole = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}
