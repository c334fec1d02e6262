/**
 * Sustained ingestion through the real HTTP route against `src/main.ts` in its own process, then a
 * raw COPY of the very rows it stored into the same (emptied) table, for comparison.
 *
 *   pnpm --filter @gametriggers/analytics-service bench
 *   BENCH_SECONDS=15 BENCH_CLIENTS=12 BENCH_BATCH=100 BENCH_KEYS=64
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import pg from 'pg';
import { analyticsMigrationsDir, analyticsTestServiceSecret } from '../src/testing/analytics-harness';
import { startOverlayKeysStandIn } from '../src/testing/overlay-keys-stand-in';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const clients = Number(process.env.BENCH_CLIENTS ?? 12);
const batchSize = Number(process.env.BENCH_BATCH ?? 100);
const keyCount = Number(process.env.BENCH_KEYS ?? 64);
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
const keys = Array.from({ length: keyCount }, (_, i) => {
  const key = `bench-key-${i}`;
  overlays.setOverlay(key, { overlayId: randomUUID(), streamerId: randomUUID(), live: true });
  return key;
});
const port = await freePort();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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
    INGEST_RATE_PER_KEY: '1000000',
    INGEST_BURST_PER_KEY: '1000000',
  },
});

async function cleanUp() {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
  await overlays.close();
  await redis.clear();
  await database.drop();
}

try {
  for (let ready = false; !ready; ) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const participationId = randomUUID();
  const campaignId = randomUUID();
  function body() {
    const at = new Date().toISOString();
    const events = [];
    for (let i = 0; i < batchSize; i += 1) {
      events.push(
        `{"id":"${randomUUID()}","type":"heartbeat","at":"${at}","adId":"ad-${i % 7}","participationId":"${participationId}","campaignId":"${campaignId}","viewers":250}`,
      );
    }
    return `{"events":[${events.join(',')}]}`;
  }
  function post(key: string, payload: string) {
    return new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: '/ingest',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'x-overlay-key': key,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  // Warm-up: connections, key cache, JIT.
  await Promise.all(keys.map((key) => post(key, body())));
  // Batches are built before the clock starts so the load generator leaves the CPU to the service.
  const prepared = Array.from({ length: Number(process.env.BENCH_PREPARED ?? 8_000) }, body);
  const serviceCpuBefore = cpuSecondsOf(child.pid!);

  const latencies: number[] = [];
  let acknowledged = 0;
  let failed = 0;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let n = client;
      while (performance.now() < stopAt) {
        const payload = prepared.pop() ?? body();
        const sent = performance.now();
        const status = await post(keys[n++ % keys.length]!, payload);
        latencies.push(performance.now() - sent);
        if (status === 200) acknowledged += batchSize;
        else failed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const serviceCpu = cpuSecondsOf(child.pid!) - serviceCpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ingestRate = acknowledged / elapsed;

  // The same rows, raw: export what ingestion stored, empty the table, COPY them back in.
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const stored = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM overlay_events')).rows[0]?.n);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'analytics-bench-'));
  const file = path.join(dir, 'rows.csv');
  execFileSync('psql', [database.url, '-qc', `\\copy (SELECT * FROM overlay_events) TO '${file}' CSV`]);
  await db.query('TRUNCATE overlay_events');
  const copyStarted = performance.now();
  execFileSync('psql', [database.url, '-qc', `\\copy overlay_events FROM '${file}' CSV`]);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const copied = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM overlay_events')).rows[0]?.n);
  await db.end();
  rmSync(dir, { recursive: true, force: true });
  const copyRate = copied / copySeconds;

  const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: { cpus: os.cpus().length },
        setup: { seconds, clients, batchSize, overlayKeys: keyCount },
        ingest: {
          requests: latencies.length,
          failedRequests: failed,
          eventsAcknowledged: acknowledged,
          rowsStored: stored,
          eventsPerSecond: Math.round(ingestRate),
          ackLatencyMs: {
            p50: round(percentile(latencies, 50)),
            p99: round(percentile(latencies, 99)),
            max: round(latencies.at(-1) ?? NaN),
          },
          serviceCpuMicrosecondsPerEvent: round((serviceCpu * 1e6) / acknowledged, 2),
        },
        rawCopy: { rows: copied, seconds: round(copySeconds, 2), rowsPerSecond: Math.round(copyRate) },
        ingestToCopyRatio: round(ingestRate / copyRate, 2),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await cleanUp();
}
