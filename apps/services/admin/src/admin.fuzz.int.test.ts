import { itFuzzesEveryProcedure } from '@gametriggers/testing';
import { startAdminHarness } from './testing/admin-harness';

itFuzzesEveryProcedure({
  service: 'admin',
  start: async ({ issuer, cast, now }) => {
    const harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
    // A configuration version and audit entries exist, so the lists and cursors have rows.
    await harness.client(await issuer.tokenFor(cast.superAdmin)).admin.config.update.mutate({
      changes: { energyPacksPerDay: 12 },
      reason: 'A version to page through',
      expectedVersion: 0,
    });
    await harness.waitForAuditEntries({ action: 'admin.config.update' });
    return {
      harness,
      close: () => harness.close(),
      // The audit consumer appends the actions of earlier calls (they arrive through the queue),
      // and the checkpoint job signs the head, while any later call runs.
      backgroundWrites: ['audit_entries:INSERT', 'audit_entry_personal:INSERT', 'audit_checkpoints:INSERT'],
    };
  },
});
