import type { IdentityRouter } from '@gametriggers/identity-service/router';
import type { OverlayRouter } from '@gametriggers/overlay-service/router';
import type { PaymentRouter } from '@gametriggers/payment-service/router';
import { LEGACY_IMPORTER_SERVICE } from '@gametriggers/tokens';
import { createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';
import type { ImportedRole } from './import-commands';
import { ImportRefusal } from './import-target';
import type { ImportTarget, StepName, WriteOutcome } from './import-target';

const serviceTargetEnvSchema = z.object({
  IDENTITY_SERVICE_URL: z.url(),
  PAYMENT_SERVICE_URL: z.url(),
  OVERLAY_SERVICE_URL: z.url(),
  SERVICE_SECRET: z.string().min(32, 'SERVICE_SECRET must be at least 32 characters'),
});

/**
 * Why a step is not written yet: each owner needs an import procedure (keyed by the legacy id, for
 * the importer alone) like identity's `legacyImport.account`. Until then the report counts the
 * step's documents as not imported, under this reason.
 */
const missingProcedure: Record<StepName, string> = {
  accounts: 'identity.legacyImport.account',
  streamerProfiles: 'the streamer service has no legacy profile import yet',
  brandProfiles: 'the brand service has no legacy profile import yet',
  overlays: 'overlay.legacyImport.overlay',
  progression:
    'streamer.internal.importProgression needs the streamer profile, which is not imported yet',
  energy: 'the participation service has no legacy energy import yet',
  campaigns: 'the campaign service has no legacy campaign import yet',
  participations: 'the participation service has no legacy participation import yet',
  gKeys: 'the participation service has no legacy G-Key import yet',
  conflictRules: 'the participation service has no legacy conflict-rule import yet',
  openingBalances: 'payment.legacyImport.openingBalance',
  kyc: 'the streamer service has no legacy KYC import yet',
  notifications: 'the notification service has no legacy inbox import yet',
};

/** A refusal of one document (a conflict, or input the procedure's schema turned away) skips it; anything else stops the run. */
async function refusalsSkip<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = (error as TRPCClientError<IdentityRouter | PaymentRouter | OverlayRouter>)
        .data as { code?: string; reason?: string } | undefined;
      if (data?.code === 'CONFLICT') throw new ImportRefusal(data.reason ?? 'conflict');
      if (data?.code === 'BAD_REQUEST') throw new ImportRefusal(`invalid: ${error.message}`);
    }
    throw error;
  }
}

/** The real import: every write through the owning service's import procedure, as the legacy importer. */
export function serviceTargetFromEnv(env: NodeJS.ProcessEnv): ImportTarget {
  const parsed = serviceTargetEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `The import needs ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')} (or run it with --dry-run).`,
    );
  }
  return serviceTarget({
    identityUrl: parsed.data.IDENTITY_SERVICE_URL,
    paymentUrl: parsed.data.PAYMENT_SERVICE_URL,
    overlayUrl: parsed.data.OVERLAY_SERVICE_URL,
    serviceSecret: parsed.data.SERVICE_SECRET,
  });
}

export function serviceTarget(config: {
  identityUrl: string;
  paymentUrl: string;
  overlayUrl: string;
  serviceSecret: string;
}): ImportTarget {
  const client = { secret: config.serviceSecret, caller: LEGACY_IMPORTER_SERVICE };
  const identity = createServiceClient<IdentityRouter>({ url: config.identityUrl, ...client });
  const payment = createServiceClient<PaymentRouter>({ url: config.paymentUrl, ...client });
  const overlay = createServiceClient<OverlayRouter>({ url: config.overlayUrl, ...client });
  /** Old user id → the account id identity made for it: what the other owners key people by. */
  const accountIds = new Map<string, { userId: string; role: ImportedRole }>();

  async function importedAccount(legacyUserId: string) {
    const known = accountIds.get(legacyUserId);
    if (known) return known;
    const [account] = await identity.identity.legacyImport.accountsByLegacyIds.query({
      legacyIds: [legacyUserId],
    });
    if (account) accountIds.set(legacyUserId, account);
    return account ?? null;
  }

  async function ownerId(legacyUserId: string): Promise<string> {
    const owner = await importedAccount(legacyUserId);
    if (!owner) throw new ImportRefusal('owner_not_imported');
    return owner.userId;
  }

  return {
    write: {
      async accounts(command): Promise<WriteOutcome> {
        const { userId, outcome } = await refusalsSkip(
          identity.identity.legacyImport.account.mutate(command),
        );
        accountIds.set(command.legacyId, { userId, role: command.role });
        return outcome;
      },
      async overlays(command): Promise<WriteOutcome> {
        const { outcome } = await refusalsSkip(
          overlay.overlay.legacyImport.overlay.mutate({
            streamerId: await ownerId(command.legacyUserId),
            legacyStreamerId: command.legacyUserId,
            legacyOverlayToken: command.legacyOverlayToken,
            settings: {
              corner: command.corner,
              size: command.size,
              // The old slider went 0–100 and allowed an invisible overlay; the platform's floor is 0.2.
              opacity: Math.max(0.2, command.opacity / 100),
              rotationStrategy: command.strategy,
              rotationIntervalSeconds: Math.min(
                86_400,
                Math.max(30, command.rotationIntervalMinutes * 60),
              ),
            },
          }),
        );
        return outcome;
      },
      async openingBalances(command): Promise<WriteOutcome> {
        const { outcome } = await refusalsSkip(
          payment.payment.legacyImport.openingBalance.mutate({
            legacyWalletId: command.legacyWalletId,
            ownerId: await ownerId(command.legacyUserId),
            currency: command.currency,
            entries: command.entries.map(({ account, cents }) => ({
              account,
              amountCents: Number(cents),
            })),
          }),
        );
        return outcome;
      },
    },
    missingStepReason: (step) => missingProcedure[step],
    importedRole: async (legacyUserId) => (await importedAccount(legacyUserId))?.role ?? null,
    // No campaign import yet, so no earlier run imported a campaign.
    importedCampaign: () => Promise.resolve(false),
  };
}
