import { formatCents, MILLIONTHS_PER_CENT } from './money';

export interface SkippedDocument {
  legacyId: string | null;
  line: number;
  reason: string;
}

export interface StepTally {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skips: SkippedDocument[];
  /** Set when the owning service has no import procedure yet: every document of the step waits. */
  notImported: string | null;
}

export interface MoneyCheck {
  currency: string;
  /** Sum of the old balances owed, exactly (as text in major units, to the millionth). */
  legacyTotal: string;
  /** Sum of the opening ledger entries, in cents. */
  openedCents: string;
  /** What rounding sub-cent amounts to whole cents moved (half to even, under half a cent a wallet). */
  roundingMillionths: string;
  /** Old total minus opened minus rounding, in millionths: zero when every wallet opened to the cent. */
  differenceMillionths: string;
  /** Owed by wallets the import did not open (owner not imported, unreadable…), each named in the skips. */
  leftBehind: string;
  balanced: boolean;
}

export class ImportReport {
  readonly steps = new Map<string, StepTally>();
  private readonly money = new Map<
    string,
    {
      legacyMillionths: bigint;
      roundingMillionths: bigint;
      openedCents: bigint;
      leftBehindMillionths: bigint;
    }
  >();
  private highWaterMark: Date | null = null;

  constructor(readonly options: { dryRun: boolean; changedAfter: Date | null; startedAt: Date }) {}

  step(name: string): StepTally {
    let tally = this.steps.get(name);
    if (!tally) {
      tally = {
        read: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        skips: [],
        notImported: null,
      };
      this.steps.set(name, tally);
    }
    return tally;
  }

  skip(name: string, skipped: SkippedDocument): void {
    const tally = this.step(name);
    tally.skipped += 1;
    tally.skips.push(skipped);
  }

  /** The latest `updatedAt` seen: the next delta imports what changed after it. */
  sawChange(updatedAt: Date | undefined): void {
    if (updatedAt && (!this.highWaterMark || updatedAt > this.highWaterMark))
      this.highWaterMark = updatedAt;
  }

  /** A wallet about to be opened: what it held, and the cents its opening entries carry. */
  legacyBalance(currency: string, millionths: bigint, cents: bigint): void {
    const sums = this.moneyOf(currency);
    sums.legacyMillionths += millionths;
    sums.roundingMillionths += millionths - cents * MILLIONTHS_PER_CENT;
  }

  opened(currency: string, cents: bigint): void {
    this.moneyOf(currency).openedCents += cents;
  }

  /** A wallet the import could not open (its owner skipped…): the money check names the sum. */
  moneyLeftBehind(currency: string, millionths: bigint): void {
    this.moneyOf(currency).leftBehindMillionths += millionths;
  }

  private moneyOf(currency: string) {
    let sums = this.money.get(currency);
    if (!sums) {
      sums = {
        legacyMillionths: 0n,
        roundingMillionths: 0n,
        openedCents: 0n,
        leftBehindMillionths: 0n,
      };
      this.money.set(currency, sums);
    }
    return sums;
  }

  /**
   * Balanced when the opening entries the owner confirmed carry every old balance of the wallets
   * opened, to the cent (the only gap allowed is the recorded sub-cent rounding).
   */
  moneyChecks(): MoneyCheck[] {
    return [...this.money].map(([currency, sums]) => {
      const difference =
        sums.legacyMillionths - sums.openedCents * MILLIONTHS_PER_CENT - sums.roundingMillionths;
      return {
        currency,
        legacyTotal: formatMillionths(sums.legacyMillionths),
        openedCents: sums.openedCents.toString(),
        roundingMillionths: sums.roundingMillionths.toString(),
        differenceMillionths: difference.toString(),
        leftBehind: formatMillionths(sums.leftBehindMillionths),
        balanced: difference === 0n,
      };
    });
  }

  toJSON() {
    return {
      dryRun: this.options.dryRun,
      startedAt: this.options.startedAt.toISOString(),
      changedAfter: this.options.changedAfter?.toISOString() ?? null,
      highWaterMark: this.highWaterMark?.toISOString() ?? null,
      steps: Object.fromEntries(this.steps),
      money: this.moneyChecks(),
    };
  }

  summary(): string {
    const lines = [
      `Legacy import${this.options.dryRun ? ' (dry run: nothing written)' : ''}`,
      this.options.changedAfter
        ? `Delta: documents changed after ${this.options.changedAfter.toISOString()}`
        : 'Full import',
      `High-water mark: ${this.highWaterMark?.toISOString() ?? 'none'}`,
      '',
      `${'step'.padEnd(22)}${'read'.padStart(9)}${'created'.padStart(9)}${'updated'.padStart(9)}${'same'.padStart(9)}${'skipped'.padStart(9)}`,
    ];
    for (const [name, tally] of this.steps) {
      lines.push(
        `${name.padEnd(22)}${String(tally.read).padStart(9)}${String(tally.created).padStart(9)}${String(tally.updated).padStart(9)}${String(tally.unchanged).padStart(9)}${String(tally.skipped).padStart(9)}`,
      );
      if (tally.notImported) lines.push(`  not imported yet: ${tally.notImported}`);
      const reasons = new Map<string, number>();
      for (const skipped of tally.skips)
        reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
      for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]))
        lines.push(`  skipped ${count} × ${reason}`);
    }
    lines.push('', 'Money check (old balances owed = opening ledger entries):');
    if (this.money.size === 0) lines.push('  no wallet was opened by this run');
    for (const check of this.moneyChecks()) {
      lines.push(
        `  ${check.currency}: old ${check.legacyTotal}, opened ${formatCents(BigInt(check.openedCents))}, ${check.balanced ? 'balanced' : `NOT balanced (difference ${check.differenceMillionths} millionths)`}; left behind by skipped wallets ${check.leftBehind}`,
      );
    }
    return lines.join('\n');
  }
}

function formatMillionths(millionths: bigint): string {
  const negative = millionths < 0n;
  const magnitude = negative ? -millionths : millionths;
  const text = `${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
  return negative ? `-${text}` : text;
}
