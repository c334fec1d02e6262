import { Counter } from '@gametriggers/trpc';

/** What a re-count added to the counted totals (it never takes away: the counters only rise). */
export interface CountedIncrease {
  impressions: number;
  clicks: number;
}

/** The analytics service's business counters, served on its `/metrics`. */
export function createAnalyticsMetrics() {
  const impressions = new Counter({
    name: 'gametriggers_impressions_counted_total',
    help: 'Impressions counted for billing (deduplicated, invalid traffic left out), as the hourly counts rise',
    registers: [],
  });
  const clicks = new Counter({
    name: 'gametriggers_clicks_counted_total',
    help: 'Clicks counted for billing (deduplicated, invalid traffic left out), as the hourly counts rise',
    registers: [],
  });
  return {
    metrics: [impressions, clicks],
    counted: (increase: CountedIncrease) => {
      impressions.inc(increase.impressions);
      clicks.inc(increase.clicks);
    },
  };
}
