import type pg from 'pg';
import type { StoredEvent } from './stored-event';

const INSERT_EVENTS = `
WITH inserted AS (
  INSERT INTO "overlay_events" ("id", "at", "receivedAt", "overlayId", "streamerId", "type", "adId",
    "participationId", "campaignId", "viewers", "test", "countable", "invalidReason")
  SELECT e.id, e.at, $1::timestamptz, e.overlay, e.streamer, e.type, e.ad, e.participation,
    e.campaign, e.viewers, e.test, e.reason IS NULL, e.reason
  FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::varchar[], $7::varchar[],
    $8::uuid[], $9::uuid[], $10::int[], $11::bool[], $12::varchar[])
    AS e(id, at, overlay, streamer, type, ad, participation, campaign, viewers, test, reason)
  ON CONFLICT DO NOTHING
  RETURNING "at", "countable"
)
INSERT INTO "dirty_hours" ("hourStart")
SELECT DISTINCT date_trunc('hour', "at", 'UTC') FROM inserted WHERE "countable"
ON CONFLICT DO NOTHING`;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export interface GroupCommitWriterOptions {
  pool: pg.Pool;
  /** Flush at most this long after the first waiting row arrived. */
  maxDelayMs: number;
  /** Flush at once when this many rows wait. */
  maxRows: number;
  /** Flushes running at the same time (each holds one connection). */
  concurrency: number;
  now: () => Date;
}

export interface GroupCommitWriter {
  /** Resolves once a committed transaction holds every row (or they were already stored). */
  write(events: StoredEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Group commit: rows of many requests wait a few milliseconds and go into one multi-row insert,
 * so thousands of acknowledgements share one commit instead of paying for one each.
 */
export function createGroupCommitWriter(options: GroupCommitWriterOptions): GroupCommitWriter {
  let rows: StoredEvent[] = [];
  let waiters: Waiter[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = 0;
  const knownDays = new Set<string>();
  const idle: Array<() => void> = [];

  async function ensurePartitions(client: pg.PoolClient, batch: StoredEvent[]) {
    const days = new Set(batch.map((event) => event.at.toISOString().slice(0, 10)));
    for (const day of days) {
      if (knownDays.has(day)) continue;
      await client.query('SELECT analytics_ensure_day_partition($1::date)', [day]);
      knownDays.add(day);
    }
  }

  async function insert(batch: StoredEvent[]) {
    const client = await options.pool.connect();
    try {
      await ensurePartitions(client, batch);
      const values = [
        options.now(),
        batch.map((e) => e.id),
        batch.map((e) => e.at.toISOString()),
        batch.map((e) => e.overlayId),
        batch.map((e) => e.streamerId),
        batch.map((e) => e.type),
        batch.map((e) => e.adId),
        batch.map((e) => e.participationId),
        batch.map((e) => e.campaignId),
        batch.map((e) => e.viewers),
        batch.map((e) => e.test),
        batch.map((e) => e.invalidReason),
      ];
      try {
        await client.query(INSERT_EVENTS, values);
      } catch (error) {
        // No partition holds a row: one known here was dropped, so check them all again.
        const { code, message } = error as { code?: string; message?: string };
        if (code !== '23514' || !message?.includes('no partition')) throw error;
        knownDays.clear();
        await ensurePartitions(client, batch);
        await client.query(INSERT_EVENTS, values);
      }
    } finally {
      client.release();
    }
  }

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    if (!rows.length || running >= options.concurrency) return;
    const batch = rows;
    const batchWaiters = waiters;
    rows = [];
    waiters = [];
    running += 1;
    insert(batch).then(
      () => batchWaiters.forEach((waiter) => waiter.resolve()),
      (error: unknown) => batchWaiters.forEach((waiter) => waiter.reject(error)),
    ).finally(() => {
      running -= 1;
      // Rows that queued while every connection was busy go out at once, as one bigger batch.
      if (rows.length) flush();
      else if (running === 0) idle.splice(0).forEach((done) => done());
    });
  }

  return {
    write(events) {
      if (!events.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        rows.push(...events);
        waiters.push({ resolve, reject });
        if (rows.length >= options.maxRows) flush();
        else timer ??= setTimeout(flush, options.maxDelayMs);
      });
    },
    async close() {
      flush();
      if (running > 0 || rows.length) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
