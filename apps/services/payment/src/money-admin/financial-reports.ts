import type { financialReportInputSchema } from '@gametriggers/contracts';
import type { z } from 'zod';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { cents } from '../money/money-context';
import { csvCell } from '../statements/statement-files';

type ReportInput = z.output<typeof financialReportInputSchema>;
type Granularity = ReportInput['granularity'];

/** What moved in a period, from posted postings (holds count once posted), in cents. */
const flows = {
  depositsCents: `e."kind" = 'deposit' AND a."kind" = 'brand_wallet' AND p."direction" = 'credit'`,
  spendCents: `e."kind" IN ('charge', 'fixed_pot') AND a."kind" = 'campaign_escrow' AND p."direction" = 'debit'`,
  platformFeesCents: `a."kind" = 'platform_fees' AND p."direction" = 'credit'`,
  payoutsCents: `e."kind" = 'payout' AND a."kind" = 'clearing' AND p."direction" = 'credit'`,
  refundsCents: `e."kind" = 'refund' AND a."kind" = 'clearing' AND p."direction" = 'credit'`,
} as const;
type Flow = keyof typeof flows;

/** What the platform owes, by whom it is owed to: balances of these liability accounts. */
const liabilities = {
  brandFundsHeldCents: `a."kind" IN ('brand_wallet', 'campaign_escrow', 'disputes_held')`,
  streamerEarningsOwedCents: `a."kind" IN ('streamer_pending', 'streamer_available', 'payouts_in_transit')`,
} as const;
type Liability = keyof typeof liabilities;

const signed = `CASE p."direction" WHEN 'credit' THEN p."amount" ELSE -p."amount" END`;
const joined = `"ledger_postings" p JOIN "ledger_accounts" a ON a."id" = p."accountId" JOIN "journal_entries" e ON e."id" = p."entryId"`;

export type FinancialPeriod = { period: string; startsAt: Date } & Record<Flow | Liability, number> & {
    /** Net money admins gave (credits less debits of adjustments). */
    adjustmentsCents: number;
  };

const adjustments = `CASE WHEN a."kind" = 'platform_adjustments' THEN -(${signed}) ELSE 0 END`;

function periodStarts(from: Date, to: Date, granularity: Granularity): Date[] {
  const starts: Date[] = [];
  let at =
    granularity === 'day'
      ? new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
      : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (at < to) {
    starts.push(at);
    at =
      granularity === 'day'
        ? new Date(at.getTime() + 24 * 60 * 60_000)
        : new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  }
  return starts;
}

const periodLabel = (start: Date, granularity: Granularity) =>
  start.toISOString().slice(0, granularity === 'day' ? 10 : 7);

/**
 * Deposits, spend, platform fees, payouts, refunds and adjustments per UTC day or month of
 * [from, to), and what is owed at each period's end (brand funds held, streamer earnings owed).
 */
export async function financialReport(tx: PaymentSql, input: ReportInput) {
  const unit = input.granularity;
  const flowColumns = Object.entries(flows)
    .map(([name, when]) => `SUM(CASE WHEN ${when} THEN p."amount" ELSE 0 END)::text AS "${name}"`)
    .join(', ');
  const liabilityColumns = Object.entries(liabilities)
    .map(([name, when]) => `SUM(CASE WHEN ${when} THEN ${signed} ELSE 0 END)::text AS "${name}"`)
    .join(', ');
  const moved = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT to_char(date_trunc('${unit}', p."createdAt" AT TIME ZONE 'UTC'), '${unit === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}') AS "period",
       ${flowColumns}, ${liabilityColumns}, SUM(${adjustments})::text AS "adjustmentsCents"
     FROM ${joined}
     WHERE NOT p."pending" AND p."createdAt" >= $1::timestamptz AND p."createdAt" < $2::timestamptz
     GROUP BY 1`,
    input.from,
    input.to,
  );
  const [opening] = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT ${liabilityColumns} FROM ${joined} WHERE NOT p."pending" AND p."createdAt" < $1::timestamptz`,
    input.from,
  );
  const byPeriod = new Map(moved.map((row) => [row.period as string, row]));
  const owed: Record<Liability, bigint> = {
    brandFundsHeldCents: toBigInt(opening?.brandFundsHeldCents ?? 0),
    streamerEarningsOwedCents: toBigInt(opening?.streamerEarningsOwedCents ?? 0),
  };
  const periods = periodStarts(input.from, input.to, unit).map((startsAt): FinancialPeriod => {
    const period = periodLabel(startsAt, unit);
    const row = byPeriod.get(period);
    const amount = (name: string) => cents(toBigInt(row?.[name] ?? 0));
    for (const name of Object.keys(liabilities) as Liability[]) owed[name] += toBigInt(row?.[name] ?? 0);
    return {
      period,
      startsAt,
      depositsCents: amount('depositsCents'),
      spendCents: amount('spendCents'),
      platformFeesCents: amount('platformFeesCents'),
      payoutsCents: amount('payoutsCents'),
      refundsCents: amount('refundsCents'),
      adjustmentsCents: amount('adjustmentsCents'),
      brandFundsHeldCents: cents(owed.brandFundsHeldCents),
      streamerEarningsOwedCents: cents(owed.streamerEarningsOwedCents),
    };
  });
  const sum = (name: Flow | 'adjustmentsCents') => periods.reduce((total, period) => total + period[name], 0);
  const last = periods.at(-1);
  return {
    from: input.from,
    to: input.to,
    granularity: unit,
    currency: 'USD' as const,
    periods,
    totals: {
      depositsCents: sum('depositsCents'),
      spendCents: sum('spendCents'),
      platformFeesCents: sum('platformFeesCents'),
      payoutsCents: sum('payoutsCents'),
      refundsCents: sum('refundsCents'),
      adjustmentsCents: sum('adjustmentsCents'),
      brandFundsHeldCents: last?.brandFundsHeldCents ?? 0,
      streamerEarningsOwedCents: last?.streamerEarningsOwedCents ?? 0,
    },
  };
}

export type FinancialReport = Awaited<ReturnType<typeof financialReport>>;

const dollars = (value: number) => (value / 100).toFixed(2);
const columns: Array<[keyof FinancialReport['totals'], string]> = [
  ['depositsCents', 'Deposits (USD)'],
  ['spendCents', 'Spend (USD)'],
  ['platformFeesCents', 'Platform fees (USD)'],
  ['payoutsCents', 'Payouts (USD)'],
  ['refundsCents', 'Refunds (USD)'],
  ['adjustmentsCents', 'Adjustments (USD)'],
  ['brandFundsHeldCents', 'Brand funds held at end (USD)'],
  ['streamerEarningsOwedCents', 'Streamer earnings owed at end (USD)'],
];

/** The report as CSV: one line per period, then the totals (liabilities as at the end). */
export function financialReportCsv(report: FinancialReport): string {
  const lines = [
    [report.granularity === 'day' ? 'Day (UTC)' : 'Month (UTC)', ...columns.map(([, title]) => title)],
    ...report.periods.map((period) => [period.period, ...columns.map(([name]) => dollars(period[name]))]),
    ['Total', ...columns.map(([name]) => dollars(report.totals[name]))],
  ];
  return lines.map((line) => line.map(csvCell).join(',')).join('\n') + '\n';
}
