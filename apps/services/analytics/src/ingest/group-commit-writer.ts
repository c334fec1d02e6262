import type pg from 'pg';
import type { StoredEvent } from './stored-event';
import { countableHoursOf, STORED_EVENT_COLUMNS, storedEventsAsCopyBinary } from './stored-event';

const COPY_EVENTS = `COPY "overlay_events" (${STORED_EVENT_COLUMNS}) FROM STDIN (FORMAT binary)`;

const DAY_MS = 24 * 60 * 60_000;
const COPY_CHUNK_BYTES = 64 * 1024;

/** A row of this batch is already stored (a replay) or appears twice in it. */
const UNIQUE_VIOLATION = '23505';

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

/** The part of pg's connection a COPY FROM STDIN needs (as pg-copy-streams uses it). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` of one prepared buffer, as a pg submittable: PostgreSQL's bulk path writes
 * many rows per heap page and WAL record, where INSERT writes one by one.
 */
export class CopyFromBuffer {
  private failed = false;
  readonly done: Promise<void>;
  private settle!: { resolve(): void; reject(error: unknown): void };

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: CopyConnection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection) {
    // In pieces, as psql sends a file: the server parses while the rest arrives.
    for (let start = 0; start < this.data.length; start += COPY_CHUNK_BYTES) {
      connection.sendCopyFromChunk(this.data.subarray(start, start + COPY_CHUNK_BYTES));
    }
    connection.endCopyFrom();
  }

  handleCommandComplete() {}

  /** A server error (ready-for-query follows) or a lost connection (nothing follows). */
  handleError(error: unknown) {
    this.failed = true;
    this.settle.reject(error);
  }

  handleReadyForQuery() {
    if (!this.failed) this.settle.resolve();
  }
}

/** The slow path: one INSERT that skips rows already stored (replays, repeats in the batch). */
export async function insertEventsSkippingStored(
  client: pg.ClientBase,
  batch: StoredEvent[],
  receivedAt: Date,
) {
  await client.query(INSERT_EVENTS, [
    receivedAt,
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
  ]);
}

/**
 * The hours' marks and the commit as one simple query (two statements, one round trip). The hours
 * are ISO strings this process formatted from numbers, so they are inlined as literals.
 */
function markHoursAndCommit(hours: string[]) {
  if (!hours.length) return 'COMMIT';
  const values = hours.map((hour) => `('${hour}'::timestamptz)`).join(', ');
  return `INSERT INTO "dirty_hours" ("hourStart") VALUES ${values} ON CONFLICT DO NOTHING; COMMIT`;
}

/**
 * The fast path: COPY the batch and mark its hours in one transaction, in two round trips
 * (`BEGIN; COPY …` and `INSERT …; COMMIT`). The primary key refuses the whole COPY when any row is
 * already stored; then the batch goes the slow path instead, so a replay is stored once either way.
 */
export async function storeEvents(client: pg.ClientBase, batch: StoredEvent[], receivedAt: Date) {
  const copy = new CopyFromBuffer(
    `BEGIN; ${COPY_EVENTS}`,
    storedEventsAsCopyBinary(batch, receivedAt),
  );
  try {
    void client.query(copy as unknown as pg.Submittable);
    await copy.done;
    await client.query(markHoursAndCommit(countableHoursOf(batch)));
  } catch (error) {
    // Ends the failed transaction (a warning only when it never began).
    await client.query('ROLLBACK');
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await insertEventsSkippingStored(client, batch, receivedAt);
  }
}

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
 * Group commit: rows of many requests wait up to `maxDelayMs` (or, while every connection is busy,
 * until one frees) and go into one COPY, so thousands of acknowledgements share one commit instead
 * of paying for one each.
 */
export function createGroupCommitWriter(options: GroupCommitWriterOptions): GroupCommitWriter {
  let rows: StoredEvent[] = [];
  let waiters: Waiter[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = 0;
  const knownDays = new Set<string>();
  const idle: Array<() => void> = [];

  async function ensurePartitions(client: pg.PoolClient, batch: StoredEvent[]) {
    // Days as numbers first: one toISOString per day, not per row.
    const days = new Set<number>();
    for (const event of batch) days.add(Math.floor(event.at.getTime() / DAY_MS));
    for (const dayNumber of days) {
      const day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      if (knownDays.has(day)) continue;
      await client.query('SELECT analytics_ensure_day_partition($1::date)', [day]);
      knownDays.add(day);
    }
  }

  async function insert(batch: StoredEvent[]) {
    const client = await options.pool.connect();
    let broken: Error | undefined;
    try {
      await ensurePartitions(client, batch);
      try {
        await storeEvents(client, batch, options.now());
      } catch (error) {
        // No partition holds a row: one known here was dropped, so check them all again.
        const { code, message } = error as { code?: string; message?: string };
        if (code !== '23514' || !message?.includes('no partition')) throw error;
        knownDays.clear();
        await ensurePartitions(client, batch);
        await storeEvents(client, batch, options.now());
      }
    } catch (error) {
      // A connection that failed mid-transaction is not handed to the next batch.
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
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
    insert(batch)
      .then(
        () => batchWaiters.forEach((waiter) => waiter.resolve()),
        (error: unknown) => batchWaiters.forEach((waiter) => waiter.reject(error)),
      )
      .finally(() => {
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
