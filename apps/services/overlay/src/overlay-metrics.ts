import { Gauge } from '@gametriggers/trpc';
import type { OverlayDb } from './database';

/**
 * Overlays on a stream now: their streamer is live (as the streamer service last said) and not
 * suspended, so the delivery cycle serves them.
 */
export async function countLiveOverlays(db: OverlayDb): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ live: number }>>`
    SELECT count(*)::int AS "live"
    FROM "overlays" o
    JOIN "streamer_live_statuses" s ON s."streamerId" = o."streamerId" AND s."live"
    WHERE NOT EXISTS (
      SELECT 1 FROM "streamer_suspensions" x WHERE x."streamerId" = o."streamerId" AND x."suspended"
    )`;
  return row?.live ?? 0;
}

/** The overlay service's business gauge, read from its database at each scrape. */
export function createOverlayMetrics(db: OverlayDb) {
  return {
    metrics: [
      new Gauge({
        name: 'gametriggers_live_overlays',
        help: 'Overlays whose streamer is live and not suspended (the ones the delivery cycle serves)',
        registers: [],
        async collect() {
          this.set(await countLiveOverlays(db));
        },
      }),
    ],
  };
}
