/**
 * PostgreSQL side of ingestion alone: the same rows written by the slow path (INSERT … unnest …
 * ON CONFLICT DO NOTHING with the dirty-hours CTE) and by the fast path (binary COPY + dirty hours in one
 * transaction) each into the emptied day-partitioned table.
 *
 *   pnpm --filter @gametriggers/analytics-service exec tsx bench/statement-cost.ts
 *   STATEMENT_ROWS=200000 STATEMENT_BATCH=1000 STATEMENT_CONNECTIONS=4
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@gametriggers/testing';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { insertEventsSkippingStored, storeEvents } from '../src/ingest/group-commit-writer';
import type { StoredEvent } from '../src/ingest/stored-event';
import { analyticsMigrationsDir } from '../src/testing/analytics-harness';

const total = Number(process.env.STATEMENT_ROWS ?? 200_000);
const batchSize = Number(process.env.STATEMENT_BATCH ?? 1_000);
const connections = Number(process.env.STATEMENT_CONNECTIONS ?? 4);

const database = await createTestDatabase(analyticsMigrationsDir, 'analytics_statement_bench');
const pool = new pg.Pool({ connectionString: database.url, max: connections });
try {
  const overlayId = randomUUID();
  const streamerId = randomUUID();
  const participationId = randomUUID();
  const campaignId = randomUUID();
  const batches: StoredEvent[][] = [];
  for (let b = 0; b < total / batchSize; b += 1) {
    const at = new Date(Date.now() - (b % 100));
    batches.push(
      Array.from({ length: batchSize }, (_, i) => ({
        id: randomUUID(),
        at,
        overlayId,
        streamerId,
        type: 'heartbeat',
        adId: `ad-${i % 7}`,
        participationId,
        campaignId,
        viewers: 250,
        test: false,
        invalidReason: null,
      })),
    );
  }

  /** CPU seconds (user + system) a process has used so far, from /proc. */
  function cpuSecondsOf(pid: number) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  async function timed(
    name: string,
    write: (client: pg.PoolClient, batch: StoredEvent[]) => Promise<unknown>,
  ) {
    await pool.query('TRUNCATE overlay_events, dirty_hours');
    await pool.query('CHECKPOINT');
    const queue = [...batches];
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
    const pids = await Promise.all(
      clients.map(
        async (c) =>
          (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
      ),
    );
    const backendCpuBefore = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
    const nodeCpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        try {
          for (let batch = queue.pop(); batch; batch = queue.pop()) await write(client, batch);
        } finally {
          client.release();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const backendCpu = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - backendCpuBefore;
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM overlay_events');
    const stored = Number(rows[0]?.n);
    return {
      name,
      rows: stored,
      rowsPerSecond: Math.round(stored / seconds),
      backendCpuMicrosecondsPerRow: Math.round((backendCpu * 1e7) / stored) / 10,
      clientCpuMicrosecondsPerRow: Math.round(((nodeCpu.user + nodeCpu.system) / stored) * 10) / 10,
    };
  }

  const results = [];
  for (let round = 0; round < 2; round += 1) {
    results.push(
      await timed('insert … unnest … on conflict + dirty hours CTE', (client, batch) =>
        insertEventsSkippingStored(client, batch, new Date()),
      ),
      await timed('binary copy + dirty hours, one transaction', (client, batch) =>
        storeEvents(client, batch, new Date()),
      ),
    );
  }
  process.stdout.write(`${JSON.stringify({ total, batchSize, connections, results }, null, 2)}\n`);
} finally {
  await pool.end();
  await database.drop();
}
