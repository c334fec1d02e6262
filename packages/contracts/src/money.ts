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
