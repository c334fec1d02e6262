import type { OverlayDb } from '../database';

/** Rotation and caps read the last hour of shown ads; a week more leaves room to look into a complaint. */
export const AD_SHOW_RETENTION_MS = 7 * 24 * 3_600_000;
const DELETE_BATCH = 5_000;

/**
 * Deletes the shown ads older than the retention window, a batch at a time so no long lock is held
 * on a table the delivery cycle writes to. Returns how many it deleted.
 */
export async function pruneAdShows(db: OverlayDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - AD_SHOW_RETENTION_MS);
  let deleted = 0;
  for (;;) {
    const batch = await db.$executeRaw`
      DELETE FROM "ad_shows" WHERE "id" IN (
        SELECT "id" FROM "ad_shows" WHERE "shownAt" < ${cutoff} LIMIT ${DELETE_BATCH})`;
    deleted += batch;
    if (batch < DELETE_BATCH) return deleted;
  }
}
