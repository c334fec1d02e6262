import { formatCents } from '@gametriggers/contracts';
import { StatCard } from '@gametriggers/ui';
import { LocalTime } from '../participation/local-time';
import type { EarningsSummary } from './types';

/** Available to withdraw, pending (with when the next part frees up) and on its way out. */
export function EarningsFigures({ summary }: { summary: EarningsSummary }) {
  const next = summary.pendingLots[0];
  return (
    <section aria-label="Balances" className="grid gap-4 sm:grid-cols-3">
      <StatCard
        label="Available"
        value={formatCents(summary.availableCents, summary.currency)}
        hint="Yours to withdraw."
        testId="earnings-available"
      />
      <StatCard
        label="Pending"
        value={formatCents(summary.pendingCents, summary.currency)}
        hint={
          next ? (
            <>
              Next {formatCents(next.amountCents, summary.currency)} available <LocalTime date={next.availableAt} />.
            </>
          ) : (
            'New earnings wait a few days before you can withdraw them.'
          )
        }
        testId="earnings-pending"
      />
      <StatCard
        label="On its way to you"
        value={formatCents(summary.withdrawingCents, summary.currency)}
        hint="Withdrawals sent or waiting to be sent."
        testId="earnings-withdrawing"
      />
    </section>
  );
}
