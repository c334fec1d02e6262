import { formatCents } from '@gametriggers/contracts';
import { BarChart, cn, focusRing } from '@gametriggers/ui';
import type { ChosenEarningsPeriod } from './earnings-periods';
import { earningsBuckets, earningsPeriods } from './earnings-periods';

const axisMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** Earnings over time as bars, by day, week or month (links, so the server draws each choice). */
export function EarningsChart({
  chosen,
  days,
}: {
  chosen: ChosenEarningsPeriod;
  days: ReadonlyArray<{ day: string; earnedCents: number }>;
}) {
  const { labels, cents } = earningsBuckets(days, chosen.bucket);
  const total = cents.reduce((sum, value) => sum + value, 0);
  return (
    <section aria-labelledby="over-time-heading" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="over-time-heading" className="font-semibold text-slate-900">
            Earnings over time
          </h2>
          <p className="text-sm text-slate-600" data-testid="earnings-period-total">
            {formatCents(total)} earned in the last {earningsPeriods.find((period) => period.value === chosen.period)?.label}
          </p>
        </div>
        <nav aria-label="Period" className="flex gap-1 rounded-lg bg-slate-100 p-1">
          {earningsPeriods.map((period) => (
            <a
              key={period.value}
              href={`/earnings?period=${period.value}`}
              aria-current={period.value === chosen.period ? 'true' : undefined}
              className={cn(
                'rounded-md px-3 py-1.5 text-sm font-medium',
                focusRing,
                period.value === chosen.period ? 'bg-white text-brand-700 shadow-sm' : 'text-slate-600 hover:text-slate-900',
              )}
            >
              {period.label}
            </a>
          ))}
        </nav>
      </div>
      <BarChart
        title={`Earnings per ${chosen.bucket}`}
        labels={labels}
        series={[{ name: 'Earned', values: cents }]}
        formatValue={(value) => (value === 0 ? '$0' : value < 100_000 ? formatCents(value) : axisMoney.format(value / 100))}
        emptyText="Nothing earned in this period yet. Earnings appear here within minutes of each counted hour."
        testId="earnings-chart"
      />
      <p className="text-xs text-slate-500">Days are UTC days; amounts are after the platform fee.</p>
    </section>
  );
}
