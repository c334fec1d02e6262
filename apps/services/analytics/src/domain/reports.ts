import type { ReportRange } from '@gametriggers/contracts';
import type { AnalyticsDb } from '../database';
import { withCtr } from './counts';

/** Which hourly counts a report covers: one campaign, one streamer, or everything. */
export type ReportScope = { campaignId: string } | { streamerId: string } | 'platform';

interface Filter {
  sql: string;
  values: unknown[];
}

function filterOf(scope: ReportScope, range: ReportRange): Filter {
  const values: unknown[] = [range.from, range.to];
  let sql = `"hourStart" >= $1::timestamptz AND "hourStart" < $2::timestamptz`;
  if (scope !== 'platform') {
    const [column, id] =
      'campaignId' in scope ? ['campaignId', scope.campaignId] : ['streamerId', scope.streamerId];
    values.push(id);
    sql += ` AND "${column}" = $3::uuid`;
  }
  return { sql, values };
}

interface SumRow {
  impressions: bigint | null;
  clicks: bigint | null;
}

export async function totalsOf(db: AnalyticsDb, scope: ReportScope, range: ReportRange) {
  const filter = filterOf(scope, range);
  const [row] = await db.$queryRawUnsafe<SumRow[]>(
    `SELECT sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}`,
    ...filter.values,
  );
  return withCtr(row?.impressions ?? 0, row?.clicks ?? 0);
}

/** Totals per hour or day; buckets without delivery are left out. */
export async function seriesOf(db: AnalyticsDb, scope: ReportScope, range: ReportRange) {
  const filter = filterOf(scope, range);
  const rows = await db.$queryRawUnsafe<Array<SumRow & { bucketStart: Date }>>(
    `SELECT date_trunc('${range.granularity}', "hourStart", 'UTC') AS "bucketStart",
       sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1 ORDER BY 1`,
    ...filter.values,
  );
  return rows.map((row) => ({
    bucketStart: row.bucketStart,
    ...withCtr(row.impressions ?? 0, row.clicks ?? 0),
  }));
}

/** Totals per streamer or per campaign, most impressions first. */
export async function breakdownOf<K extends 'streamerId' | 'campaignId'>(
  db: AnalyticsDb,
  scope: ReportScope,
  range: ReportRange,
  by: K,
  limit = 1_000,
) {
  const filter = filterOf(scope, range);
  const rows = await db.$queryRawUnsafe<Array<SumRow & { id: string }>>(
    `SELECT "${by}"::text AS id, sum("impressions")::bigint AS impressions,
       sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${Math.floor(limit)}`,
    ...filter.values,
  );
  return rows.map(
    (row) =>
      ({ [by]: row.id, ...withCtr(row.impressions ?? 0, row.clicks ?? 0) }) as Record<K, string> &
        ReturnType<typeof withCtr>,
  );
}

/** Hourly or daily rows per streamer of one campaign, as CSV. */
export async function campaignCsv(db: AnalyticsDb, campaignId: string, range: ReportRange) {
  const filter = filterOf({ campaignId }, range);
  const rows = await db.$queryRawUnsafe<Array<SumRow & { bucketStart: Date; streamerId: string }>>(
    `SELECT date_trunc('${range.granularity}', "hourStart", 'UTC') AS "bucketStart",
       "streamerId"::text AS "streamerId",
       sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    ...filter.values,
  );
  const lines = ['period_start,streamer_id,impressions,clicks,ctr'];
  for (const row of rows) {
    const counts = withCtr(row.impressions ?? 0, row.clicks ?? 0);
    lines.push(
      [
        row.bucketStart.toISOString(),
        row.streamerId,
        counts.impressions,
        counts.clicks,
        counts.ctr.toFixed(6),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
