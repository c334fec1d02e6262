import { randomUUID } from 'node:crypto';
import { createTestDatabase, testInstants } from '@gametriggers/testing';
import type { TestDatabase } from '@gametriggers/testing';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyticsMigrationsDir } from '../testing/analytics-harness';
import type { GroupCommitWriter } from './group-commit-writer';
import { createGroupCommitWriter } from './group-commit-writer';
import type { StoredEvent } from './stored-event';

let database: TestDatabase;
let pool: pg.Pool;
let writer: GroupCommitWriter;
const now = new Date(testInstants.newYorkAfternoon);

beforeAll(async () => {
  database = await createTestDatabase(analyticsMigrationsDir, 'analytics_writer');
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // As in the service (app.ts): a connection cut from the server side (here, dropping the test
  // database while a connection is still closing) is reported on the pool, not thrown.
  pool.on('error', () => undefined);
  writer = createGroupCommitWriter({
    pool,
    maxDelayMs: 1,
    maxRows: 5_000,
    concurrency: 4,
    now: () => now,
  });
});
afterAll(async () => {
  await writer.close();
  await pool.end();
  await database.drop();
});
beforeEach(async () => {
  await pool.query('TRUNCATE overlay_events, dirty_hours');
});

const row = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  id: randomUUID(),
  at: new Date(now.getTime() - 1_000),
  overlayId: randomUUID(),
  streamerId: randomUUID(),
  type: 'heartbeat',
  adId: 'ad-1',
  participationId: randomUUID(),
  campaignId: randomUUID(),
  viewers: 12,
  test: false,
  invalidReason: null,
  ...overrides,
});

async function stored() {
  const { rows } = await pool.query<Record<string, unknown>>(
    'SELECT * FROM overlay_events ORDER BY "at", "id"',
  );
  return rows;
}

async function dirtyHours() {
  const { rows } = await pool.query<{ hourStart: Date }>(
    'SELECT "hourStart" FROM dirty_hours ORDER BY "hourStart"',
  );
  return rows.map((r) => r.hourStart.toISOString());
}

describe('the group-commit writer', () => {
  it('stores every field as given, free text included', async () => {
    const plain = row();
    const awkward = row({
      adId: 'tab\there\\back\nline\r\\N ünï 🎮',
      participationId: null,
      campaignId: null,
      viewers: null,
      test: true,
      invalidReason: 'test',
      type: 'click',
      at: new Date(now.getTime() - 993), // milliseconds kept
    });
    const big = row({ viewers: 100_000_000, at: new Date(now.getTime() - 47 * 60 * 60_000 - 999) });
    // Same overlay, streamer, participation and campaign as `plain`, after a row without them.
    const sibling = row({
      overlayId: plain.overlayId,
      streamerId: plain.streamerId,
      participationId: plain.participationId,
      campaignId: plain.campaignId,
      adId: 'ad-2',
    });
    await writer.write([plain, awkward, sibling, big]);
    const rows = await stored();
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(plain.id)).toMatchObject({
      at: plain.at,
      receivedAt: now,
      overlayId: plain.overlayId,
      streamerId: plain.streamerId,
      type: 'heartbeat',
      adId: 'ad-1',
      participationId: plain.participationId,
      campaignId: plain.campaignId,
      viewers: 12,
      test: false,
      countable: true,
      invalidReason: null,
    });
    expect(byId.get(awkward.id)).toMatchObject({
      type: 'click',
      adId: 'tab\there\\back\nline\r\\N ünï 🎮',
      participationId: null,
      campaignId: null,
      viewers: null,
      test: true,
      countable: false,
      invalidReason: 'test',
    });
    expect(byId.get(awkward.id)?.at).toEqual(awkward.at);
    expect(byId.get(big.id)).toMatchObject({ at: big.at, viewers: 100_000_000 });
    expect(byId.get(sibling.id)).toMatchObject({
      overlayId: plain.overlayId,
      streamerId: plain.streamerId,
      participationId: plain.participationId,
      campaignId: plain.campaignId,
      adId: 'ad-2',
    });
    expect(byId.get(big.id)).toMatchObject({
      overlayId: big.overlayId,
      participationId: big.participationId,
    });
  });

  it('marks the hours of countable rows only, in the same commit', async () => {
    const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
    await writer.write([
      row({ at: new Date(hour - 10) }),
      row({ at: new Date(hour + 10), invalidReason: 'not_live' }),
      row({ at: new Date(hour + 20) }),
    ]);
    expect(await dirtyHours()).toEqual([
      new Date(hour - 3_600_000).toISOString(),
      new Date(hour).toISOString(),
    ]);
    await writer.write([
      row({ at: new Date(hour - 3_600_000 - 10), invalidReason: 'viewer_jump' }),
    ]);
    expect(await dirtyHours()).toHaveLength(2);
  });

  it('stores replays and repeats within a batch once, with the rest of their batch', async () => {
    const first = [row(), row()];
    await writer.write(first);
    const fresh = row();
    const repeated = row();
    // A replay of an acknowledged row and a row sent twice in one batch: COPY refuses the batch,
    // the skipping insert stores what is new.
    await writer.write([first[0]!, fresh, repeated, { ...repeated }]);
    // Concurrent batches naming the same rows.
    const shared = [row(), row()];
    await Promise.all([
      writer.write(shared),
      writer.write([...shared, row()]),
      writer.write(shared),
    ]);
    const ids = (await stored()).map((r) => r.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids).toEqual(
      expect.arrayContaining([fresh.id, repeated.id, ...shared.map((r) => r.id)]),
    );
    expect(await dirtyHours()).toHaveLength(1);
  });

  it('group-commits concurrent writes and answers each only once stored', async () => {
    const batches = Array.from({ length: 40 }, () => Array.from({ length: 50 }, () => row()));
    await Promise.all(
      batches.map(async (batch) => {
        await writer.write(batch);
        const { rows } = await pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM overlay_events WHERE id = ANY($1::uuid[])',
          [batch.map((r) => r.id)],
        );
        expect(Number(rows[0]?.n)).toBe(batch.length);
      }),
    );
    expect(await stored()).toHaveLength(2_000);
  });

  it('refuses a row the table cannot hold, storing nothing of its batch', async () => {
    const good = row();
    await expect(writer.write([good, row({ type: 'wave' })])).rejects.toThrow(
      /overlay_events_type_check/,
    );
    expect(await stored()).toHaveLength(0);
    expect(await dirtyHours()).toHaveLength(0);
    // The connection it used is fine for the next batch.
    await writer.write([good]);
    expect(await stored()).toHaveLength(1);
  });

  it('re-creates a day partition dropped while the writer knew it', async () => {
    const day = new Date(now.getTime() - 30 * 60 * 60_000);
    await writer.write([row({ at: day })]);
    const name = `overlay_events_${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
    await pool.query(`DROP TABLE "${name}"`);
    await writer.write([row({ at: day })]);
    expect(await stored()).toHaveLength(1);
  });
});
