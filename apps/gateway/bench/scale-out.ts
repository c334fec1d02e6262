/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Scale-out on loopback: one replica of a service behind the gateway against two, every replica
 * its own node process (as production runs pods), the gateway in its own, the load generator
 * (`bench/scale-out-load.ts`) in another. Measured: (a) the API, identity `me` through the gateway
 * (an authenticated read); (b) the ingest, analytics' `/ingest` through the gateway's public route,
 * with one request in ten replaying a batch already acknowledged. After each ingest run the events
 * stored in analytics' database are counted against the distinct events acknowledged: the replicas
 * share the database, whose primary key keeps a replayed event once.
 *
 *   pnpm --filter @gametriggers/gateway bench  (after me-round-trip)
 *   SCALE_SECONDS=10 SCALE_ROUNDS=2 API_CONCURRENCY=32 INGEST_CONCURRENCY=12 INGEST_BATCH=100
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyticsMigrationsDir, highestIngestLimits } from '@gametriggers/analytics-service/testing';
import { startConfiguredAdminService } from '@gametriggers/analytics-service/testing/configured-admin-service';
import { startOverlayKeysStandIn } from '@gametriggers/analytics-service/testing/overlay-keys-stand-in';
import { identityMigrationsDir, testServiceSecret } from '@gametriggers/identity-service/testing';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import { createTestDatabase, createTestRedisNamespace, freePort, serviceProcesses } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { createTRPCClient, httpLink } from '@trpc/client';
import pg from 'pg';
import superjson from 'superjson';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const seconds = Number(process.env.SCALE_SECONDS ?? (dryRun ? 1 : 10));
const rounds = Number(process.env.SCALE_ROUNDS ?? (dryRun ? 1 : 2));
const apiConcurrency = Number(process.env.API_CONCURRENCY ?? (dryRun ? 2 : 32));
const ingestConcurrency = Number(process.env.INGEST_CONCURRENCY ?? (dryRun ? 2 : 12));
const ingestBatch = Number(process.env.INGEST_BATCH ?? (dryRun ? 10 : 100));
const overlayKeys = dryRun ? 4 : 64;

const here = path.dirname(fileURLToPath(import.meta.url));
const gatewayDir = path.resolve(here, '..');
const servicesDir = path.resolve(here, '../../services');
const serviceSecret = testServiceSecret;

// Each replica and the gateways: `src/main.ts` of their package, a process each, ready when returned.
const processes = {
  identity: serviceProcesses(path.join(servicesDir, 'identity')),
  analytics: serviceProcesses(path.join(servicesDir, 'analytics')),
  gateway: serviceProcesses(gatewayDir),
};

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSecondsOf(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface LoadResult {
  elapsed: number;
  statuses: Record<string, number>;
  latencies: number[];
  distinctEventsAcknowledged: number;
  replayedEventsAcknowledged: number;
}

async function runLoad(env: Record<string, string>): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale-out-load.ts'], {
    cwd: gatewayDir,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SECONDS: String(seconds), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(output) as LoadResult;
}

const databases = {
  identity: await createTestDatabase(identityMigrationsDir, 'identity_scale_bench'),
  analytics: await createTestDatabase(analyticsMigrationsDir, 'analytics_scale_bench'),
};
const redis = createTestRedisNamespace('scale-bench');
const overlays = await startOverlayKeysStandIn(serviceSecret);
const admin = await startConfiguredAdminService(highestIngestLimits);
const keys = Array.from({ length: overlayKeys }, (_, i) => {
  const key = `scale-bench-overlay-key-${i}`;
  overlays.setOverlay(key, { overlayId: randomUUID(), streamerId: randomUUID(), live: true, viewers: 250 });
  return key;
});

async function cleanUp() {
  for (const started of Object.values(processes)) started.stopAll();
  await overlays.close();
  await admin.close();
  await redis.clear();
  await databases.identity.drop();
  await databases.analytics.drop();
}

try {
  const shared = { REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix, SERVICE_SECRET: serviceSecret };
  const identityEnv = {
    ...shared,
    DATABASE_URL: databases.identity.url,
    SIGNING_KEY_SECRET: randomBytes(32).toString('base64url'),
    IDENTITY_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    IDENTITY_ENCRYPTION_ACTIVE_KEY_ID: 'bench',
  };
  // One after the other: the first creates the signing key both then serve.
  const identityProcesses = [await processes.identity.start(identityEnv)];
  identityProcesses.push(await processes.identity.start(identityEnv));
  const identity = identityProcesses.map((started) => started.url);
  const jwksUrl = `${identity[0]}/.well-known/jwks.json`;
  const analyticsEnv = {
    ...shared,
    DATABASE_URL: databases.analytics.url,
    IDENTITY_JWKS_URL: jwksUrl,
    OVERLAY_SERVICE_URL: overlays.url,
    ADMIN_SERVICE_URL: admin.url,
  };
  const analyticsProcesses = [await processes.analytics.start(analyticsEnv), await processes.analytics.start(analyticsEnv)];
  const analytics = analyticsProcesses.map((started) => started.url);

  /** A gateway process routing identity and analytics to their first `replicas` replicas. */
  const gatewayTo = async (replicas: number) =>
    processes.gateway.start({
      ...shared,
      REDIS_PREFIX: redis.prefix,
      METRICS_PORT: String(await freePort()),
      IDENTITY_JWKS_URL: jwksUrl,
      IDENTITY_SERVICE_URL: identity.slice(0, replicas).join(','),
      ANALYTICS_SERVICE_URL: analytics.slice(0, replicas).join(','),
      RATE_LIMIT_PER_USER: '1000000000',
      RATE_LIMIT_PER_IP: '1000000000',
      OVERLAY_RATE_LIMIT_PER_IP: '1000000000',
      OVERLAY_RATE_LIMIT_PER_KEY: '1000000000',
    });
  const gatewayProcesses = { 1: await gatewayTo(1), 2: await gatewayTo(2) };
  const gateways = { 1: gatewayProcesses[1].url, 2: gatewayProcesses[2].url };

  const email = 'scale-bench@example.com';
  const password = 'a strong password';
  const identityClient = (headers: Record<string, string> = {}) =>
    createTRPCClient<IdentityRouter>({
      links: [httpLink({ url: `${identity[0]}/trpc`, transformer: superjson, headers })],
    });
  await identityClient({ 'x-service-token': await signServiceToken(serviceSecret, 'bench') })
    .identity.seedDemoUser.mutate({ email, password, name: 'Scale Bench', role: 'brand' });
  const session = await identityClient().identity.login.mutate({ email, password });

  const db = new pg.Client({ connectionString: databases.analytics.url });
  await db.connect();
  const storedEvents = async () => {
    const { rows } = await db.query<{ counted: string; stored: string; distinct: string }>(
      `SELECT count(*) FILTER (WHERE countable) AS counted, count(*) AS stored,
              count(DISTINCT id) AS distinct FROM overlay_events`,
    );
    return { counted: Number(rows[0]?.counted), stored: Number(rows[0]?.stored), distinct: Number(rows[0]?.distinct) };
  };

  interface Figures {
    perSecond: number;
    p50: number;
    p99: number;
    failed: number;
    /** CPU the replicas in use got, in cores (CPU seconds per second of the run). */
    replicaCores: number;
    gatewayCores: number;
  }
  const figuresOf = (
    { load, replicaCores, gatewayCores }: { load: LoadResult; replicaCores: number; gatewayCores: number },
    unitsPerRequest: number,
  ): Figures => {
    const sorted = load.latencies.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    const ok = load.statuses['200'] ?? 0;
    return {
      perSecond: (ok * unitsPerRequest) / load.elapsed,
      p50: at(0.5),
      p99: at(0.99),
      failed: sorted.length - ok,
      replicaCores,
      gatewayCores,
    };
  };

  const readLoad = (replicas: 1 | 2) =>
    runLoad({
      MODE: 'read',
      LOAD_URL: `${gateways[replicas]}/api/identity/identity.me`,
      AUTHORIZATION: `Bearer ${session.accessToken}`,
      CONCURRENCY: String(apiConcurrency),
    });
  const dedupeChecks: Array<{ replicas: number; distinctSent: number; replayed: number; counted: number; stored: number; distinctStored: number }> = [];
  const ingestLoad = async (replicas: 1 | 2) => {
    const before = await storedEvents();
    const load = await runLoad({
      MODE: 'ingest',
      LOAD_URL: `${gateways[replicas]}/ingest`,
      KEYS: keys.join(','),
      BATCH: String(ingestBatch),
      CONCURRENCY: String(ingestConcurrency),
    });
    const after = await storedEvents();
    dedupeChecks.push({
      replicas,
      distinctSent: load.distinctEventsAcknowledged,
      replayed: load.replayedEventsAcknowledged,
      counted: after.counted - before.counted,
      stored: after.stored - before.stored,
      distinctStored: after.distinct - before.distinct,
    });
    return load;
  };

  // Warm-up: connections, caches, JIT, in every process.
  for (const replicas of [1, 2] as const) {
    await readLoad(replicas);
    await ingestLoad(replicas);
  }
  dedupeChecks.length = 0;

  /** Requests a replica answered 200 on `route` so far, from its own `/metrics`. */
  const servedBy = async (replicaUrl: string, route: string) =>
    (await (await fetch(`${replicaUrl}/metrics`)).text())
      .split('\n')
      .filter((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes(`route="${route}"`) && line.includes('status="200"'))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  const served = { identity: [0, 0], analytics: [0, 0] };
  /** Runs a load, counting what each replica served and the CPU the replicas in use and the gateway got. */
  const measured = async (service: 'identity' | 'analytics', replicas: 1 | 2, run: () => Promise<LoadResult>) => {
    const urls = service === 'identity' ? identity : analytics;
    const route = service === 'identity' ? '/trpc' : '/ingest';
    const pids = (service === 'identity' ? identityProcesses : analyticsProcesses).slice(0, replicas).map((started) => started.child.pid!);
    const gatewayPid = gatewayProcesses[replicas].child.pid!;
    const before = await Promise.all(urls.map((url) => servedBy(url, route)));
    const cpuBefore = { replicas: pids.map(cpuSecondsOf), gateway: cpuSecondsOf(gatewayPid) };
    const load = await run();
    const replicaCores = pids.reduce((sum, pid, i) => sum + cpuSecondsOf(pid) - cpuBefore.replicas[i]!, 0) / load.elapsed;
    const gatewayCores = (cpuSecondsOf(gatewayPid) - cpuBefore.gateway) / load.elapsed;
    const after = await Promise.all(urls.map((url) => servedBy(url, route)));
    if (replicas === 2) after.forEach((count, i) => (served[service][i]! += count - before[i]!));
    return { load, replicaCores, gatewayCores };
  };

  // Rounds alternate 1 and 2 replicas, so a change in the machine's load hits both alike.
  const results = { api: { 1: [] as Figures[], 2: [] as Figures[] }, ingest: { 1: [] as Figures[], 2: [] as Figures[] } };
  const loadAverages: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const replicas of [1, 2] as const) {
      results.api[replicas].push(figuresOf(await measured('identity', replicas, () => readLoad(replicas)), 1));
      results.ingest[replicas].push(figuresOf(await measured('analytics', replicas, () => ingestLoad(replicas)), ingestBatch));
      loadAverages.push(os.loadavg()[0] ?? NaN);
    }
  }
  await db.end();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const summary = (runs: Figures[]): Figures => ({
    perSecond: median(runs.map((run) => run.perSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    replicaCores: median(runs.map((run) => run.replicaCores)),
    gatewayCores: median(runs.map((run) => run.gatewayCores)),
  });
  const rows = [
    { name: `API: identity me via gateway, ${apiConcurrency} concurrent (req/s)`, one: summary(results.api[1]), two: summary(results.api[2]) },
    { name: `ingest: /ingest via gateway, ${ingestConcurrency} concurrent × ${ingestBatch} (events/s)`, one: summary(results.ingest[1]), two: summary(results.ingest[2]) },
  ];
  const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(
    `\nScale-out on loopback (${os.cpus().length} cores): each replica, the gateway and the load generator ` +
      `a process of their own; ${rounds} rounds of ${seconds} s per figure alternating 1 and 2 replicas (median shown)\n`,
  );
  console.log('| path | 1 replica /s | p50 / p99 ms | 2 replicas /s | p50 / p99 ms | ratio | cores: replicas, gateway (1 → 2) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${n(row.one.perSecond)} | ${n(row.one.p50, 1)} / ${n(row.one.p99, 1)} | ` +
        `${n(row.two.perSecond)} | ${n(row.two.p50, 1)} / ${n(row.two.p99, 1)} | ${n(row.two.perSecond / row.one.perSecond, 2)} | ` +
        `${n(row.one.replicaCores, 2)}, ${n(row.one.gatewayCores, 2)} → ${n(row.two.replicaCores, 2)}, ${n(row.two.gatewayCores, 2)} |`,
    );
  }
  const failed = rows.reduce((sum, row) => sum + row.one.failed + row.two.failed, 0);
  console.log(`\nrequests not answered 200: ${failed}`);
  console.log(
    `with 2 replicas, requests each replica served: identity ${served.identity.map((count) => n(count)).join(' / ')}, ` +
      `analytics ${served.analytics.map((count) => n(count)).join(' / ')}`,
  );
  console.log('\nNothing counted twice (each ingest run, rows added to analytics’ overlay_events):');
  let doubleCounted = false;
  for (const check of dedupeChecks) {
    const holds = check.counted === check.distinctSent && check.stored === check.distinctSent && check.distinctStored === check.distinctSent;
    doubleCounted ||= !holds;
    console.log(
      `  ${check.replicas} replica(s): ${n(check.distinctSent)} distinct events acknowledged ` +
        `(+ ${n(check.replayed)} replayed); rows counted ${n(check.counted)}, stored ${n(check.stored)}, ` +
        `distinct ids ${n(check.distinctStored)}: ${holds ? 'equal' : 'NOT EQUAL'}`,
    );
  }
  console.log(
    `\nmachine load average (1 min) after each run: ${loadAverages.map((load) => load.toFixed(1)).join(', ')}; ` +
      `at the end: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
  );
  if (doubleCounted) throw new Error('an event was counted twice, or an acknowledged one is missing');
  if (failed > 0) throw new Error(`${failed} requests were not answered 200`);
} finally {
  await cleanUp();
}
process.exit(0);
