/**
 * Sustained ingestion through the real HTTP route against `src/main.ts` in its own process, driven
 * by `bench/load-client.ts` in a third process, then raw COPYs (psql CSV, CSV, binary) of the very
 * rows it stored into the same emptied day-partitioned table with the same indexes; the ratio is
 * to the fastest of them.
 * CPU is reported per event for the service, the load client and the PostgreSQL backends.
 *
 *   pnpm --filter @gametriggers/analytics-service bench
 *   BENCH_SECONDS=15 BENCH_CLIENTS=12 BENCH_BATCH=100 BENCH_KEYS=64
 *   BENCH_CPU_PROF=/tmp/prof  (the service writes a V8 CPU profile there on exit)
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import pg from 'pg';
import { CopyFromBuffer } from '../src/ingest/group-commit-writer';
import {
  analyticsMigrationsDir,
  analyticsTestServiceSecret,
  highestIngestLimits,
} from '../src/testing/analytics-harness';
import { startConfiguredAdminService } from '../src/testing/configured-admin-service';
import { startOverlayKeysStandIn } from '../src/testing/overlay-keys-stand-in';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const seconds = Number(process.env.BENCH_SECONDS ?? (dryRun ? 1 : 15));
const clients = Number(process.env.BENCH_CLIENTS ?? (dryRun ? 2 : 12));
const batchSize = Number(process.env.BENCH_BATCH ?? (dryRun ? 10 : 100));
const keyCount = Number(process.env.BENCH_KEYS ?? (dryRun ? 4 : 64));
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSecondsOf(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const database = await createTestDatabase(analyticsMigrationsDir, 'analytics_bench');
const redis = createTestRedisNamespace('analytics-bench');
const overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
const admin = await startConfiguredAdminService(highestIngestLimits);
const keys = Array.from({ length: keyCount }, (_, i) => {
  const key = `bench-key-${i}`;
  overlays.setOverlay(key, {
    overlayId: randomUUID(),
    streamerId: randomUUID(),
    live: true,
    viewers: 250,
  });
  return key;
});
const port = await freePort();
const cpuProfileDir = process.env.BENCH_CPU_PROF;
const child = spawn(
  process.execPath,
  [
    ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : []),
    '--import',
    'tsx',
    'src/main.ts',
  ],
  {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: redis.prefix,
      SERVICE_SECRET: analyticsTestServiceSecret,
      IDENTITY_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
      OVERLAY_SERVICE_URL: overlays.url,
      ADMIN_SERVICE_URL: admin.url,
    },
  },
);

async function cleanUp() {
  if (child.exitCode === null) {
    // SIGTERM lets the service close (and write its CPU profile); SIGKILL if it hangs.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timeout);
  }
  await overlays.close();
  await admin.close();
  await redis.clear();
  await database.drop();
}

try {
  for (let ready = false; !ready;) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /** Runs the load generator in its own process and returns what it printed. */
  async function runLoadClient(extraEnv: Record<string, string>) {
    const client = spawn(process.execPath, ['--import', 'tsx', 'bench/load-client.ts'], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        BENCH_PORT: String(port),
        BENCH_SECONDS: String(seconds),
        BENCH_CLIENTS: String(clients),
        BENCH_BATCH: String(batchSize),
        BENCH_KEYS: keys.join(','),
        ...extraEnv,
      },
    });
    let output = '';
    client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const [code] = (await once(client, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the load client exited with ${code}`);
    return JSON.parse(output) as Record<string, unknown>;
  }

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  /** The service's PostgreSQL backends (its ingest pool and Prisma), by process id. */
  async function serviceBackends() {
    const { rows } = await db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  }
  const cpuOfAll = (pids: number[]) =>
    pids.reduce((sum, pid) => {
      try {
        return sum + cpuSecondsOf(pid);
      } catch {
        return sum; // a backend that ended meanwhile
      }
    }, 0);

  // Warm-up: connections, key cache, JIT.
  await runLoadClient({ BENCH_WARM_UP: '1' });
  const warmedUp = Number(
    (await db.query<{ n: string }>('SELECT count(*) AS n FROM overlay_events')).rows[0]?.n,
  );
  await db.query('CHECKPOINT'); // both phases start from a checkpoint (same full-page-write cost)
  const backends = await serviceBackends();
  const commits = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
        )
      ).rows[0]?.n,
    );
  const commitsBefore = await commits();
  const serviceCpuBefore = cpuSecondsOf(child.pid!);
  const backendCpuBefore = cpuOfAll(backends);
  const load = (await runLoadClient({})) as {
    elapsed: number;
    acknowledged: number;
    statuses: Record<string, number>;
    latencies: number[];
    cpuSeconds: number;
  };
  const serviceCpu = cpuSecondsOf(child.pid!) - serviceCpuBefore;
  const backendCpu = cpuOfAll(backends) - backendCpuBefore;
  // pg_stat_database lags by up to its flush interval; close enough over 15 s.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const transactions = (await commits()) - commitsBefore;
  const latencies = load.latencies.sort((a, b) => a - b);
  const acknowledged = load.acknowledged;
  const ingestRate = acknowledged / load.elapsed;

  // The same rows, raw: export what ingestion stored, empty the table, COPY them back in.
  const stored = Number(
    (await db.query<{ n: string }>('SELECT count(*) AS n FROM overlay_events')).rows[0]?.n,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'analytics-bench-'));
  const files = { csv: path.join(dir, 'rows.csv'), binary: path.join(dir, 'rows.bin') };
  for (const [format, file] of Object.entries(files)) {
    execFileSync('psql', [
      database.url,
      '-qc',
      `\\copy (SELECT * FROM overlay_events) TO '${file}' (FORMAT ${format})`,
    ]);
  }
  const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

  /**
   * Empties the table and COPYs the rows back in: with psql from a CSV file (as an operator
   * would), or as one COPY FROM STDIN here, in CSV and in binary (what the service sends).
   */
  async function rawCopy(via: 'psql csv' | 'csv' | 'binary') {
    await db.query('TRUNCATE overlay_events');
    await db.query('CHECKPOINT');
    const backend = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
      .pid;
    const format = via === 'binary' ? 'binary' : 'csv';
    const data = via === 'psql csv' ? undefined : readFileSync(files[format]);
    const cpuBefore = cpuSecondsOf(backend);
    const started = performance.now();
    if (data) {
      const copy = new CopyFromBuffer(`COPY overlay_events FROM STDIN (FORMAT ${format})`, data);
      void db.query(copy as unknown as pg.Submittable);
      await copy.done;
    } else {
      execFileSync('psql', [database.url, '-qc', `\\copy overlay_events FROM '${files.csv}' CSV`]);
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = Number(
      (await db.query<{ n: string }>('SELECT count(*) AS n FROM overlay_events')).rows[0]?.n,
    );
    return {
      via,
      rows,
      seconds: round(seconds, 2),
      rowsPerSecond: Math.round(rows / seconds),
      // psql's COPY runs in a backend of its own, gone before it could be read.
      ...(data
        ? {
            postgresCpuMicrosecondsPerRow: round(
              ((cpuSecondsOf(backend) - cpuBefore) * 1e6) / rows,
              2,
            ),
          }
        : {}),
    };
  }
  const copies = [await rawCopy('psql csv'), await rawCopy('csv'), await rawCopy('binary')];
  await db.end();
  rmSync(dir, { recursive: true, force: true });
  // The fastest of them is the one to compare with.
  const copyRate = Math.max(...copies.map((c) => c.rowsPerSecond));

  const perEvent = (cpuSeconds: number) => round((cpuSeconds * 1e6) / acknowledged, 2);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((n) => round(n, 2)) },
        setup: { seconds, clients, batchSize, overlayKeys: keyCount },
        ingest: {
          requests: latencies.length,
          statuses: load.statuses,
          eventsAcknowledged: acknowledged,
          rowsStored: stored - warmedUp,
          eventsPerSecond: Math.round(ingestRate),
          ackLatencyMs: {
            p50: round(percentile(latencies, 50)),
            p99: round(percentile(latencies, 99)),
            max: round(latencies.at(-1) ?? NaN),
          },
          eventsPerTransaction: Math.round(acknowledged / transactions),
          cpuMicrosecondsPerEvent: {
            service: perEvent(serviceCpu),
            postgresBackends: perEvent(backendCpu),
            loadClient: perEvent(load.cpuSeconds),
          },
        },
        rawCopy: copies.map((copy) => ({
          ...copy,
          ingestRatio: round(ingestRate / copy.rowsPerSecond, 2),
        })),
        ingestToFastestCopyRatio: round(ingestRate / copyRate, 2),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await cleanUp();
}
