import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { defaultPlatformConfig } from '@gametriggers/contracts';
import type { EventPayload } from '@gametriggers/events';
import { adminWith, failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminHarness } from './testing/admin-harness';
import { signAuditCheckpoint } from './domain/audit-checkpoint';
import { adminTestCheckpointKey, startAdminHarness } from './testing/admin-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
const auditor = adminWith('canAccessAuditLogs');
const configurer = adminWith('canConfigureSystem');
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

const as = async (person: typeof auditor) => harness.client(await issuer.tokenFor(person));

function adminAction(
  overrides: Partial<EventPayload<'admin.action_recorded'>>,
): EventPayload<'admin.action_recorded'> {
  return {
    actor: { adminId: cast.superAdmin.userId, adminRole: 'super_admin' },
    permission: 'canVerifyBrands',
    action: 'brand.verify',
    subject: { type: 'brand', id: randomUUID() },
    before: null,
    after: null,
    reason: null,
    personal: {},
    requestId: null,
    occurredAt: clock.now().toISOString(),
    ...overrides,
  };
}

describe('admin.audit.list', () => {
  const brandId = randomUUID();
  const otherAdmin = randomUUID();

  beforeAll(async () => {
    await harness.events.send(
      'admin.action_recorded',
      adminAction({ subject: { type: 'brand', id: brandId }, occurredAt: '2026-03-01T10:00:00.000Z' }),
    );
    await harness.events.send(
      'admin.action_recorded',
      adminAction({
        action: 'brand.reject',
        actor: { adminId: otherAdmin, adminRole: 'moderator' },
        subject: { type: 'brand', id: brandId },
        reason: 'The registration number does not match',
        occurredAt: '2026-03-02T10:00:00.000Z',
      }),
    );
    for (let day = 3; day <= 7; day += 1) {
      await harness.events.send(
        'admin.action_recorded',
        adminAction({ occurredAt: `2026-03-0${day}T10:00:00.000Z` }),
      );
    }
  });

  it('filters by actor, action, subject and time, newest first', async () => {
    const client = await as(auditor);
    const bySubject = await client.admin.audit.list.query({ subjectType: 'brand', subjectId: brandId });
    expect(bySubject.items.map((item) => item.action)).toEqual(['brand.reject', 'brand.verify']);
    expect(bySubject.items[0]).toMatchObject({
      reason: 'The registration number does not match',
      actorRole: 'moderator',
    });
    const byActor = await client.admin.audit.list.query({ actorId: otherAdmin });
    expect(byActor.items).toHaveLength(1);
    const byAction = await client.admin.audit.list.query({ action: 'brand.reject' });
    expect(byAction.items.map((item) => item.actorId)).toEqual([otherAdmin]);
    const byTime = await client.admin.audit.list.query({
      action: 'brand.verify',
      from: new Date('2026-03-03T00:00:00Z'),
      to: new Date('2026-03-05T00:00:00Z'),
    });
    expect(byTime.items.map((item) => item.occurredAt.toISOString())).toEqual([
      '2026-03-04T10:00:00.000Z',
      '2026-03-03T10:00:00.000Z',
    ]);
  });

  it('pages with a keyset cursor and refuses a forged one', async () => {
    const client = await as(auditor);
    const first = await client.admin.audit.list.query({ action: 'brand.verify', limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await client.admin.audit.list.query({
      action: 'brand.verify',
      limit: 4,
      cursor: first.nextCursor!,
    });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const sequences = [...first.items, ...second.items].map((item) => Number(item.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(await failure(client.admin.audit.list.query({ cursor: 'Zm9yZ2Vk' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('records every read of the log in the log', async () => {
    const reader = adminWith('canAccessAuditLogs');
    await (await as(reader)).admin.audit.list.query({ action: 'brand.reject' });
    const reads = await harness.waitForAuditEntries({
      action: 'admin.audit.read',
      actorId: reader.userId,
    });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      permission: 'canAccessAuditLogs',
      after: { filters: { action: 'brand.reject' }, page: 'first' },
    });
  });
});

describe('admin.audit.verify', () => {
  it('reports the chain intact, and the check is itself recorded', async () => {
    const report = await (await as(auditor)).admin.audit.verify.query();
    expect(report).toMatchObject({ intact: true, firstBroken: null });
    const verifications = await harness.waitForAuditEntries({
      action: 'admin.audit.verify',
      actorId: auditor.userId,
    });
    expect(verifications).toHaveLength(1);
  });

  it('names the latest signed checkpoint', async () => {
    const checkpoint = await signAuditCheckpoint(harness.service.deps);
    const report = await (await as(auditor)).admin.audit.verify.query();
    expect(report.latestCheckpoint).toEqual({
      sequence: checkpoint!.sequence.toString(),
      hash: checkpoint!.hash,
      signedAt: clock.now(),
      keyId: checkpoint!.keyId,
    });
  });

  it('is also a command that names the first broken entry', { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const env = {
      ...process.env,
      DATABASE_URL: harness.config.DATABASE_URL,
      AUDIT_CHECKPOINT_KEY: adminTestCheckpointKey,
      AUDIT_CHECKPOINT_KEY_ID: 'test-1',
    };
    const command = [path.join(packageDir, 'node_modules/.bin/tsx'), ['src/commands/verify-audit-chain.ts']] as const;
    const intact = await run(command[0], command[1], { cwd: packageDir, env });
    expect(intact.stderr).toMatch(/Audit chain intact: \d+ entries/);
    const original = await harness.db.auditEntry.findUniqueOrThrow({ where: { sequence: 2n } });
    const setSubjectOfEntry2 = (subjectId: string) =>
      harness.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
        await tx.$executeRaw`UPDATE "audit_entries" SET "subjectId" = ${subjectId} WHERE "sequence" = 2`;
      });
    await setSubjectOfEntry2('someone-else');
    const brokenRun = await run(command[0], command[1], { cwd: packageDir, env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(brokenRun).toMatchObject({ code: 1 });
    expect(brokenRun.stderr).toMatch(/BROKEN at entry 2 .*hash_mismatch/);
    await setSubjectOfEntry2(original.subjectId);
  });
});

describe('admin.audit.erasePersonalDetails', () => {
  it('clears the reasons and personal details about a subject; the chain still verifies', async () => {
    const brandId = randomUUID();
    await harness.events.send(
      'admin.action_recorded',
      adminAction({
        subject: { type: 'brand', id: brandId },
        reason: 'Jane Doe sent someone else’s passport',
        personal: { companyName: 'Jane Doe Media' },
      }),
    );
    const eraser = adminWith('canManageUsers');
    expect(
      await (await as(eraser)).admin.audit.erasePersonalDetails.mutate({
        subjectType: 'brand',
        subjectId: brandId,
      }),
    ).toEqual({ entriesErased: 1 });
    const [entry] = (await (await as(auditor)).admin.audit.list.query({ subjectId: brandId })).items;
    expect(entry).toMatchObject({ reason: null, personal: {}, personalErased: true });
    await harness.waitForAuditEntries({ action: 'admin.audit.erase_personal', subjectId: brandId });
    const report = await (await as(auditor)).admin.audit.verify.query();
    expect(report.firstBroken).toBeNull();
  });
});

describe('admin.config', () => {
  it('serves the defaults until the first change', async () => {
    const config = await (await as(configurer)).admin.config.get.query();
    expect(config).toEqual({ version: 0, values: defaultPlatformConfig, changedBy: null, changedAt: null });
  });

  it('versions each change with who, when and why, announces it and audits it', async () => {
    const client = await as(configurer);
    const updated = await client.admin.config.update.mutate({
      changes: { platformFeeBps: 1_500, energyPacksPerDay: 12 },
      reason: 'Spring promotion',
      expectedVersion: 0,
    });
    expect(updated).toMatchObject({
      version: 1,
      values: { ...defaultPlatformConfig, platformFeeBps: 1_500, energyPacksPerDay: 12 },
      changedBy: configurer.userId,
      changedAt: clock.now(),
    });
    expect(await client.admin.config.get.query()).toEqual(updated);
    const history = await client.admin.config.history.query({});
    expect(history.items).toEqual([
      expect.objectContaining({
        version: 1,
        changedKeys: ['platformFeeBps', 'energyPacksPerDay'],
        reason: 'Spring promotion',
        changedBy: configurer.userId,
      }),
    ]);
    const announced = await harness.db.outboxEvent.findMany({ where: { type: 'config.changed' } });
    expect(announced.map((event) => event.payload)).toEqual([
      expect.objectContaining({ version: 1, changedKeys: ['platformFeeBps', 'energyPacksPerDay'] }),
    ]);
    const [audited] = await harness.waitForAuditEntries({ action: 'admin.config.update', subjectId: '1' });
    expect(audited).toMatchObject({
      actorId: configurer.userId,
      permission: 'canConfigureSystem',
      before: { platformFeeBps: 2_000, energyPacksPerDay: 10 },
      after: { platformFeeBps: 1_500, energyPacksPerDay: 12 },
      personal: { reason: 'Spring promotion' },
    });
  });

  it('refuses an invalid value with a reason, and a change made against an old version', async () => {
    const client = await as(configurer);
    expect(
      await failure(
        client.admin.config.update.mutate({
          changes: { withdrawalDailyLimitCents: 3_000_000 },
          reason: 'Bigger payouts',
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'config_invalid',
      message: 'The daily withdrawal limit cannot be above the monthly limit',
      details: { field: 'withdrawalDailyLimitCents' },
    });
    expect(
      await failure(
        client.admin.config.update.mutate({
          changes: { platformFeeBps: 9_000 },
          reason: 'Too greedy',
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { 'changes.platformFeeBps': [expect.any(String)] } });
    expect(
      await failure(
        client.admin.config.update.mutate({
          changes: { earningsHoldDays: 5 },
          reason: 'Longer hold',
          expectedVersion: 0,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await client.admin.config.get.query()).version).toBe(1);
  });

  it('serves the configuration to services on the internal procedure', async () => {
    const current = await harness.serviceClient('payment').admin.config.internal.current.query();
    expect(current).toMatchObject({ version: 1, values: { platformFeeBps: 1_500 } });
  });
});
