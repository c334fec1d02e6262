const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The months a statement can be asked for, newest first: this month (so far) and the `count - 1`
 * before it, as `YYYY-MM` (UTC) with a label ("November 2026").
 */
export function statementMonths(now: Date, count = 12): Array<{ value: string; label: string }> {
  return Array.from({ length: count }, (_, back) => {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const value = first.toISOString().slice(0, 7);
    return { value, label: back === 0 ? `${monthName.format(first)} (so far)` : monthName.format(first) };
  });
}
