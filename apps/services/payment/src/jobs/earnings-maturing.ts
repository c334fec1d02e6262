import type { PaymentDeps } from '../deps';
import { matureEarnings } from '../money/earnings';

const LOTS_PER_TRANSACTION = 500;

/** Matures every lot due by now, a transaction per batch; returns how many matured. */
export async function matureDueEarnings(
  deps: Pick<PaymentDeps, 'transaction' | 'now' | 'platformConfig'>,
) {
  let total = 0;
  for (;;) {
    const matured = await deps.transaction((tx) => matureEarnings(tx, deps, LOTS_PER_TRANSACTION));
    total += matured;
    if (matured < LOTS_PER_TRANSACTION) return total;
  }
}
