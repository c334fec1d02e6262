const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

/** `Visa ending 4242, expires 04/2030`. */
export function cardLabel(card: { brand: string; last4: string; expMonth: number; expYear: number }): string {
  const name = brandNames[card.brand] ?? (card.brand ? card.brand[0]!.toUpperCase() + card.brand.slice(1) : 'Card');
  return `${name} ending ${card.last4}, expires ${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
}
