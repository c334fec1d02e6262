import { formatCents, ledgerEntryKindLabel } from '@gametriggers/contracts';
import { Badge, EmptyState, LocalTime, Table, cn } from '@gametriggers/ui';
import type { MoneyAccountDetail } from './types';


/** The account's latest movements, newest first. */
export function AccountEntries({ account }: { account: MoneyAccountDetail }) {
  if (account.recentEntries.length === 0) {
    return <EmptyState title="No movements yet">Top-ups, charges, withdrawals and adjustments appear here.</EmptyState>;
  }
  return (
    <Table
      caption="Recent movements"
      rows={account.recentEntries}
      rowKey={(row) => row.id}
      rowTestId="account-entry"
      phoneLayout="cards"
      columns={[
        {
          header: 'Movement',
          cell: (row) => (
            <span className="flex flex-col gap-0.5">
              <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {ledgerEntryKindLabel(row.kind)}
                {account.holder === 'streamer' ? <Badge tone="neutral">{row.account}</Badge> : null}
                {row.pending ? <Badge tone="warning">Held</Badge> : null}
              </span>
              {row.reason ? <span className="text-xs text-slate-500">{row.reason}</span> : null}
            </span>
          ),
        },
        { header: 'Date', cell: (row) => <LocalTime date={row.createdAt} /> },
        {
          header: 'Amount',
          className: 'sm:text-right',
          cell: (row) => (
            <span className={cn('font-medium tabular-nums', row.direction === 'in' ? 'text-emerald-700' : 'text-slate-900')}>
              {row.direction === 'in' ? '+' : '−'}
              {formatCents(row.amountCents)}
            </span>
          ),
        },
        {
          header: 'Balance after',
          className: 'sm:text-right',
          cell: (row) => <span className="tabular-nums">{formatCents(row.balanceAfterCents)}</span>,
        },
      ]}
    />
  );
}
