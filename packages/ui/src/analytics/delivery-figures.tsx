import type { ReactNode } from 'react';
import type { Column } from '../data-display';
import { StatCard } from '../data-display';

const count = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

/** A click-through rate (clicks per impression, 0–1) as a percentage, e.g. "1.49%". */
export const formatClickThroughRate = (ctr: number) => percent.format(ctr);

interface DeliveryFigures {
  impressions: number;
  clicks: number;
  ctr: number;
}

/**
 * A report's totals as stat cards: impressions, clicks and click-through rate, then `children`
 * (the money figure each portal estimates in its own way) as the fourth card.
 */
export function DeliveryTotals({
  totals,
  children,
}: {
  totals: DeliveryFigures;
  children?: ReactNode;
}) {
  return (
    <section aria-label="Totals" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <StatCard
        label="Impressions"
        value={count.format(totals.impressions)}
        testId="analytics-impressions"
      />
      <StatCard label="Clicks" value={count.format(totals.clicks)} testId="analytics-clicks" />
      <StatCard
        label="Click-through rate"
        value={formatClickThroughRate(totals.ctr)}
        testId="analytics-ctr"
      />
      {children}
    </section>
  );
}

/** The impressions, clicks and CTR columns of a report table's rows, right-aligned. */
export function deliveryFigureColumns<T extends DeliveryFigures>(): Array<Column<T>> {
  return [
    {
      header: 'Impressions',
      cell: (row) => count.format(row.impressions),
      className: 'text-right',
    },
    { header: 'Clicks', cell: (row) => count.format(row.clicks), className: 'text-right' },
    { header: 'CTR', cell: (row) => formatClickThroughRate(row.ctr), className: 'text-right' },
  ];
}
