import { formatCents } from '@gametriggers/contracts';
import { Badge, Table } from '@gametriggers/ui';
import { LocalTime } from '../participation/local-time';
import type { Withdrawal } from './types';

const statusLook: Record<Withdrawal['status'], { label: string; tone: 'neutral' | 'warning' | 'success' | 'danger' | 'brand' }> = {
  awaiting_approval: { label: 'Waiting for review', tone: 'warning' },
  transferring: { label: 'Sending', tone: 'brand' },
  in_transit: { label: 'On its way', tone: 'brand' },
  paid: { label: 'Paid', tone: 'success' },
  failed: { label: 'Failed — money returned', tone: 'danger' },
  rejected: { label: 'Declined — money returned', tone: 'danger' },
};

/** The streamer's withdrawals, newest first, with where each stands. */
export function WithdrawalHistory({ withdrawals }: { withdrawals: readonly Withdrawal[] }) {
  return (
    <section aria-labelledby="withdrawals-heading" className="space-y-3">
      <h2 id="withdrawals-heading" className="text-lg font-semibold text-slate-900">
        Withdrawals
      </h2>
      {withdrawals.length === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-slate-200 bg-white p-6 text-center text-sm text-slate-500" data-testid="withdrawals-empty">
          No withdrawals yet. Once earnings are available, withdraw them to your bank above.
        </p>
      ) : (
        <Table
          caption="Your withdrawals"
          rows={withdrawals}
          rowKey={(withdrawal) => withdrawal.id}
          rowTestId="withdrawal-row"
          phoneLayout="cards"
          columns={[
            {
              header: 'Amount',
              cell: (withdrawal) => (
                <span className="font-medium text-slate-900 tabular-nums">
                  {formatCents(withdrawal.amountCents, withdrawal.currency)}
                </span>
              ),
            },
            {
              header: 'Status',
              cell: (withdrawal) => (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone={statusLook[withdrawal.status].tone} data-testid="withdrawal-status">
                    {statusLook[withdrawal.status].label}
                  </Badge>
                  {withdrawal.failureReason ? <span className="text-xs text-slate-500">{withdrawal.failureReason}</span> : null}
                </span>
              ),
            },
            { header: 'Requested', cell: (withdrawal) => <LocalTime date={withdrawal.requestedAt} /> },
            {
              header: 'Settled',
              cell: (withdrawal) => (withdrawal.settledAt ? <LocalTime date={withdrawal.settledAt} /> : '—'),
            },
          ]}
        />
      )}
    </section>
  );
}
