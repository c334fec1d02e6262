import type { PlatformStatsRange } from '@gametriggers/contracts';
import type { IdentityDb } from '../database';

interface SignupRow {
  role: 'brand' | 'streamer';
  bucketStart: Date | null;
  accounts: number;
}

/**
 * Brand and streamer accounts: all of them as of `to`, those created in the window, and those per
 * bucket; one pass over the (role, createdAt) index.
 */
export async function signupStats(db: IdentityDb, range: PlatformStatsRange) {
  const rows = await db.$queryRaw<SignupRow[]>`
    SELECT "role", CASE WHEN "createdAt" >= ${range.from} THEN date_trunc(${range.granularity}, "createdAt") END AS "bucketStart",
      count(*)::int AS "accounts"
    FROM "User"
    WHERE "role" IN ('brand', 'streamer') AND "createdAt" < ${range.to}
    GROUP BY 1, 2`;
  const total = { brands: 0, streamers: 0 };
  const inRange = { brands: 0, streamers: 0 };
  const buckets = new Map<number, { bucketStart: Date; brands: number; streamers: number }>();
  for (const row of rows) {
    const key = row.role === 'brand' ? 'brands' : 'streamers';
    total[key] += row.accounts;
    if (!row.bucketStart) continue;
    inRange[key] += row.accounts;
    const bucket = buckets.get(row.bucketStart.getTime()) ?? {
      bucketStart: row.bucketStart,
      brands: 0,
      streamers: 0,
    };
    bucket[key] += row.accounts;
    buckets.set(row.bucketStart.getTime(), bucket);
  }
  const series = [...buckets.values()].sort(
    (a, b) => a.bucketStart.getTime() - b.bucketStart.getTime(),
  );
  return { total, inRange, series };
}
