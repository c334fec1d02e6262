import type { PaymentDeps } from '../deps';
import { sendWithdrawal } from './withdrawals';

/** How long a withdrawal may sit unsent (not transferred, or without a payout) before the job sends it again. */
const STUCK_AFTER_MS = 60_000;

/**
 * Withdrawals held but not transferred, or transferred without a payout (Stripe unreachable, or the
 * process stopped in between), are sent again; the keys `withdrawal:<id>` and `payout:<id>` make a
 * second send the first one.
 */
export async function resendStuckWithdrawals(deps: PaymentDeps): Promise<number> {
  const stuck = await deps.db.withdrawal.findMany({
    where: {
      OR: [{ status: 'transferring' }, { status: 'in_transit', payoutId: null }],
      requestedAt: { lt: new Date(deps.now().getTime() - STUCK_AFTER_MS) },
    },
    select: { id: true },
    orderBy: { requestedAt: 'asc' },
    take: 100,
  });
  for (const { id } of stuck) {
    try {
      await sendWithdrawal(deps, id);
    } catch (error) {
      deps.log.error({ err: error, withdrawalId: id }, 'withdrawal still cannot be sent');
    }
  }
  return stuck.length;
}
