import { recordEvent } from '@gametriggers/events';
import type { CountedIncrease } from '../analytics-metrics';
import type { AnalyticsDb, AnalyticsTx } from '../database';
import type { LinkClicks, SlotReading } from './slot-counting';
import { countHour, totalsChanged } from './slot-counting';

const HOUR_MS = 60 * 60_000;
/** Slots last at most ten minutes, so an hour's slots finish within the next one. */
const SLOT_SPILL_MS = HOUR_MS;
const ROLLUP_LOCK_SPACE = 7_410;

function hourOf(date: Date) {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

async function slotsDisplayedIn(db: AnalyticsTx, hourStart: Date) {
  const rows = await db.$queryRawUnsafe<
    Array<Omit<SlotReading, 'clicks'> & { clicks: number }>
  >(
    `WITH reports AS (
       SELECT DISTINCT ON ("id") "id", "at", "type", "adId", "participationId", "campaignId",
         "streamerId", "viewers"
       FROM "overlay_events"
       WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz AND "countable"
         AND "adId" IS NOT NULL AND "participationId" IS NOT NULL AND "campaignId" IS NOT NULL
       ORDER BY "id", "at"
     )
     SELECT "participationId"::text AS "participationId", "campaignId"::text AS "campaignId",
       "streamerId"::text AS "streamerId", "adId",
       min("at") FILTER (WHERE "type" = 'display_start') AS "displayedAt",
       max("viewers") FILTER (WHERE "type" IN ('display_start', 'heartbeat')) AS "maxViewers",
       (count(*) FILTER (WHERE "type" = 'click'))::int AS "clicks"
     FROM reports
     GROUP BY "participationId", "campaignId", "streamerId", "adId"`,
    hourStart,
    new Date(hourStart.getTime() + HOUR_MS + SLOT_SPILL_MS),
  );
  return rows;
}

/** Countable visits of tracked short links in the hour, per participation (they have no ad slot). */
async function linkClicksIn(db: AnalyticsTx, hourStart: Date): Promise<LinkClicks[]> {
  return db.$queryRaw<LinkClicks[]>`
    SELECT "participationId"::text AS "participationId", "campaignId"::text AS "campaignId",
      "streamerId"::text AS "streamerId", count(*)::int AS "clicks"
    FROM "link_clicks"
    WHERE "at" >= ${hourStart} AND "at" < ${new Date(hourStart.getTime() + HOUR_MS)} AND "countable"
    GROUP BY "participationId", "campaignId", "streamerId"`;
}

/**
 * Re-counts one hour from the raw reports and, in the same transaction, stores every changed
 * participation total with the next revision and announces it through the outbox. Running it
 * twice changes nothing the second time. `counted` hears what the committed totals rose by.
 */
export async function recountHour(
  db: AnalyticsDb,
  hourStart: Date,
  counted?: (increase: CountedIncrease) => void,
) {
  const increase: CountedIncrease = { impressions: 0, clicks: 0 };
  const changed = await db.$transaction(async (tx) => {
    increase.impressions = 0;
    increase.clicks = 0;
    // Two counts of the same hour (another replica's job) take turns, the second seeing the first's totals.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_SPACE}::int, ${Math.floor(hourStart.getTime() / HOUR_MS)}::int)`;
    const fresh = countHour(
      await slotsDisplayedIn(tx, hourStart),
      hourStart,
      await linkClicksIn(tx, hourStart),
    );
    const stored = await tx.hourlyCount.findMany({ where: { hourStart } });
    const storedBy = new Map(stored.map((row) => [row.participationId, row]));
    const freshIds = new Set(fresh.map((row) => row.participationId));
    // A participation counted before but absent now goes back to zero rather than keeping stale totals.
    const gone = stored
      .filter((row) => !freshIds.has(row.participationId))
      .map((row) => ({ ...row, impressions: 0, clicks: 0 }));
    let changed = 0;
    for (const total of [...fresh, ...gone]) {
      const before = storedBy.get(total.participationId);
      const previous = before
        ? { impressions: Number(before.impressions), clicks: before.clicks }
        : undefined;
      if (!totalsChanged(previous, total)) continue;
      increase.impressions += Math.max(0, total.impressions - (previous?.impressions ?? 0));
      increase.clicks += Math.max(0, total.clicks - (previous?.clicks ?? 0));
      const revision = (before?.revision ?? 0) + 1;
      await tx.hourlyCount.upsert({
        where: { participationId_hourStart: { participationId: total.participationId, hourStart } },
        create: { ...total, impressions: BigInt(total.impressions), hourStart, revision },
        update: { impressions: BigInt(total.impressions), clicks: total.clicks, revision },
      });
      await recordEvent(tx, 'analytics.participation_hour_counted', {
        participationId: total.participationId,
        campaignId: total.campaignId,
        streamerId: total.streamerId,
        hourStart: hourStart.toISOString(),
        impressions: total.impressions,
        clicks: total.clicks,
        revision,
      });
      changed += 1;
    }
    return changed;
  }, { timeout: 120_000, maxWait: 30_000 });
  if (increase.impressions > 0 || increase.clicks > 0) counted?.(increase);
  return changed;
}

/** Takes the hours ingestion marked; marks stay until taken, so none is lost to a busy job. */
async function claimDirtyHours(db: AnalyticsDb) {
  const rows = await db.$queryRaw<Array<{ hourStart: Date }>>`
    DELETE FROM "dirty_hours" WHERE "hourStart" IN (
      SELECT "hourStart" FROM "dirty_hours" ORDER BY "hourStart" LIMIT 500 FOR UPDATE SKIP LOCKED
    ) RETURNING "hourStart"`;
  return rows.map((row) => row.hourStart);
}

async function markDirty(db: AnalyticsDb, hours: Date[]) {
  for (const hourStart of hours) {
    await db.$executeRaw`INSERT INTO "dirty_hours" ("hourStart") VALUES (${hourStart}) ON CONFLICT DO NOTHING`;
  }
}

/**
 * Brings hourly counts up to date: every hour that received countable reports, the hour before it
 * (whose slots may spill over), and the current and previous hour as a safety net.
 */
export async function runRollup(
  db: AnalyticsDb,
  now: Date,
  counted?: (increase: CountedIncrease) => void,
) {
  const dirty = await claimDirtyHours(db);
  const hours = new Map<number, Date>();
  const add = (date: Date) => hours.set(date.getTime(), date);
  for (const hour of dirty) {
    add(hour);
    add(new Date(hour.getTime() - HOUR_MS));
  }
  add(hourOf(now));
  add(new Date(hourOf(now).getTime() - HOUR_MS));
  let changed = 0;
  try {
    for (const hour of [...hours.values()].sort((a, b) => a.getTime() - b.getTime())) {
      changed += await recountHour(db, hour, counted);
    }
  } catch (error) {
    await markDirty(db, dirty);
    throw error;
  }
  return { hours: hours.size, changed };
}

/** Creates the day partitions of `overlay_events` for today and the next `daysAhead` days. */
export async function ensurePartitionsAhead(db: AnalyticsDb, now: Date, daysAhead = 3) {
  for (let offset = 0; offset <= daysAhead; offset += 1) {
    const day = new Date(now.getTime() + offset * 24 * HOUR_MS).toISOString().slice(0, 10);
    await db.$executeRaw`SELECT analytics_ensure_day_partition(${day}::date)`;
  }
}
