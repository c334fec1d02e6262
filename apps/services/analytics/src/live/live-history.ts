import type { EventEnvelope, EventHandlers } from '@gametriggers/events';
import type { AnalyticsDb, AnalyticsTx } from '../database';
import type { LiveChange } from '../ingest/traffic-rules';
import { END_OF_STREAM_GRACE_MS, MAX_LATE_MS } from '../ingest/traffic-rules';

/**
 * Records each `streamer.live_status_changed` as a fact at its time. Arrival order does not matter:
 * the status at any moment is the latest change at or before it. A replayed event changes nothing.
 */
export function liveHistoryHandlers(): EventHandlers {
  return {
    'streamer.live_status_changed': async (
      event: EventEnvelope<'streamer.live_status_changed'>,
      tx: unknown,
    ) => {
      const { streamerId, live, viewers } = event.payload;
      await (tx as AnalyticsTx).$executeRaw`
        INSERT INTO "live_changes" ("streamerId", "at", "live", "viewers")
        VALUES (${streamerId}::uuid, ${new Date(event.occurredAt)}, ${live}, ${viewers})
        ON CONFLICT DO NOTHING`;
    },
  };
}

/**
 * The changes that decide a streamer's status between `fromMs` (less the end-of-stream grace) and
 * `toMs`: those inside the span and the last one before it, oldest first.
 */
export async function liveChangesBetween(
  db: AnalyticsDb,
  streamerId: string,
  fromMs: number,
  toMs: number,
): Promise<LiveChange[]> {
  const rows = await db.$queryRaw<Array<{ at: Date; live: boolean; viewers: number }>>`
    SELECT "at", "live", "viewers" FROM "live_changes"
    WHERE "streamerId" = ${streamerId}::uuid AND "at" <= ${new Date(toMs)}
      AND "at" >= COALESCE(
        (SELECT max("at") FROM "live_changes"
         WHERE "streamerId" = ${streamerId}::uuid AND "at" <= ${new Date(fromMs - END_OF_STREAM_GRACE_MS)}),
        '-infinity')
    ORDER BY "at"`;
  return rows.map((row) => ({ atMs: row.at.getTime(), live: row.live, viewers: row.viewers }));
}

/**
 * Forgets changes no report can be judged by any more (reports later than `MAX_LATE_MS` are refused),
 * keeping each streamer's last one before that, which still tells the status after it.
 */
export function pruneLiveChanges(db: AnalyticsDb, now: Date) {
  const horizon = new Date(now.getTime() - MAX_LATE_MS - END_OF_STREAM_GRACE_MS);
  return db.$executeRaw`
    DELETE FROM "live_changes" AS old
    WHERE old."at" < ${horizon} AND EXISTS (
      SELECT 1 FROM "live_changes" AS newer
      WHERE newer."streamerId" = old."streamerId" AND newer."at" > old."at" AND newer."at" < ${horizon})`;
}
