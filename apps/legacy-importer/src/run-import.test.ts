import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dryRunTarget } from './dry-run-target';
import { fixtureId, writeLegacyExport } from './fixtures/legacy-export-fixture';
import type { LegacyExportFixture } from './fixtures/legacy-export-fixture';
import type {
  AccountImport,
  CampaignImport,
  OpeningBalanceImport,
  OverlayImport,
} from './import-commands';
import { MemoryTarget } from './memory-target';
import { runLegacyImport } from './run-import';

const NOW = new Date('2026-01-05T00:00:00.000Z');
const size = { brands: 6, streamers: 14, campaigns: 12, participations: 40 };
let fixture: LegacyExportFixture;

beforeAll(async () => {
  fixture = await writeLegacyExport(mkdtempSync(path.join(tmpdir(), 'legacy-export-')), size, {
    messy: true,
  });
});

const importInto = (
  target: MemoryTarget | ReturnType<typeof dryRunTarget>,
  options: { changedAfter?: Date; exportDir?: string } = {},
) =>
  runLegacyImport({
    exportDir: options.exportDir ?? fixture.dir,
    target,
    dryRun: false,
    changedAfter: options.changedAfter ?? null,
    now: NOW,
  });

describe('the legacy import on a messy export', () => {
  it('reports every messy document as skipped, with its old id and reason', async () => {
    const report = await importInto(new MemoryTarget());
    const skips = [...report.steps].flatMap(([step, tally]) =>
      tally.skips.map((skip) => ({
        step,
        legacyId: skip.legacyId,
        reason: skip.reason.startsWith('unreadable_line') ? 'unreadable_line' : skip.reason,
      })),
    );
    expect(skips.sort(byStepAndId)).toEqual([...fixture.expectedSkips].sort(byStepAndId));
  });

  it('maps users to accounts, profiles and overlays', async () => {
    const target = new MemoryTarget();
    await importInto(target);
    expect(target.count('accounts')).toBe(size.brands + size.streamers + 1);
    const streamer = target.recordOf('accounts', fixture.streamer.legacyId) as AccountImport;
    expect(streamer).toMatchObject({
      email: 'streamer0@legacy.example',
      role: 'streamer',
      needsPasswordReset: false,
    });
    expect(streamer.legacyPasswordHash).toMatch(/^\$2[aby]\$04\$/);
    const oauthStreamer = target.recordOf(
      'accounts',
      fixtureId('user', size.brands + 3),
    ) as AccountImport;
    expect(oauthStreamer).toMatchObject({
      legacyPasswordHash: null,
      needsPasswordReset: false,
      oauthLinks: [{ provider: 'twitch', providerAccountId: 'twitch-3' }],
    });
    // A hash the platform cannot check: the person is mailed a reset link instead.
    expect(target.recordOf('accounts', fixtureId('user', 900_004))).toMatchObject({
      legacyPasswordHash: null,
      needsPasswordReset: true,
    });
    expect(target.recordOf('brandProfiles', fixtureId('user', 0))).toEqual({
      legacyUserId: fixtureId('user', 0),
      companyName: 'Legacy Brand 0 Ltd',
      description: null,
    });
    // Streamer 0 kept its categories as one comma-separated string, in the old shape.
    expect(target.recordOf('streamerProfiles', fixture.streamer.legacyId)).toMatchObject({
      categories: ['fps', 'battle_royale'],
      languages: ['en'],
    });
    const overlay = target.recordOf(
      'overlays',
      fixtureId('user', size.brands + 6),
    ) as OverlayImport;
    // Streamer 6 kept its opacity as text, "70", in the old shape.
    expect(overlay).toMatchObject({
      legacyOverlayToken: 'legacy-overlay-000006',
      corner: 'bottom_left',
      opacity: 70,
      strategy: 'weighted',
    });
    expect(target.recordOf('progression', fixture.streamer.legacyId)).toMatchObject({
      streakCurrent: 0,
      xp: 0,
      level: 1,
    });
  });

  it('maps campaigns onto the status machine and money to exact cents', async () => {
    const target = new MemoryTarget();
    await importInto(target);
    const statuses = [...Array(size.campaigns).keys()].map(
      (n) => (target.recordOf('campaigns', fixtureId('campaign', n)) as CampaignImport).status,
    );
    expect(new Set(statuses)).toEqual(
      new Set([
        'draft',
        'pending_review',
        'active',
        'paused',
        'completed',
        'cancelled',
        'rejected',
      ]),
    );
    expect(target.recordOf('campaigns', fixtureId('campaign', 0))).toMatchObject({
      budgetCents: '50050',
      pricing: { model: 'fixed', rateCents: '250' },
    });
    expect(target.recordOf('campaigns', fixtureId('campaign', 1))).toMatchObject({
      budgetCents: '52525',
      pricing: { model: 'cpm', rateCents: '400' },
    });
  });

  it('maps participations, G-Keys, conflict rules, KYC and notifications', async () => {
    const target = new MemoryTarget();
    await importInto(target);
    // Participation 0 joined without a join date: its creation date stands in.
    expect(target.recordOf('participations', fixtureId('participation', 0))).toMatchObject({
      status: 'active',
      impressions: 0,
      removalReason: null,
      joinedAt: '2025-01-06T12:00:00.000Z',
    });
    expect(target.recordOf('participations', fixtureId('participation', 5))).toMatchObject({
      status: 'paused',
      impressions: 15,
    });
    expect(target.recordOf('gKeys', fixtureId('gkey', 3))).toMatchObject({
      category: 'battle_royale',
      state: 'cooloff',
      usageCount: 3,
    });
    expect(target.recordOf('conflictRules', fixtureId('rule', 2))).toMatchObject({
      type: 'cooldown',
      severity: 'warning',
      cooldownHours: 24,
    });
    expect(target.recordOf('conflictRules', fixtureId('rule', 3))).toMatchObject({
      type: 'simultaneous_limit',
      active: false,
      maxSimultaneous: 3,
    });
    expect(target.recordOf('conflictRules', fixtureId('rule', 1))).toMatchObject({
      type: 'category_exclusivity',
      priority: 10,
      categories: ['fps'],
    });
    // `under_review` has no state of its own here: it is pending.
    expect(target.recordOf('kyc', fixtureId('kyc', 2))).toMatchObject({
      state: 'pending',
      decidedAt: null,
    });
    expect(target.recordOf('kyc', fixtureId('kyc', 8))).toMatchObject({
      state: 'rejected',
      rejectionReason: 'Document unreadable',
    });
    expect(target.recordOf('notifications', fixtureId('notification', 1))).toMatchObject({
      category: 'money',
      read: false,
    });
    expect(target.recordOf('notifications', fixtureId('notification', 3))).toMatchObject({
      category: 'verification',
    });
    expect(target.recordOf('energy', fixture.streamer.legacyId)).toEqual({
      legacyUserId: fixture.streamer.legacyId,
      current: 0,
      maximum: 10,
    });
  });

  it('opens every wallet to the cent: the money check balances', async () => {
    const target = new MemoryTarget();
    const report = await importInto(target);
    const [check] = report.moneyChecks();
    expect(check).toMatchObject({
      currency: 'USD',
      balanced: true,
      roundingMillionths: '0',
      leftBehind: '13.000000',
    });
    expect(BigInt(check!.openedCents) * 10_000n).toBe(fixture.walletsOwedMillionths);
    const brandWallet = target.recordOf(
      'openingBalances',
      fixtureId('wallet', 1),
    ) as OpeningBalanceImport;
    expect(brandWallet.entries).toEqual([{ account: 'brand_wallet', cents: String(10101 + 110) }]);
  });

  it('creates nothing twice: a second run finds everything unchanged', async () => {
    const target = new MemoryTarget();
    const first = await importInto(target);
    const counts = [...target.records].map(([step, records]) => [step, records.size]);
    const second = await importInto(target);
    expect([...target.records].map(([step, records]) => [step, records.size])).toEqual(counts);
    for (const [step, tally] of second.steps) {
      expect(tally.created, step).toBe(0);
      expect(tally.updated, step).toBe(0);
      expect(tally.unchanged, step).toBe(first.step(step).created);
    }
  });

  it('finishes the rest after a run stopped half-way', async () => {
    const target = new MemoryTarget();
    let writes = 0;
    const failing = new MemoryTarget();
    const accounts = failing.write.accounts!;
    failing.write.accounts = (command) => {
      writes += 1;
      if (writes === 9) return Promise.reject(new Error('identity went away'));
      return accounts(command);
    };
    await expect(importInto(failing)).rejects.toThrow('identity went away');
    const reference = await importInto(target);
    const resumed = await importInto(failing);
    expect(failing.count('accounts')).toBe(target.count('accounts'));
    expect(resumed.step('accounts').created).toBe(target.count('accounts') - 8);
    expect(resumed.step('campaigns').created).toBe(reference.step('campaigns').created);
  });

  it('writes nothing on a dry run and counts what it would write', async () => {
    const report = await runLegacyImport({
      exportDir: fixture.dir,
      target: dryRunTarget(),
      dryRun: true,
      changedAfter: null,
      now: NOW,
    });
    expect(report.step('accounts').created).toBe(size.brands + size.streamers + 1);
    expect(report.summary()).toContain('dry run');
  });

  it('applies a delta: only documents changed after the high-water mark, through the same mapping', async () => {
    const target = new MemoryTarget();
    const first = await importInto(target);
    const mark = new Date(first.toJSON().highWaterMark!);
    const later = mkdtempSync(path.join(tmpdir(), 'legacy-delta-'));
    const usersFile = readFileSync(path.join(fixture.dir, 'users.json'), 'utf8').split('\n');
    const renamed = usersFile.map((line) =>
      line.includes(`"${fixtureId('user', 1)}"`)
        ? line
            .replace('Legacy Brand 1"', 'Legacy Brand One"')
            .replace(
              /"updatedAt":\{[^}]*\}\}?/,
              `"updatedAt":{"$date":"${new Date(mark.getTime() + 60_000).toISOString()}"}`,
            )
        : line,
    );
    writeFileSync(path.join(later, 'users.json'), renamed.join('\n'));
    appendFileSync(
      path.join(later, 'users.json'),
      `${JSON.stringify({ _id: { $oid: fixtureId('user', 800_000) }, email: 'newcomer@legacy.example', name: 'Newcomer', role: 'streamer', authProvider: 'twitch', authProviderId: 'tw-new', createdAt: { $date: new Date(mark.getTime() + 1000).toISOString() }, updatedAt: { $date: new Date(mark.getTime() + 1000).toISOString() } })}\n`,
    );
    // The newcomer's participation names a campaign the delta export does not carry: the first run imported it.
    writeFileSync(
      path.join(later, 'campaignparticipations.json'),
      `${JSON.stringify({ _id: { $oid: fixtureId('participation', 800_000) }, campaignId: { $oid: fixtureId('campaign', 2) }, streamerId: { $oid: fixtureId('user', 800_000) }, status: 'active', joinedAt: { $date: new Date(mark.getTime() + 2000).toISOString() }, updatedAt: { $date: new Date(mark.getTime() + 2000).toISOString() } })}\n`,
    );
    const delta = await importInto(target, { changedAfter: mark, exportDir: later });
    expect(delta.step('accounts')).toMatchObject({ created: 1, updated: 1 });
    expect((target.recordOf('accounts', fixtureId('user', 1)) as AccountImport).name).toBe(
      'Legacy Brand One',
    );
    expect(delta.step('participations')).toMatchObject({ created: 1, skipped: 0 });
    expect(new Date(delta.toJSON().highWaterMark!).getTime()).toBe(mark.getTime() + 60_000);
    const again = await importInto(target, { changedAfter: mark, exportDir: later });
    expect(again.step('accounts')).toMatchObject({ created: 0, updated: 0 });
  });
});

function byStepAndId(
  a: { step: string; legacyId: string | null },
  b: { step: string; legacyId: string | null },
) {
  return `${a.step}:${a.legacyId}`.localeCompare(`${b.step}:${b.legacyId}`);
}
