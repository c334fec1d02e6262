import type {
  PlatformStatsGranularity,
  ReportRange,
  StreamerNameplate,
} from '@gametriggers/contracts';
import type { AnalyticsDb } from '../database';
import { withCtr } from './counts';
import { csvLine } from './csv';

/** Which hourly counts a report covers: one campaign, a brand's campaigns, one streamer, or everything. */
export type ReportScope =
  { campaignId: string } | { campaignIds: readonly string[] } | { streamerId: string } | 'platform';

/** A report's window; the admin dashboard's series also buckets by week or month. */
type SeriesRange = Pick<ReportRange, 'from' | 'to'> & {
  granularity: ReportRange['granularity'] | PlatformStatsGranularity;
};

interface Filter {
  sql: string;
  values: unknown[];
}

function filterOf(scope: ReportScope, range: SeriesRange): Filter {
  const values: unknown[] = [range.from, range.to];
  let sql = `"hourStart" >= $1::timestamptz AND "hourStart" < $2::timestamptz`;
  if (scope !== 'platform' && 'campaignIds' in scope) {
    values.push([...scope.campaignIds]);
    sql += ` AND "campaignId" = ANY($3::uuid[])`;
  } else if (scope !== 'platform') {
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

export async function totalsOf(db: AnalyticsDb, scope: ReportScope, range: SeriesRange) {
  const filter = filterOf(scope, range);
  const [row] = await db.$queryRawUnsafe<SumRow[]>(
    `SELECT sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}`,
    ...filter.values,
  );
  return withCtr(row?.impressions ?? 0, row?.clicks ?? 0);
}

/** Totals per hour or day; buckets without delivery are left out. */
export async function seriesOf(db: AnalyticsDb, scope: ReportScope, range: SeriesRange) {
  const filter = filterOf(scope, range);
  const rows = await db.$queryRawUnsafe<Array<SumRow & { bucketStart: Date }>>(
    `SELECT date_trunc('${range.granularity}', "hourStart", 'UTC') AS "bucketStart",
       sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1 HAVING sum("impressions") > 0 OR sum("clicks") > 0 ORDER BY 1`,
    ...filter.values,
  );
  return rows.map((row) => ({
    bucketStart: row.bucketStart,
    ...withCtr(row.impressions ?? 0, row.clicks ?? 0),
  }));
}

/**
 * Totals per streamer or per campaign, most impressions first. Hours re-counted to nothing leave
 * zero rows behind; those do not list anyone.
 */
export async function breakdownOf<K extends 'streamerId' | 'campaignId'>(
  db: AnalyticsDb,
  scope: ReportScope,
  range: SeriesRange,
  by: K,
  limit = 1_000,
) {
  const filter = filterOf(scope, range);
  const rows = await db.$queryRawUnsafe<Array<SumRow & { id: string }>>(
    `SELECT "${by}"::text AS id, sum("impressions")::bigint AS impressions,
       sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1 HAVING sum("impressions") > 0 OR sum("clicks") > 0 ORDER BY 2 DESC, 1 LIMIT ${Math.floor(limit)}`,
    ...filter.values,
  );
  return rows.map(
    (row) =>
      ({ [by]: row.id, ...withCtr(row.impressions ?? 0, row.clicks ?? 0) }) as Record<K, string> &
        ReturnType<typeof withCtr>,
  );
}

/** Everything delivered in the window, per bucket, with the ten campaigns and streamers delivering most. */
export async function platformReport(db: AnalyticsDb, range: SeriesRange) {
  const top = 10;
  const [totals, series, topCampaigns, topStreamers] = await Promise.all([
    totalsOf(db, 'platform', range),
    seriesOf(db, 'platform', range),
    breakdownOf(db, 'platform', range, 'campaignId', top),
    breakdownOf(db, 'platform', range, 'streamerId', top),
  ]);
  return { totals, series, topCampaigns, topStreamers };
}

/**
 * Totals per campaign, most impressions first, with how many streamers delivered each (a fixed fee
 * is charged per streamer who delivered).
 */
export async function campaignsWithStreamersOf(
  db: AnalyticsDb,
  scope: ReportScope,
  range: ReportRange,
) {
  const filter = filterOf(scope, range);
  const rows = await db.$queryRawUnsafe<Array<SumRow & { id: string; streamers: bigint }>>(
    `SELECT "campaignId"::text AS id, sum("impressions")::bigint AS impressions,
       sum("clicks")::bigint AS clicks,
       count(DISTINCT "streamerId") FILTER (WHERE "impressions" > 0)::bigint AS streamers
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1 HAVING sum("impressions") > 0 OR sum("clicks") > 0 ORDER BY 2 DESC, 1`,
    ...filter.values,
  );
  return rows.map((row) => ({
    campaignId: row.id,
    ...withCtr(row.impressions ?? 0, row.clicks ?? 0),
    deliveringStreamers: Number(row.streamers),
  }));
}

/**
 * A campaign's delivery since its first counted hour: the same hourly counts as every report, with
 * no window, for the figures a campaign's own page shows.
 */
export async function campaignToDateOf(db: AnalyticsDb, campaignId: string) {
  const [row] = await db.$queryRaw<Array<SumRow & { streamers: bigint }>>`
    SELECT sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks,
      count(DISTINCT "streamerId") FILTER (WHERE "impressions" > 0)::bigint AS streamers
    FROM "hourly_counts" WHERE "campaignId" = ${campaignId}::uuid`;
  return {
    totals: withCtr(row?.impressions ?? 0, row?.clicks ?? 0),
    deliveringStreamers: Number(row?.streamers ?? 0),
  };
}

/** Hourly or daily rows of one campaign's delivery per streamer, before naming the streamers. */
export async function campaignCsvRows(db: AnalyticsDb, campaignId: string, range: ReportRange) {
  const filter = filterOf({ campaignId }, range);
  return db.$queryRawUnsafe<Array<SumRow & { bucketStart: Date; streamerId: string }>>(
    `SELECT date_trunc('${range.granularity}', "hourStart", 'UTC') AS "bucketStart",
       "streamerId"::text AS "streamerId",
       sum("impressions")::bigint AS impressions, sum("clicks")::bigint AS clicks
     FROM "hourly_counts" WHERE ${filter.sql}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    ...filter.values,
  );
}

/** The rows as CSV, each streamer named by display name and channel beside their id. */
export function campaignCsv(
  rows: Awaited<ReturnType<typeof campaignCsvRows>>,
  nameplates: ReadonlyMap<string, StreamerNameplate>,
) {
  const lines = [
    csvLine([
      'period_start',
      'streamer_id',
      'streamer_name',
      'channel',
      'impressions',
      'clicks',
      'ctr',
    ]),
  ];
  for (const row of rows) {
    const counts = withCtr(row.impressions ?? 0, row.clicks ?? 0);
    const nameplate = nameplates.get(row.streamerId);
    lines.push(
      csvLine([
        row.bucketStart.toISOString(),
        row.streamerId,
        nameplate?.displayName ?? '',
        nameplate?.channelUrl ?? '',
        String(counts.impressions),
        String(counts.clicks),
        counts.ctr.toFixed(6),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
