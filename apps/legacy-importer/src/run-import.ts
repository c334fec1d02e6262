import { existsSync } from 'node:fs';
import path from 'node:path';
import { readExportFile } from './export-reader';
import type { LegacyDocument } from './extended-json';
import type { ImportedRole, Mapped } from './import-commands';
import { ImportReport } from './import-report';
import { ImportRefusal } from './import-target';
import type { CommandOf, ImportTarget, StepName } from './import-target';
import { legacyDate, legacyId } from './legacy-fields';
import { mapCampaign, mapParticipation } from './mapping/campaigns';
import { mapKyc, mapNotification } from './mapping/kyc-and-notifications';
import { mapConflictRule, mapGKey } from './mapping/participation-rules';
import { mapUser, normalizedEmail } from './mapping/users';
import { mapWallet } from './mapping/wallets';

/** The `mongoexport` files the importer reads (Mongoose's collection names), in dependency order. */
export const legacyCollections = [
  'users',
  'campaigns',
  'campaignparticipations',
  'gkeys',
  'conflictrules',
  'wallets',
  'kycs',
  'notifications',
] as const;
export type LegacyCollection = (typeof legacyCollections)[number];

export interface ImportOptions {
  exportDir: string;
  target: ImportTarget;
  dryRun: boolean;
  /** A delta: only documents whose `updatedAt` is after this instant are written (the last run's high-water mark). */
  changedAfter: Date | null;
  now: Date;
}

interface Seen {
  line: number;
  document: LegacyDocument;
  legacyId: string | null;
  changed: boolean;
}

/**
 * Reads an export and hands each document, mapped, to its owner. Every write is keyed by legacy id at
 * the owner, so a second run or a run resumed after a crash writes only what is missing or changed.
 * A refusal skips the document (reported with its old id and reason); any other failure stops the run.
 */
export async function runLegacyImport(options: ImportOptions): Promise<ImportReport> {
  if (
    !legacyCollections.some((collection) =>
      existsSync(path.join(options.exportDir, `${collection}.json`)),
    )
  ) {
    throw new Error(
      `${options.exportDir} holds none of ${legacyCollections.map((name) => `${name}.json`).join(', ')}`,
    );
  }
  const report = new ImportReport({
    dryRun: options.dryRun,
    changedAfter: options.changedAfter,
    startedAt: options.now,
  });
  const run = new ImportRun(options, report);
  await run.users();
  await run.campaigns();
  await run.participations();
  await run.gKeys();
  await run.conflictRules();
  await run.wallets();
  await run.kyc();
  await run.notifications();
  return report;
}

class ImportRun {
  /** Legacy user id → role of each person imported (or already imported and unchanged). */
  private readonly importedUsers = new Map<string, ImportedRole>();
  private readonly campaignIds = new Set<string>();

  constructor(
    private readonly options: ImportOptions,
    private readonly report: ImportReport,
  ) {}

  private async *documents(collection: LegacyCollection, step: StepName): AsyncGenerator<Seen> {
    const file = path.join(this.options.exportDir, `${collection}.json`);
    if (!existsSync(file)) return;
    const seenIds = new Set<string>();
    for await (const entry of readExportFile(file)) {
      const tally = this.report.step(step);
      tally.read += 1;
      if ('error' in entry) {
        this.report.skip(step, {
          legacyId: null,
          line: entry.line,
          reason: `unreadable_line: ${entry.error}`,
        });
        continue;
      }
      const id = legacyId(entry.document._id);
      if (id && seenIds.has(id)) {
        this.report.skip(step, { legacyId: id, line: entry.line, reason: 'duplicate_document' });
        continue;
      }
      if (id) seenIds.add(id);
      const updatedAt =
        legacyDate(entry.document.updatedAt) ?? legacyDate(entry.document.createdAt);
      this.report.sawChange(updatedAt);
      const changedAfter = this.options.changedAfter;
      // A document without dates cannot be placed before the mark: a delta takes it again (writes are idempotent).
      const changed = !changedAfter || !updatedAt || updatedAt > changedAfter;
      yield { line: entry.line, document: entry.document, legacyId: id ?? null, changed };
    }
  }

  /** Sends one command; true when the owner has it now (written or already there). */
  private async send<S extends StepName>(
    step: S,
    seen: Seen,
    command: CommandOf<S>,
  ): Promise<boolean> {
    const tally = this.report.step(step);
    const write = this.options.target.write[step];
    if (!write) {
      tally.notImported = this.options.target.missingStepReason(step);
      tally.skipped += 1;
      return false;
    }
    try {
      tally[await write(command)] += 1;
      return true;
    } catch (error) {
      if (error instanceof ImportRefusal) {
        this.report.skip(step, { legacyId: seen.legacyId, line: seen.line, reason: error.reason });
        return false;
      }
      throw error;
    }
  }

  private skipUnchanged(step: StepName): void {
    this.report.step(step).unchanged += 1;
  }

  private mappedOrSkip<T>(step: StepName, seen: Seen, result: Mapped<T>): T | undefined {
    if (result.ok) return result.value;
    this.report.skip(step, { legacyId: seen.legacyId, line: seen.line, reason: result.reason });
    return undefined;
  }

  private async userRole(legacyUserId: string): Promise<ImportedRole | null> {
    const known = this.importedUsers.get(legacyUserId);
    if (known) return known;
    const earlier = await this.options.target.importedRole(legacyUserId);
    if (earlier) this.importedUsers.set(legacyUserId, earlier);
    return earlier;
  }

  private async campaignKnown(legacyCampaignId: string): Promise<boolean> {
    if (this.campaignIds.has(legacyCampaignId)) return true;
    const earlier = await this.options.target.importedCampaign(legacyCampaignId);
    if (earlier) this.campaignIds.add(legacyCampaignId);
    return earlier;
  }

  async users(): Promise<void> {
    const emails = new Map<string, string>();
    for await (const seen of this.documents('users', 'accounts')) {
      const email = normalizedEmail(seen.document);
      const holder = email ? emails.get(email) : undefined;
      if (holder && holder !== seen.legacyId) {
        // The monolith's unique index was case-sensitive: `Ada@x.io` and `ada@x.io` are two documents there.
        this.report.skip('accounts', {
          legacyId: seen.legacyId,
          line: seen.line,
          reason: `duplicate_email_of:${holder}`,
        });
        continue;
      }
      const user = this.mappedOrSkip('accounts', seen, mapUser(seen.document));
      if (!user) continue;
      emails.set(user.account.email, user.account.legacyId);
      if (!seen.changed) {
        this.importedUsers.set(user.account.legacyId, user.account.role);
        this.skipUnchanged('accounts');
        continue;
      }
      if (!(await this.send('accounts', seen, user.account))) continue;
      this.importedUsers.set(user.account.legacyId, user.account.role);
      if (user.streamerProfile) await this.send('streamerProfiles', seen, user.streamerProfile);
      if (user.brandProfile) await this.send('brandProfiles', seen, user.brandProfile);
      if (user.overlay) await this.send('overlays', seen, user.overlay);
      if (user.progression) await this.send('progression', seen, user.progression);
      if (user.energy) await this.send('energy', seen, user.energy);
    }
  }

  async campaigns(): Promise<void> {
    for await (const seen of this.documents('campaigns', 'campaigns')) {
      const campaign = this.mappedOrSkip('campaigns', seen, mapCampaign(seen.document));
      if (!campaign) continue;
      if ((await this.userRole(campaign.legacyBrandId)) !== 'brand') {
        this.report.skip('campaigns', {
          legacyId: seen.legacyId,
          line: seen.line,
          reason: 'brand_not_imported',
        });
        continue;
      }
      if (!seen.changed) {
        this.campaignIds.add(campaign.legacyId);
        this.skipUnchanged('campaigns');
        continue;
      }
      if (await this.send('campaigns', seen, campaign)) this.campaignIds.add(campaign.legacyId);
    }
  }

  async participations(): Promise<void> {
    for await (const seen of this.documents('campaignparticipations', 'participations')) {
      const participation = this.mappedOrSkip(
        'participations',
        seen,
        mapParticipation(seen.document),
      );
      if (!participation) continue;
      const reason = !(await this.campaignKnown(participation.legacyCampaignId))
        ? 'campaign_not_imported'
        : (await this.userRole(participation.legacyStreamerId)) !== 'streamer'
          ? 'streamer_not_imported'
          : null;
      if (reason) {
        this.report.skip('participations', { legacyId: seen.legacyId, line: seen.line, reason });
        continue;
      }
      if (!seen.changed) this.skipUnchanged('participations');
      else await this.send('participations', seen, participation);
    }
  }

  async gKeys(): Promise<void> {
    const keyed = new Set<string>();
    for await (const seen of this.documents('gkeys', 'gKeys')) {
      const key = this.mappedOrSkip('gKeys', seen, mapGKey(seen.document));
      if (!key) continue;
      if ((await this.userRole(key.legacyUserId)) !== 'streamer') {
        this.report.skip('gKeys', {
          legacyId: seen.legacyId,
          line: seen.line,
          reason: 'streamer_not_imported',
        });
        continue;
      }
      // Old aliases can fold two legacy categories into one: one key per streamer and category.
      const slot = `${key.legacyUserId}:${key.category}`;
      if (keyed.has(slot)) {
        this.report.skip('gKeys', {
          legacyId: seen.legacyId,
          line: seen.line,
          reason: `duplicate_key_for_category:${key.category}`,
        });
        continue;
      }
      keyed.add(slot);
      const lockedCampaign = key.legacyLockedCampaignId;
      const command =
        lockedCampaign && !(await this.campaignKnown(lockedCampaign))
          ? { ...key, state: 'available' as const, legacyLockedCampaignId: null }
          : key;
      if (!seen.changed) this.skipUnchanged('gKeys');
      else await this.send('gKeys', seen, command);
    }
  }

  async conflictRules(): Promise<void> {
    for await (const seen of this.documents('conflictrules', 'conflictRules')) {
      const rule = this.mappedOrSkip('conflictRules', seen, mapConflictRule(seen.document));
      if (!rule) continue;
      if (!seen.changed) this.skipUnchanged('conflictRules');
      else await this.send('conflictRules', seen, rule);
    }
  }

  async wallets(): Promise<void> {
    const owners = new Set<string>();
    // The money check covers the wallets this run opens: none while the target cannot open any.
    const checksMoney = this.options.target.write.openingBalances !== undefined;
    for await (const seen of this.documents('wallets', 'openingBalances')) {
      const wallet = this.mappedOrSkip('openingBalances', seen, mapWallet(seen.document));
      if (!wallet) continue;
      const role = await this.userRole(wallet.legacyUserId);
      const expectedRole = wallet.entries.some(({ account }) => account === 'brand_wallet')
        ? 'brand'
        : null;
      const reason = !role
        ? 'owner_not_imported'
        : expectedRole && role !== expectedRole
          ? 'wallet_type_differs_from_role'
          : owners.has(wallet.legacyUserId)
            ? 'duplicate_wallet_for_user'
            : null;
      if (reason) {
        this.report.skip('openingBalances', { legacyId: seen.legacyId, line: seen.line, reason });
        if (checksMoney) this.report.moneyLeftBehind(wallet.currency, wallet.legacyMillionths);
        continue;
      }
      owners.add(wallet.legacyUserId);
      const cents = wallet.entries.reduce((sum, entry) => sum + entry.cents, 0n);
      // An opening balance is written once: later changes of an old wallet are the old platform's
      // traffic, which a delta cannot replay as opening entries (the runbook freezes money first).
      if (checksMoney) this.report.legacyBalance(wallet.currency, wallet.legacyMillionths, cents);
      if (await this.send('openingBalances', seen, wallet))
        this.report.opened(wallet.currency, cents);
    }
  }

  async kyc(): Promise<void> {
    for await (const seen of this.documents('kycs', 'kyc')) {
      const kyc = this.mappedOrSkip('kyc', seen, mapKyc(seen.document));
      if (!kyc) continue;
      if ((await this.userRole(kyc.legacyUserId)) !== 'streamer') {
        this.report.skip('kyc', {
          legacyId: seen.legacyId,
          line: seen.line,
          reason: 'streamer_not_imported',
        });
        continue;
      }
      if (!seen.changed) this.skipUnchanged('kyc');
      else await this.send('kyc', seen, kyc);
    }
  }

  async notifications(): Promise<void> {
    for await (const seen of this.documents('notifications', 'notifications')) {
      const notification = this.mappedOrSkip(
        'notifications',
        seen,
        mapNotification(seen.document, this.options.now),
      );
      if (!notification) continue;
      if (!(await this.userRole(notification.legacyUserId))) {
        this.report.skip('notifications', {
          legacyId: seen.legacyId,
          line: seen.line,
          reason: 'recipient_not_imported',
        });
        continue;
      }
      if (!seen.changed) this.skipUnchanged('notifications');
      else await this.send('notifications', seen, notification);
    }
  }
}
