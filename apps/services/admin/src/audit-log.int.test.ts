import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@gametriggers/events';
import { fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAuditCheckpoint } from './domain/audit-checkpoint';
import { verifyAuditChain } from './domain/audit-verify';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: AdminHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

function adminAction(
  overrides: Partial<EventPayload<'admin.action_recorded'>> = {},
): EventPayload<'admin.action_recorded'> {
  return {
    actor: { adminId: cast.superAdmin.userId, adminRole: 'super_admin' },
    permission: 'canVerifyBrands',
    action: 'brand.verify',
    subject: { type: 'brand', id: randomUUID() },
    before: { verificationStatus: 'pending' },
    after: { verificationStatus: 'verified' },
    reason: null,
    personal: {},
    requestId: 'req-test',
    occurredAt: clock.now().toISOString(),
    ...overrides,
  };
}

/** Records `count` actions through the admin queue and returns their sequence numbers. */
async function recordActions(count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    ids.push(await harness.events.send('admin.action_recorded', adminAction()));
  }
  const entries = await harness.db.auditEntry.findMany({ where: { eventId: { in: ids } } });
  return entries.map((entry) => entry.sequence).sort((a, b) => (a < b ? -1 : 1));
}

const checkpointKey = () => harness.service.deps.checkpointKey;
const verify = () => verifyAuditChain(harness.db, checkpointKey());

/** Runs statements as the superuser with every trigger off: tampering behind the service's back. */
async function behindTheServicesBack(...statements: string[]) {
  await harness.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    for (const statement of statements) await tx.$executeRawUnsafe(statement);
  });
}

describe('the audit chain', () => {
  it('chains each entry to the one before and verifies', async () => {
    const sequences = await recordActions(3);
    expect(sequences).toHaveLength(3);
    const entries = await harness.db.auditEntry.findMany({ orderBy: { sequence: 'asc' } });
    for (const [index, entry] of entries.entries()) {
      expect(entry.sequence).toBe(BigInt(index + 1));
      if (index > 0) expect(entry.previousHash).toBe(entries[index - 1]!.hash);
    }
    const report = await verify();
    expect(report).toMatchObject({ intact: true, firstBroken: null });
    expect(report.entriesChecked).toBe(entries.length);
    expect(report.head?.hash).toBe(entries.at(-1)!.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of entries and checkpoints', async () => {
    await recordActions(1);
    await signAuditCheckpoint(harness.service.deps);
    for (const statement of [
      `UPDATE "audit_entries" SET "action" = 'brand.reject' WHERE "sequence" = 1`,
      `DELETE FROM "audit_entries" WHERE "sequence" = 1`,
      `TRUNCATE "audit_entries" CASCADE`,
      `UPDATE "audit_checkpoints" SET "hash" = repeat('0', 64)`,
      `DELETE FROM "audit_checkpoints"`,
      `DELETE FROM "audit_entry_personal"`,
    ]) {
      await expect(harness.db.$executeRawUnsafe(statement), statement).rejects.toThrow(
        /append-only/,
      );
    }
    expect((await verify()).intact).toBe(true);
  });

  it('names an entry edited behind the service’s back', async () => {
    const [edited] = await recordActions(2);
    await behindTheServicesBack(
      `UPDATE "audit_entries" SET "after" = '{"verificationStatus":"rejected"}' WHERE "sequence" = ${edited}`,
    );
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ sequence: String(edited), problem: 'hash_mismatch' });
    await behindTheServicesBack(
      `UPDATE "audit_entries" SET "after" = '{"verificationStatus":"verified"}' WHERE "sequence" = ${edited}`,
    );
    expect((await verify()).intact).toBe(true);
  });

  it('names the entry after a deleted one', async () => {
    const [, deleted, after] = await recordActions(3);
    const saved = await harness.db.auditEntry.findUniqueOrThrow({ where: { sequence: deleted! } });
    await behindTheServicesBack(
      `CREATE TEMP TABLE "saved_entry" AS SELECT * FROM "audit_entries" WHERE "sequence" = ${deleted}`,
      `DELETE FROM "audit_entries" WHERE "sequence" = ${deleted}`,
    );
    const report = await verify();
    expect(report.firstBroken).toMatchObject({ sequence: String(after), problem: 'sequence_gap' });
    await behindTheServicesBack(
      `INSERT INTO "audit_entries" SELECT * FROM "saved_entry"`,
      `DROP TABLE "saved_entry"`,
    );
    expect(await harness.db.auditEntry.count({ where: { hash: saved.hash } })).toBe(1);
    expect((await verify()).intact).toBe(true);
  });

  it('names the first of a reordered pair', async () => {
    const [first, second] = await recordActions(2);
    const swap = [
      `UPDATE "audit_entries" SET "sequence" = -1 WHERE "sequence" = ${first}`,
      `UPDATE "audit_entries" SET "sequence" = ${first} WHERE "sequence" = ${second}`,
      `UPDATE "audit_entries" SET "sequence" = ${second} WHERE "sequence" = -1`,
      `UPDATE "audit_entry_personal" SET "sequence" = -1 WHERE "sequence" = ${first}`,
      `UPDATE "audit_entry_personal" SET "sequence" = ${first} WHERE "sequence" = ${second}`,
      `UPDATE "audit_entry_personal" SET "sequence" = ${second} WHERE "sequence" = -1`,
    ];
    await behindTheServicesBack(...swap);
    const report = await verify();
    expect(report.firstBroken).toMatchObject({
      sequence: String(first),
      problem: 'previous_hash_mismatch',
    });
    await behindTheServicesBack(...swap);
    expect((await verify()).intact).toBe(true);
  });

  it('catches a changed reason, and still verifies once personal details are erased', async () => {
    const id = await harness.events.send(
      'admin.action_recorded',
      adminAction({ reason: 'Documents from Jane Doe did not match', personal: { email: 'jane@example.com' } }),
    );
    const entry = await harness.db.auditEntry.findUniqueOrThrow({ where: { eventId: id } });
    await harness.db.auditEntryPersonal.update({
      where: { sequence: entry.sequence },
      data: { reason: 'Documents matched' },
    });
    expect((await verify()).firstBroken).toMatchObject({
      sequence: String(entry.sequence),
      problem: 'personal_details_altered',
    });
    await harness.db.auditEntryPersonal.update({
      where: { sequence: entry.sequence },
      data: { salt: null, reason: null, details: {}, erasedAt: clock.now() },
    });
    expect((await verify()).intact).toBe(true);
  });

  it('checks signed checkpoints: a forged one is named', async () => {
    await recordActions(1);
    const checkpoint = await signAuditCheckpoint(harness.service.deps);
    expect(checkpoint).not.toBeNull();
    expect(await signAuditCheckpoint(harness.service.deps)).toBeNull();
    expect(await verify()).toMatchObject({ intact: true });
    await harness.db.auditCheckpoint.create({
      data: {
        sequence: checkpoint!.sequence,
        hash: checkpoint!.hash,
        signedAt: new Date(clock.now().getTime() + 1_000),
        keyId: checkpointKey().id,
        signature: 'f'.repeat(64),
      },
    });
    expect((await verify()).firstBroken).toMatchObject({
      sequence: String(checkpoint!.sequence),
      problem: 'checkpoint_signature_invalid',
    });
  });
});

describe('exactly once', () => {
  it('stores a duplicated event once', async () => {
    const payload = adminAction();
    const id = randomUUID();
    await harness.events.send('admin.action_recorded', payload, { id });
    await harness.events.send('admin.action_recorded', payload, { id });
    // A later event is applied after the duplicate (one worker, in order).
    await harness.events.send('admin.action_recorded', adminAction());
    expect(await harness.db.auditEntry.count({ where: { eventId: id } })).toBe(1);
  });
});
