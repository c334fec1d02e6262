import {
  castCallers,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const now = new Date('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: AdminHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
  // A configuration version and audit entries exist, so the lists and cursors have rows.
  await harness.client(await issuer.tokenFor(cast.superAdmin)).admin.config.update.mutate({
    changes: { energyPacksPerDay: 12 },
    reason: 'A version to page through',
    expectedVersion: 0,
  });
  await harness.waitForAuditEntries({ action: 'admin.config.update' });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

it(
  'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
  { timeout: 600_000 },
  async () => {
    const { findings, report } = await fuzzService(
      harnessTarget('admin', harness, {
        callers: await castCallers(issuer, cast),
        now,
        // The audit consumer appends the actions of earlier calls (they arrive through the queue),
        // and the checkpoint job signs the head, while any later call runs.
        backgroundWrites: [
          'audit_entries:INSERT',
          'audit_entry_personal:INSERT',
          'audit_checkpoints:INSERT',
        ],
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
