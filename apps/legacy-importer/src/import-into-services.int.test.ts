import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IdentityHarness } from '@gametriggers/identity-service/testing';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import type { OverlayHarness } from '@gametriggers/overlay-service/testing';
import { startOverlayHarness } from '@gametriggers/overlay-service/testing';
import type { PaymentHarness } from '@gametriggers/payment-service/testing';
import { startPaymentHarness } from '@gametriggers/payment-service/testing';
import { fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLegacyExport } from './fixtures/legacy-export-fixture';
import type { LegacyExportFixture } from './fixtures/legacy-export-fixture';

/**
 * `pnpm import:legacy` as an operator runs it: the command in its own process, against real
 * identity, payment and overlay services. Killed half-way, run again, run twice: every old account exists
 * once and every old wallet is opened once, to the cent.
 */
const clock = fixedClock(testInstants.newYorkAfternoon);
const size = { brands: 10, streamers: 50, campaigns: 6, participations: 20 };
const importedAccounts = size.brands + size.streamers + 1;
let identity: IdentityHarness;
let payment: PaymentHarness;
let overlay: OverlayHarness;
let fixture: LegacyExportFixture;
let folder: string;

beforeAll(async () => {
  identity = await startIdentityHarness({ now: clock.now });
  payment = await startPaymentHarness({
    jwksUrl: identity.jwksUrl,
    now: clock.now,
    serviceSecret: testServiceSecret,
  });
  overlay = await startOverlayHarness({
    jwksUrl: identity.jwksUrl,
    now: clock.now,
    serviceSecret: testServiceSecret,
  });
  folder = mkdtempSync(path.join(tmpdir(), 'legacy-import-int-'));
  fixture = await writeLegacyExport(path.join(folder, 'export'), size, { messy: true });
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await overlay?.close();
  await payment?.close();
  await identity?.close();
});

interface ImportReportJson {
  steps: Record<
    string,
    {
      created: number;
      updated: number;
      unchanged: number;
      skipped: number;
      notImported: string | null;
    }
  >;
  money: Array<{ currency: string; openedCents: string; balanced: boolean }>;
}

function runImportCommand(args: string[], options: { killWhen?: () => Promise<boolean> } = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'cli.ts'), ...args],
    {
      cwd: path.join(import.meta.dirname, '..'),
      env: {
        ...process.env,
        INIT_CWD: folder,
        IDENTITY_SERVICE_URL: identity.url,
        PAYMENT_SERVICE_URL: payment.url,
        OVERLAY_SERVICE_URL: overlay.url,
        SERVICE_SECRET: testServiceSecret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    output: string;
  }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output })));
  const { killWhen } = options;
  if (killWhen) {
    void (async () => {
      while (child.exitCode === null && !(await killWhen()))
        await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill('SIGKILL');
    })();
  }
  return exited;
}

const legacyAccounts = () => identity.service.deps.db.legacyAccount.count();
const users = () => identity.service.deps.db.user.count();
/** What the ledger owes brands and streamers: credits less debits of their accounts. */
async function owedInLedger() {
  const owed = await payment.db.ledgerAccount.findMany({
    where: { kind: { in: ['brand_wallet', 'streamer_available', 'streamer_pending'] } },
  });
  return owed.reduce((sum, account) => sum + account.postedCredits - account.postedDebits, 0n);
}
const report = (name: string) =>
  JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as ImportReportJson;

describe('pnpm import:legacy against the identity, payment and overlay services', () => {
  it('writes nothing on a dry run', async () => {
    const before = await users();
    const run = await runImportCommand(['export', '--dry-run', '--report', 'dry.json']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('dry run');
    expect(report('dry.json').steps.accounts).toMatchObject({ created: importedAccounts });
    expect(await users()).toBe(before);
  });

  it('finishes the rest after being killed half-way, creating nothing twice', async () => {
    const killed = await runImportCommand(['export', '--report', 'killed.json'], {
      killWhen: async () => (await legacyAccounts()) >= 12,
    });
    expect(killed.signal, killed.output).toBe('SIGKILL');
    const afterCrash = await legacyAccounts();
    expect(afterCrash).toBeGreaterThanOrEqual(12);
    expect(afterCrash).toBeLessThan(importedAccounts);

    const resumed = await runImportCommand(['export', '--report', 'resumed.json']);
    expect(resumed.code, resumed.output).toBe(0);
    expect(await legacyAccounts()).toBe(importedAccounts);
    expect(report('resumed.json').steps.accounts).toMatchObject({
      created: importedAccounts - afterCrash,
      unchanged: afterCrash,
      updated: 0,
    });
    expect(report('resumed.json').steps.campaigns?.notImported).toBe(
      'the campaign service has no legacy campaign import yet',
    );
    expect(report('resumed.json').money).toEqual([
      expect.objectContaining({
        currency: 'USD',
        openedCents: String(fixture.walletsOwedMillionths / 10_000n),
        balanced: true,
      }),
    ]);
    expect(await owedInLedger()).toBe(fixture.walletsOwedMillionths / 10_000n);

    const again = await runImportCommand(['export', '--report', 'again.json']);
    expect(again.code, again.output).toBe(0);
    expect(report('again.json').steps.accounts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: importedAccounts,
    });
    expect(report('again.json').steps.openingBalances).toMatchObject({
      created: 0,
      unchanged: report('resumed.json').steps.openingBalances!.created,
    });
    expect(await legacyAccounts()).toBe(importedAccounts);
    expect(await owedInLedger()).toBe(fixture.walletsOwedMillionths / 10_000n);

    // The imported streamer signs in with the old password, and the old overlay URL opens their overlay.
    const tokens = await identity
      .client()
      .identity.login.mutate({ email: fixture.streamer.email, password: fixture.password });
    expect(tokens.accessToken.length).toBeGreaterThan(0);
    const { userId } = await identity.service.deps.db.legacyAccount.findUniqueOrThrow({
      where: { legacyId: fixture.streamer.legacyId },
    });
    const resolved = await overlay
      .serviceClient('analytics')
      .overlay.internal.resolveKey.query({ key: fixture.streamer.overlayToken });
    expect(resolved).toMatchObject({ streamerId: userId });
    expect(report('again.json').steps.overlays).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: size.streamers + 1,
    });
  });

  it('applies a delta after the high-water mark: nothing changed, nothing written', async () => {
    const delta = await runImportCommand([
      'export',
      '--since',
      'again.json',
      '--report',
      'delta.json',
    ]);
    expect(delta.code, delta.output).toBe(0);
    expect(report('delta.json').steps.accounts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: importedAccounts,
    });
  });
});
