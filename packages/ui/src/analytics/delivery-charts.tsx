import type { DeliveryBucket, ReportRange } from '@gametriggers/contracts';
import { filledDeliverySeries } from '@gametriggers/contracts';
import { BarChart, LineChart } from '../charts';
import { Card } from '../controls';
import { formatClickThroughRate } from './delivery-figures';

const DAY_MS = 24 * 60 * 60_000;

const dayLabel = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const hourLabel = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** A bucket's axis label: its day, its hour, or both when hourly buckets span more than a day. */
function bucketLabel(start: Date, range: ReportRange) {
  if (range.granularity === 'day') return dayLabel.format(start);
  const spansDays = range.to.getTime() - range.from.getTime() > DAY_MS;
  return spansDays
    ? `${dayLabel.format(start)} ${hourLabel.format(start)}`
    : hourLabel.format(start);
}

/**
 * A report's series over its window: impressions as a line and clicks as bars, each on its own
 * scale, and with `withClickThroughRate` the rate per bucket as a third chart (a line).
 */
export function DeliveryCharts({
  series,
  range,
  withClickThroughRate = false,
}: {
  series: ReadonlyArray<DeliveryBucket>;
  range: ReportRange;
  withClickThroughRate?: boolean;
}) {
  const buckets = filledDeliverySeries(series, range);
  const labels = buckets.map((bucket) => bucketLabel(bucket.bucketStart, range));
  const per = range.granularity === 'hour' ? 'hour' : 'day';
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="analytics-chart">
      <Card className="space-y-3">
        <h2 className="font-semibold text-slate-900">Impressions per {per}</h2>
        <LineChart
          title={`Impressions per ${per} (UTC)`}
          labels={labels}
          series={[{ name: 'Impressions', values: buckets.map((bucket) => bucket.impressions) }]}
          emptyText="No impressions in this period."
          testId="analytics-impressions-chart"
        />
      </Card>
      <Card className="space-y-3">
        <h2 className="font-semibold text-slate-900">Clicks per {per}</h2>
        <BarChart
          title={`Clicks per ${per} (UTC)`}
          labels={labels}
          series={[{ name: 'Clicks', values: buckets.map((bucket) => bucket.clicks) }]}
          emptyText="No clicks in this period."
          testId="analytics-clicks-chart"
        />
      </Card>
      {withClickThroughRate ? (
        <Card className="space-y-3">
          <h2 className="font-semibold text-slate-900">Click-through rate per {per}</h2>
          <LineChart
            title={`Click-through rate per ${per} (UTC)`}
            labels={labels}
            series={[
              {
                name: 'Click-through rate',
                values: buckets.map((bucket) =>
                  bucket.impressions > 0 ? bucket.clicks / bucket.impressions : 0,
                ),
              },
            ]}
            formatValue={formatClickThroughRate}
            emptyText="No click-through rate yet: it needs impressions and clicks in this period."
            testId="analytics-ctr-chart"
          />
        </Card>
      ) : null}
    </div>
  );
}
