import type { StreamerDb } from '../database';

/** The dashboard's streamers: onboarded, live now, and the viewers watching them. */
export async function streamerPlatformStats(db: StreamerDb) {
  const [row] = await db.$queryRaw<
    Array<{ onboarded: number; liveNow: number; liveViewers: number }>
  >`
    SELECT count(*)::int AS "onboarded", count(*) FILTER (WHERE "live")::int AS "liveNow",
      coalesce(sum("liveViewers") FILTER (WHERE "live"), 0)::int AS "liveViewers"
    FROM "streamers"`;
  return row ?? { onboarded: 0, liveNow: 0, liveViewers: 0 };
}
