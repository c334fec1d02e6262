/** An instant as admins compare it across time zones: `2026-03-10 18:00 UTC`. */
export function formatUtc(date: Date, precision: 'minute' | 'second' = 'minute'): string {
  const text = date.toISOString().replace('T', ' ');
  return `${precision === 'second' ? text.slice(0, 19) : text.slice(0, 16)} UTC`;
}

/** A long id made short enough for a table cell; the whole id stays in the title. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
