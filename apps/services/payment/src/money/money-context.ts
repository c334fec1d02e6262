import type { PlatformConfigSource } from '@gametriggers/platform-config';
import type { PaymentSql } from '../database';

/** What every money operation needs besides its transaction. */
export interface MoneyContext {
  now: () => Date;
  /** The platform fee and the earnings hold are read from it at each operation, so a change applies to the next. */
  platformConfig: PlatformConfigSource;
}

/** A money operation: one transaction's worth of ledger writes plus its outbox events. */
export type MoneyOperation<Input, Output> = (
  tx: PaymentSql,
  context: MoneyContext,
  input: Input,
) => Promise<Output>;

export const cents = (value: bigint) => Number(value);
