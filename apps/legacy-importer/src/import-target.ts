import type {
  AccountImport,
  BrandProfileImport,
  CampaignImport,
  ConflictRuleImport,
  EnergyImport,
  GKeyImport,
  ImportedRole,
  KycImport,
  NotificationImport,
  OpeningBalanceImport,
  OverlayImport,
  ParticipationImport,
  ProgressionImport,
  StreamerProfileImport,
} from './import-commands';

/** What the owning service answered: a new record, one changed by this document, or nothing to do. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/** The owner refused this document for a reason a person can act on; the run goes on without it. */
export class ImportRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface StepCommands {
  accounts: AccountImport;
  streamerProfiles: StreamerProfileImport;
  brandProfiles: BrandProfileImport;
  overlays: OverlayImport;
  progression: ProgressionImport;
  energy: EnergyImport;
  campaigns: CampaignImport;
  participations: ParticipationImport;
  gKeys: GKeyImport;
  conflictRules: ConflictRuleImport;
  openingBalances: OpeningBalanceImport;
  kyc: KycImport;
  notifications: NotificationImport;
}

export type StepName = keyof StepCommands;
export type CommandOf<S extends StepName> = StepCommands[S];

/**
 * Where mapped documents go. A step the target has no writer for is reported as not imported
 * (with {@link ImportTarget.missingStepReason}) instead of failing the run: the owning service's
 * import procedure does not exist yet.
 */
export interface ImportTarget {
  write: { [S in StepName]?: (command: StepCommands[S]) => Promise<WriteOutcome> };
  missingStepReason(step: StepName): string;
  /** Whether an earlier run imported this legacy user: a delta's documents may name people it does not carry. */
  importedRole(legacyUserId: string): Promise<ImportedRole | null>;
  importedCampaign(legacyCampaignId: string): Promise<boolean>;
}
