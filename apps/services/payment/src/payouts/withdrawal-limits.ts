import type { PlatformConfig } from '@gametriggers/contracts';
import type { PaymentSql } from '../database';

export interface WithdrawalLimits {
  minCents: number;
  dailyCents: number;
  monthlyCents: number;
  approvalCents: number;
  usedTodayCents: number;
  usedThisMonthCents: number;
  leftTodayCents: number;
  leftThisMonthCents: number;
}

const startOfUtcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
const startOfUtcMonth = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

/** The limits in force, from the platform configuration. */
export const configuredWithdrawalLimits = (config: PlatformConfig) => ({
  minCents: config.withdrawalMinimumCents,
  dailyCents: config.withdrawalDailyLimitCents,
  monthlyCents: config.withdrawalMonthlyLimitCents,
  approvalCents: config.withdrawalApprovalThresholdCents,
});

/** What the streamer may still withdraw today and this month (UTC); failed and rejected requests do not count. */
export async function withdrawalLimits(
  sql: PaymentSql,
  config: PlatformConfig,
  streamerId: string,
  now: Date,
): Promise<WithdrawalLimits> {
  const rows = await sql.$queryRawUnsafe<Array<{ today: string; month: string }>>(
    `SELECT COALESCE(SUM("amountCents") FILTER (WHERE "requestedAt" >= $2), 0)::text AS "today",
            COALESCE(SUM("amountCents"), 0)::text AS "month"
     FROM "withdrawals"
     WHERE "streamerId" = $1 AND "requestedAt" >= $3 AND "status" NOT IN ('failed', 'rejected')`,
    streamerId,
    startOfUtcDay(now),
    startOfUtcMonth(now),
  );
  const usedTodayCents = Number(rows[0]?.today ?? 0);
  const usedThisMonthCents = Number(rows[0]?.month ?? 0);
  const limits = configuredWithdrawalLimits(config);
  return {
    ...limits,
    usedTodayCents,
    usedThisMonthCents,
    leftTodayCents: Math.max(0, limits.dailyCents - usedTodayCents),
    leftThisMonthCents: Math.max(0, limits.monthlyCents - usedThisMonthCents),
  };
}
