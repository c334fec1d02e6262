import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, createTestRedisNamespace, serviceProcesses } from '@gametriggers/testing';
import type { TestDatabase, TestRedisNamespace } from '@gametriggers/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsMigrationsDir, analyticsTestServiceSecret, highestIngestLimits } from '../testing/analytics-harness';
import type { ConfiguredAdminService } from '../testing/configured-admin-service';
import { startConfiguredAdminService } from '../testing/configured-admin-service';
import type { OverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from '../testing/overlay-keys-stand-in';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let database: TestDatabase;
let redis: TestRedisNamespace;
let overlays: OverlayKeysStandIn;
const processes = serviceProcesses(packageDir);
let admin: ConfiguredAdminService;

beforeAll(async () => {
  database = await createTestDatabase(analyticsMigrationsDir, 'analytics_kill');
  redis = createTestRedisNamespace('analytics-kill');
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  admin = await startConfiguredAdminService(highestIngestLimits);
  overlays.setOverlay('kill-key', {
    overlayId: randomUUID(),
    streamerId: randomUUID(),
    live: true,
    viewers: 1_000,
  });
});
afterAll(async () => {
  processes.stopAll();
  await admin.close();
  await overlays.close();
  await redis.clear();
  await database.drop();
});

/** The service as `pnpm dev` runs it, in its own process. */
function startServiceProcess() {
  return processes.start({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    SERVICE_SECRET: analyticsTestServiceSecret,
    IDENTITY_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    OVERLAY_SERVICE_URL: overlays.url,
    ADMIN_SERVICE_URL: admin.url,
  });
}

const batchOf = (size: number) => ({
  events: Array.from({ length: size }, () => ({
    id: randomUUID(),
    type: 'heartbeat',
    at: new Date().toISOString(),
    viewers: 10,
  })),
});

async function post(url: string, body: unknown) {
  const response = await fetch(`${url}/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-overlay-key': 'kill-key' },
    body: JSON.stringify(body),
  });
  return response.status;
}

async function storedCount(ids: string[]) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      'SELECT count(*) FROM overlay_events WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return Number(result.rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe('acknowledged reports', () => {
  // Two cold starts of a whole service process: slow on a busy machine.
  it('survive the service being killed right after the acknowledgements, and replays count once', { timeout: 120_000 }, async () => {
    const first = await startServiceProcess();
    const batches = Array.from({ length: 40 }, () => batchOf(100));
    const acknowledged: string[] = [];
    await Promise.all(
      batches.map(async (batch) => {
        if ((await post(first.url, batch)) === 200)
          acknowledged.push(...batch.events.map((e) => e.id));
      }),
    );
    const exited = once(first.child, 'exit');
    first.kill();
    expect(await exited).toEqual([null, 'SIGKILL']);
    expect(
      await fetch(`${first.url}/readyz`).then(
        () => 'up',
        () => 'down',
      ),
    ).toBe('down');
    expect(acknowledged).toHaveLength(4_000);
    expect(await storedCount(acknowledged)).toBe(4_000);

    const second = await startServiceProcess();
    const statuses = await Promise.all(batches.map((batch) => post(second.url, batch)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(await storedCount(acknowledged)).toBe(4_000);
    second.kill();
  });
});
