import type { PaymentSql } from '../database';

/** What every money operation needs besides its transaction. */
export interface MoneyContext {
  now: () => Date;
  /** The platform fee in basis points (PLATFORM_FEE_BPS). */
  feeBps: number;
  /** Days earnings stay pending (EARNINGS_HOLD_DAYS). */
  earningsHoldDays: number;
}

/** A money operation: one transaction's worth of ledger writes plus its outbox events. */
export type MoneyOperation<Input, Output> = (
  tx: PaymentSql,
  context: MoneyContext,
  input: Input,
) => Promise<Output>;

export const cents = (value: bigint) => Number(value);
