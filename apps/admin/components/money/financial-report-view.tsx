import { formatCents } from '@gametriggers/contracts';
import { BarChart, LineChart, StatCard, Table } from '@gametriggers/ui';
import type { FinancialReport } from './types';

type Period = FinancialReport['periods'][number];

const dollars = (cents: number) => formatCents(Math.round(cents));

const flowColumns: ReadonlyArray<{ key: keyof FinancialReport['totals']; title: string }> = [
  { key: 'depositsCents', title: 'Deposits' },
  { key: 'spendCents', title: 'Spend' },
  { key: 'platformFeesCents', title: 'Platform fees' },
  { key: 'payoutsCents', title: 'Payouts' },
  { key: 'refundsCents', title: 'Refunds' },
  { key: 'adjustmentsCents', title: 'Adjustments' },
  { key: 'brandFundsHeldCents', title: 'Brand funds held' },
  { key: 'streamerEarningsOwedCents', title: 'Earnings owed' },
];

/** The report's totals, its charts (money moved; what is owed) and a line per period. */
export function FinancialReportView({ report }: { report: FinancialReport }) {
  const labels = report.periods.map((period) => period.period);
  const series = (key: keyof Period & keyof FinancialReport['totals'], name: string) => ({
    name,
    values: report.periods.map((period) => period[key] / 100),
  });
  const asDollars = (value: number) => dollars(value * 100);
  return (
    <div className="space-y-6" data-testid="financial-report">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Deposits" value={dollars(report.totals.depositsCents)} testId="total-deposits" />
        <StatCard label="Spend" value={dollars(report.totals.spendCents)} testId="total-spend" />
        <StatCard label="Platform revenue (fees)" value={dollars(report.totals.platformFeesCents)} testId="total-fees" />
        <StatCard label="Payouts" value={dollars(report.totals.payoutsCents)} testId="total-payouts" />
        <StatCard label="Refunds" value={dollars(report.totals.refundsCents)} testId="total-refunds" />
        <StatCard label="Adjustments (net)" value={dollars(report.totals.adjustmentsCents)} />
        <StatCard label="Brand funds held" hint="At the end of the range" value={dollars(report.totals.brandFundsHeldCents)} testId="total-brand-funds" />
        <StatCard label="Streamer earnings owed" hint="At the end of the range" value={dollars(report.totals.streamerEarningsOwedCents)} testId="total-earnings-owed" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-3 font-semibold text-slate-900">Money moved</h2>
          <BarChart
            title="Deposits, spend, fees and payouts"
            labels={labels}
            series={[
              series('depositsCents', 'Deposits'),
              series('spendCents', 'Spend'),
              series('platformFeesCents', 'Platform fees'),
              series('payoutsCents', 'Payouts'),
            ]}
            formatValue={asDollars}
            emptyText="No money moved in this range."
            testId="money-moved-chart"
          />
        </section>
        <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-3 font-semibold text-slate-900">Liabilities outstanding</h2>
          <LineChart
            title="Brand funds held and streamer earnings owed"
            labels={labels}
            series={[series('brandFundsHeldCents', 'Brand funds held'), series('streamerEarningsOwedCents', 'Earnings owed')]}
            formatValue={asDollars}
            emptyText="Nothing owed in this range."
            testId="liabilities-chart"
          />
        </section>
      </div>
      <Table
        caption="Financial report by period"
        rows={report.periods}
        rowKey={(row) => row.period}
        rowTestId="report-row"
        columns={[
          { header: report.granularity === 'day' ? 'Day (UTC)' : 'Month (UTC)', cell: (row) => row.period },
          ...flowColumns.map((column) => ({
            header: column.title,
            className: 'text-right tabular-nums whitespace-nowrap',
            cell: (row: Period) => dollars(row[column.key]),
          })),
        ]}
      />
    </div>
  );
}
