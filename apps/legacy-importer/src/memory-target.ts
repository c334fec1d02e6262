import type { ImportedRole } from './import-commands';
import type { CommandOf, ImportTarget, StepName, WriteOutcome } from './import-target';

/**
 * A target that keeps what it is given in memory, keyed like the owning services key imports (by
 * legacy id): what a dry run writes to, and the reference the mapping tests compare against.
 */
export class MemoryTarget implements ImportTarget {
  readonly records = new Map<StepName, Map<string, string>>();
  readonly write: ImportTarget['write'];

  constructor(private readonly steps: readonly StepName[] | 'all' = 'all') {
    const keyOf: { [S in StepName]: (command: CommandOf<S>) => string } = {
      accounts: (command) => command.legacyId,
      streamerProfiles: (command) => command.legacyUserId,
      brandProfiles: (command) => command.legacyUserId,
      overlays: (command) => command.legacyUserId,
      progression: (command) => command.legacyUserId,
      energy: (command) => command.legacyUserId,
      campaigns: (command) => command.legacyId,
      participations: (command) => command.legacyId,
      gKeys: (command) => command.legacyId,
      conflictRules: (command) => command.legacyId,
      openingBalances: (command) => command.legacyWalletId,
      kyc: (command) => command.legacyId,
      notifications: (command) => command.legacyId,
    };
    const write: Record<string, (command: never) => Promise<WriteOutcome>> = {};
    for (const step of Object.keys(keyOf) as StepName[]) {
      if (this.steps !== 'all' && !this.steps.includes(step)) continue;
      write[step] = (command: never) =>
        Promise.resolve(
          this.store(step, (keyOf[step] as (command: never) => string)(command), command),
        );
    }
    this.write = write;
  }

  missingStepReason(step: StepName): string {
    return `not part of this run (${step})`;
  }

  importedRole(legacyUserId: string): Promise<ImportedRole | null> {
    const stored = this.records.get('accounts')?.get(legacyUserId);
    return Promise.resolve(stored ? (JSON.parse(stored) as { role: ImportedRole }).role : null);
  }

  importedCampaign(legacyCampaignId: string): Promise<boolean> {
    return Promise.resolve(this.records.get('campaigns')?.has(legacyCampaignId) ?? false);
  }

  recordOf<S extends StepName>(step: S, key: string): unknown {
    const stored = this.records.get(step)?.get(key);
    return stored === undefined ? undefined : JSON.parse(stored);
  }

  count(step: StepName): number {
    return this.records.get(step)?.size ?? 0;
  }

  private store(step: StepName, key: string, command: unknown): WriteOutcome {
    let records = this.records.get(step);
    if (!records) {
      records = new Map();
      this.records.set(step, records);
    }
    // Kept as JSON text: one small string per record, and comparable for `unchanged`.
    const text = JSON.stringify(command, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    const before = records.get(key);
    records.set(key, text);
    return before === undefined ? 'created' : before === text ? 'unchanged' : 'updated';
  }
}
